/**
 * The data dictionary as a person sees it: a sandbox build, `atlas docs --serve` (the compiled CLI),
 * and Debian's Chromium driven by playwright-core. Every page loads without console errors; the
 * lineage SVG has a node per mart and an edge per dependency (computed here from the model files
 * and the catalog, not from the code under test); clicking a node opens its page; the search finds
 * a column by its description; staging pages show the database's row counts. Saves a screenshot of
 * the lineage page to .atlas/screenshots/lineage.png (the README's image is a copy of one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractedEndpoints } from '../../src/catalog/index.js';
import { knownStagingTables, loadModels } from '../../src/models/index.js';
import { cliEnv, cliPath, projectRoot, runCli, useSandboxWarehouse } from '../support/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const title = hasChromium
  ? 'atlas docs in headless Chromium'
  : `atlas docs in headless Chromium — SKIPPED: ${CHROMIUM} is absent (install it with \`apt-get install -y chromium\`)`;

const models = loadModels(knownStagingTables());
const folderOf = (file: string) => (file.startsWith('marts/') ? 'mart' : file.startsWith('intermediate/') ? 'intermediate' : 'view');

/** Every edge the lineage page must draw: what marts and intermediate models read, transitively. */
function expectedEdges(): string[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const endpointOf = new Map(extractedEndpoints({ includeOptIn: true }).map((d) => [d.extract!.table, d.name]));
  const edges = new Set<string>();
  const visit = (name: string, seen: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    const model = byName.get(name)!;
    const id = `${folderOf(model.file)}:${name}`;
    for (const dependency of model.dependsOn) {
      edges.add(`edge:${folderOf(byName.get(dependency)!.file)}:${dependency}>${id}`);
      visit(dependency, seen);
    }
    for (const table of model.stagingTables) {
      edges.add(`edge:staging:${table}>${id}`);
      if (endpointOf.has(table)) edges.add(`edge:endpoint:${endpointOf.get(table)}>staging:${table}`);
    }
  };
  const seen = new Set<string>();
  for (const m of models.filter((m) => folderOf(m.file) !== 'view')) visit(m.name, seen);
  return [...edges].sort();
}

describe.skipIf(!hasChromium)(title, () => {
  const fixture = useSandboxWarehouse({ scale: 0.05, seed: 3, now: new Date().toISOString() });
  let out = '';
  let server: ChildProcess | undefined;
  let base = '';
  let pages: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'atlas-docs-'));
    const env = cliEnv(fixture.sandbox, fixture.url);
    const build = await runCli(['build'], env);
    expect(build.code, build.stderr).toBe(0);
    server = spawn(process.execPath, [cliPath, 'docs', '--out', out, '--serve', '--port', '0'], {
      env,
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    base = await new Promise<string>((resolve, reject) => {
      server!.stdout!.on('data', (chunk) => {
        stdout += chunk;
        const match = /Serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      server!.on('close', (code) => reject(new Error(`atlas docs --serve exited (${code}): ${stdout}`)));
    });
    const listing = await runCli(['docs', '--out', out], env); // the same site again, for its page count
    expect(listing.code, listing.stderr).toBe(0);
    pages = pageList(out);
    expect(Number(/Data dictionary: (\d+) pages/.exec(listing.stdout)?.[1])).toBe(pages.length);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('loads every page without console errors or failed requests', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    let current = '';
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${current}: console error ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${current}: ${response.status()} ${response.url()}`);
    });
    const folders = { mart: 'marts', intermediate: 'intermediate', view: 'views' };
    const expected = [
      'index.html',
      'lineage.html',
      ...models.map((m) => `${folders[folderOf(m.file)]}/${m.name}.html`),
      ...knownStagingTables().map((table) => `staging/${table}.html`),
    ];
    for (const path of expected) expect(pages).toContain(path);
    for (const path of pages) {
      current = path;
      const response = await page.goto(base + path);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator('h1').count(), path).toBe(1);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it('draws the lineage with a node per mart and an edge per dependency, and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}lineage.html`);
    const ids = await page.$$eval('#lineage-graph svg g.node', (nodes) => nodes.map((n) => n.id));
    const marts = models.filter((m) => m.file.startsWith('marts/')).map((m) => `mart:${m.name}`);
    expect(marts.length).toBeGreaterThanOrEqual(12);
    for (const id of marts) expect(ids).toContain(id);
    const edges = await page.$$eval('#lineage-graph svg g.edge', (nodes) => nodes.map((n) => n.id).sort());
    expect(edges).toEqual(expectedEdges());
    mkdirSync(join(projectRoot, '.atlas', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, '.atlas', 'screenshots', 'lineage.png'), fullPage: true });
    await page.close();
  });

  it('opens a node’s page when the node is clicked, and the mart page shows just its upstream graph', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}lineage.html`);
    await page.locator('[id="mart:revenue_daily"] a').click();
    await page.waitForURL(/marts\/revenue_daily\.html$/);
    expect(await page.locator('h1').textContent()).toContain('revenue_daily');
    const upstream = await page.$$eval('#upstream-graph svg g.node', (nodes) => nodes.map((n) => n.id));
    expect(upstream).toContain('mart:revenue_daily');
    expect(upstream).toContain('view:accounting_invoices');
    expect(upstream).toContain('endpoint:accounting/export/invoices');
    expect(upstream.filter((id) => id.startsWith('mart:'))).toEqual(['mart:revenue_daily']);
    await page.locator('[id="view:accounting_invoices"] a').click();
    await page.waitForURL(/views\/accounting_invoices\.html$/);
    expect(await page.locator('h1').textContent()).toContain('accounting_invoices');
    await page.close();
  });

  it('finds a column by its description, from the model header and from the OpenAPI documents', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}views/crm_customers.html`);
    await page.locator('#search').fill('sum of balance as of the last sync');
    const hit = page.locator('#search-results a', { hasText: 'revenue_daily.outstanding_balance' });
    await expect.poll(() => hit.count()).toBe(1);
    await hit.click();
    await page.waitForURL(/marts\/revenue_daily\.html#column-outstanding_balance$/);
    expect(await page.locator('#column-outstanding_balance td').nth(2).textContent()).toContain('sum of balance as of the last sync');
    // An OpenAPI field description, carried into the typed view's column.
    await page.locator('#search').fill('flagged as “do not service”');
    const openApiHit = page.locator('#search-results a', { hasText: 'crm_customers.do_not_service' });
    await expect.poll(() => openApiHit.count()).toBe(1);
    await page.locator('#search').fill('nothing-has-this-description-xyz');
    expect(await page.locator('#search-results a').count()).toBe(0);
    await page.close();
  });

  it('shows each staging table’s rows per tenant as the database holds them', async () => {
    const { rows } = await fixture.warehouse.pool.query(
      'select count(*)::int as n from atlas.accounting_invoices where deleted_at is null',
    );
    expect(rows[0].n).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(`${base}staging/accounting_invoices.html`);
    const cells = await page.locator('table.figures tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe(fixture.sandbox.tenantId);
    expect(Number(cells[1])).toBe(rows[0].n);
    expect(cells[3]).toMatch(/^\d{4}-\d\d-\d\d/);
    await page.close();
  });
});

/** Every .html under the site folder, relative, `/`-separated. */
function pageList(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(join(dir, relative)).isDirectory()) return pageList(dir, relative);
    return entry.endsWith('.html') ? [relative] : [];
  });
}
