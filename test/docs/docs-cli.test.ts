/**
 * `atlas docs` from the command line (compiled CLI): without a database it still writes every page
 * and says why figures are missing; `--serve` serves only files under the site folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knownStagingTables, loadModels } from '../../src/models/index.js';
import { cliPath, projectRoot, runCli } from '../support/harness.js';

const out = mkdtempSync(join(tmpdir(), 'atlas-docs-cli-'));
const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: 'postgres://nobody:secret-pw@127.0.0.1:1/none' };

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('atlas docs', () => {
  it('writes every page without a reachable database, says so, and never prints the password', async () => {
    const result = await runCli(['docs', '--out', out], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/the database is not reachable/);
    expect(result.stdout + result.stderr).not.toContain('secret-pw');
    const models = loadModels(knownStagingTables());
    const pages = 2 + models.length + knownStagingTables().length + 1; // index, lineage, models, staging tables, _tenants
    expect(result.stdout).toContain(`Data dictionary: ${pages} pages in ${out}`);
    for (const table of knownStagingTables()) expect(existsSync(join(out, 'staging', `${table}.html`))).toBe(true);
    const page = readFileSync(join(out, 'staging', 'accounting_invoices.html'), 'utf8');
    expect(page).toContain('No database was reachable');
    const mart = readFileSync(join(out, 'marts', 'revenue_daily.html'), 'utf8');
    expect(mart).toContain('sum of balance as of the last sync');
    expect(mart).toContain('key (tenant_id, business_unit_id, invoice_date) unique');
  });

  it('rejects a bad --port naming the flag', async () => {
    const result = await runCli(['docs', '--out', out, '--no-database', '--serve', '--port', 'eighty'], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--port/);
  });

  it('--serve serves the site on 127.0.0.1 and nothing outside it', async () => {
    const child = spawn(process.execPath, [cliPath, 'docs', '--out', out, '--no-database', '--serve', '--port', '0'], {
      env,
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const match = /Serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (match) resolve(match[1]);
        });
        child.on('close', (code) => reject(new Error(`exited ${code}: ${stdout}`)));
      });
      const index = await fetch(base);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toMatch(/text\/html/);
      expect(await index.text()).toContain('Atlas data dictionary');
      const css = await fetch(`${base}assets/site.css`);
      expect(css.headers.get('content-type')).toMatch(/text\/css/);
      expect((await fetch(`${base}..%2f..%2fpackage.json`)).status).toBe(404);
      expect((await fetch(`${base}marts/no_such_mart.html`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
