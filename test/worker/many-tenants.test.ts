/**
 * Twelve tenants in one config and one database at concurrency 4, two of them failing (bad
 * credentials; a tenant id the server does not serve): the others load regardless and the run
 * reports each. `atlas status --stale-after` then names exactly the failing tenants, and under
 * `atlas worker` their jobs wait to retry in the queue while the others' jobs complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { expectStagingEqualsTruth, runCli } from '../support/harness.js';
import { startCli, waitFor, workerEnv, writeTenantsConfig } from './support.js';

const sandboxes: Sandbox[] = [];
let url: string;
let warehouse: Warehouse;
let configPath: string;
const BAD_SECRET = 'not-the-secret';
/** Tenant 12 is configured with a tenant id its server does not serve. */
const UNSERVED_TENANT_ID = '3299999999';
/** A few endpoints of each walk kind keep twelve tenants quick on a small machine. */
const ENDPOINTS = ['crm/export/customers', 'jpm/export/jobs', 'accounting/export/invoices', 'jpm/job-types'];

beforeAll(async () => {
  for (let i = 1; i <= 12; i++) {
    sandboxes.push(await startSandbox({ scale: 0.01, seed: 40 + i, tenantId: String(3200000000 + i), batchSize: { min: 50, max: 100 } }));
  }
  url = await createTestDatabase();
  warehouse = await openWarehouse(url);
  const tenants = sandboxes.map((sandbox, i) => ({
    name: `tenant-${i + 1}`,
    sandbox,
    timezone: i % 2 ? 'America/New_York' : 'Australia/Sydney',
    clientSecret: i === 10 ? BAD_SECRET : undefined,
  }));
  configPath = await writeTenantsConfig(tenants, { endpoints: { include: ENDPOINTS } });
  // The unserved tenant: same server and credentials, another tenant id.
  const { readFile, writeFile } = await import('node:fs/promises');
  const config = JSON.parse(await readFile(configPath, 'utf8'));
  config.tenants[11].tenantId = UNSERVED_TENANT_ID;
  await writeFile(configPath, JSON.stringify(config));
});

afterAll(async () => {
  await warehouse?.close();
  await Promise.all(sandboxes.map((s) => s.close()));
  await dropTestDatabases();
});

const failingIds = () => [sandboxes[10].tenantId, UNSERVED_TENANT_ID];

describe('twelve tenants, two failing', () => {
  it('atlas sync loads the ten good tenants and reports each of the twelve', async () => {
    const result = await runCli(['--config', configPath, 'sync', '--concurrency', '4'], workerEnv(url));
    expect(result.code, result.stderr.slice(-2000)).toBe(7);
    for (let i = 1; i <= 10; i++) expect(result.stdout).toMatch(new RegExp(`✓ tenant tenant-${i} \\(\\d+\\): succeeded`));
    expect(result.stdout).toMatch(/✗ tenant tenant-11 \(\d+\): failed/);
    expect(result.stdout).toMatch(/✗ tenant tenant-12 \(\d+\): failed/);
    expect(result.stdout + result.stderr).not.toContain(BAD_SECRET);
    for (const sandbox of sandboxes.slice(0, 10)) await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, ENDPOINTS);
  }, 180_000);

  it('atlas status --stale-after names exactly the failing tenants, in text and JSON', async () => {
    const text = await runCli(['--config', configPath, 'status', '--stale-after', '2h'], workerEnv(url));
    expect(text.code, text.stderr).toBe(9);
    expect(text.stdout).toMatch(/Stale: \d+ tenant\/endpoint pair\(s\) without a successful sync within 2h/);
    expect(text.stdout).toContain(`tenant-11 (${sandboxes[10].tenantId}) `);
    expect(text.stdout).toContain(`tenant-12 (${UNSERVED_TENANT_ID}) `);
    expect(text.stdout).not.toMatch(/ {2}tenant-1 \(/);

    const json = await runCli(['--config', configPath, '--json', 'status', '--stale-after', '2h'], workerEnv(url));
    expect(json.code, json.stderr).toBe(9);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.staleAfterSeconds).toBe(7200);
    expect([...new Set(parsed.stale.map((s: { tenantId: string }) => s.tenantId))].sort()).toEqual(failingIds().sort());

    const bad = await runCli(['--config', configPath, 'status', '--stale-after', 'soon'], workerEnv(url));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--stale-after "soon" is not a duration: e.g. 90s, 30m, 2h or 1d');
  });

  it('under atlas worker the good tenants complete while the failing ones wait to retry', async () => {
    const worker = startCli(['--config', configPath, 'worker', '--jobs', '4', '--sync-now'], workerEnv(url));
    try {
      const queue = await waitFor('only the failing tenants left in the queue, retrying', 60_000, async () => {
        const { rows } = await warehouse.pool
          .query(`select queue_name, attempts, locked_at, last_error from atlas_worker.jobs order by queue_name`)
          .catch(() => ({ rows: [] as Array<Record<string, unknown>> }));
        const settled = rows.length === 2 && rows.every((r) => r.last_error && r.locked_at === null);
        return settled ? rows : undefined;
      }).catch(async (error) => {
        const jobs = await warehouse.pool.query('select queue_name, attempts, locked_at, last_error from atlas_worker.jobs');
        console.error({ jobs: jobs.rows, output: worker.output().slice(-3000) });
        throw error;
      });
      expect(queue.map((r) => r.queue_name)).toEqual(
        failingIds()
          .map((id) => `atlas_sync:${id}`)
          .sort(),
      );
      const status = await runCli(['--config', configPath, '--json', 'status'], workerEnv(url));
      const parsed = JSON.parse(status.stdout);
      expect(parsed.queue.map((q: { tenantId: string; retrying: number }) => [q.tenantId, q.retrying])).toEqual(
        failingIds()
          .sort()
          .map((id) => [id, 1]),
      );
      const text = await runCli(['--config', configPath, 'status'], workerEnv(url));
      expect(text.stdout).toMatch(/Worker queue:\n.*\n {2}tenant-11 +0 +0 +1 +0 /);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect((await worker.exited).code, worker.output().slice(-2000)).toBe(0);
    const runs = await warehouse.pool.query(`select count(*)::int as n from atlas._runs where status = 'succeeded'`);
    expect(runs.rows[0].n).toBe(20);
  }, 180_000);
});
