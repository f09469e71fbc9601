/**
 * SIGTERM during a sync: the worker stops after the pages in flight, exits 0 and hands the job
 * back (unlocked, its error saying why); the next worker resumes the sync from the saved cursors
 * and the tenant ends equal to its truth. `atlas sync` alongside a worker is refused by the tenant
 * lock while the worker syncs (exit 6) and works once it is idle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { expectStagingEqualsTruth, runCli } from '../support/harness.js';
import { startCli, waitFor, workerEnv, writeTenantsConfig } from './support.js';

let sandbox: Sandbox;
let url: string;
let warehouse: Warehouse;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.03, seed: 31, tenantId: '3300000001', batchSize: { min: 5, max: 15 }, faults: { latencyMs: 3 } });
  url = await createTestDatabase();
  warehouse = await openWarehouse(url);
});

afterAll(async () => {
  await warehouse?.close();
  await sandbox?.close();
  await dropTestDatabases();
});

describe('SIGTERM', () => {
  it('finishes the pages in hand, exits 0, and the next worker resumes the sync', async () => {
    const configPath = await writeTenantsConfig([{ name: 'solo', sandbox }]);
    const env = workerEnv(url);
    const first = startCli(['--config', configPath, 'worker', '--sync-now'], env);
    await waitFor('the sync well under way', 60_000, async () => (sandbox.requests().length >= 40 ? true : undefined));

    // `atlas sync` of the same tenant meanwhile: refused by the tenant lock.
    const alongside = await runCli(['--config', configPath, 'sync'], env);
    expect(alongside.code, alongside.stderr).toBe(6);
    expect(alongside.stdout).toMatch(/already being synced by run \d+ \(atlas sync, pid \d+/);

    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit.code, first.output().slice(-2000)).toBe(0);
    expect(first.output()).toContain('SIGTERM: finishing the pages in hand');
    const job = await warehouse.pool.query('select locked_at, attempts, last_error from atlas_worker.jobs');
    expect(job.rows).toEqual([{ locked_at: null, attempts: 1, last_error: expect.stringContaining('interrupted by worker shutdown') }]);
    const cursors = await warehouse.pool.query('select count(*)::int as n from atlas._cursors');
    expect(cursors.rows[0].n).toBeGreaterThan(0);

    const second = startCli(['--config', configPath, 'worker'], env);
    await waitFor('the resumed sync to succeed', 90_000, async () => {
      const { rows } = await warehouse.pool.query(`select 1 from atlas._runs where status = 'succeeded'`);
      const { rows: jobs } = await warehouse.pool.query('select 1 from atlas_worker.jobs');
      return rows.length === 1 && jobs.length === 0 ? true : undefined;
    });
    second.child.kill('SIGINT');
    expect((await second.exited).code, second.output().slice(-2000)).toBe(0);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);

    const runs = await warehouse.pool.query(`select status from atlas._runs where command = 'sync' order by id`);
    // The stopped sync is on record as interrupted (stopped on request), not as failed.
    expect(runs.rows.map((r) => r.status)).toEqual(['interrupted', 'succeeded']);
    // With no worker running, `atlas sync` works on its own.
    const alone = await runCli(['--config', configPath, 'sync'], env);
    expect(alone.code, alone.stderr).toBe(0);
  }, 200_000);
});
