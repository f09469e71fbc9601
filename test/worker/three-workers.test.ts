/**
 * Three `atlas worker` processes share one queue and one database; three sandbox tenants of
 * different sizes and time zones are scheduled for the same tick. One worker is SIGKILLed while
 * it syncs the largest tenant; another worker takes the job over and resumes from the cursors.
 * Afterwards every tenant equals its truth, each tenant was synced for the tick exactly once
 * (plus the killed attempt), no two syncs of a tenant overlapped, and SIGTERM stops the rest with 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { expectStagingEqualsTruth } from '../support/harness.js';
import { nextMinuteSchedule, startCli, waitFor, type WorkerProcess, workerEnv, writeTenantsConfig } from './support.js';

const sandboxes: Sandbox[] = [];
let url: string;
let warehouse: Warehouse;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  const sizes = [
    { scale: 0.01, tenantId: '3100000001', timezone: 'Pacific/Honolulu' },
    { scale: 0.02, tenantId: '3100000002', timezone: 'Europe/Berlin' },
    { scale: 0.05, tenantId: '3100000003', timezone: 'Asia/Tokyo' },
  ];
  for (const [i, size] of sizes.entries()) {
    sandboxes.push(await startSandbox({ ...size, seed: 20 + i, batchSize: { min: 5, max: 15 }, faults: { latencyMs: 3 } }));
  }
  url = await createTestDatabase();
  warehouse = await openWarehouse(url);
});

afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await warehouse?.close();
  await Promise.all(sandboxes.map((s) => s.close()));
  await dropTestDatabases();
});

describe('three workers, one killed mid-sync', () => {
  it('syncs every tenant once per tick, never twice at once, and resumes the killed sync elsewhere', async () => {
    const { schedule, at } = nextMinuteSchedule();
    const zones = ['Pacific/Honolulu', 'Europe/Berlin', 'Asia/Tokyo'];
    const configPath = await writeTenantsConfig(
      sandboxes.map((sandbox, i) => ({ name: `tenant-${i + 1}`, sandbox, timezone: zones[i] })),
      { schedule },
    );
    const env = workerEnv(url);
    for (let i = 0; i < 3; i++) workers.push(startCli(['--config', configPath, 'worker', '--rescue-every', '1'], env));
    await waitFor('three workers started', 30_000, async () =>
      workers.every((w) => w.output().includes('worker started')) ? true : undefined,
    );

    // Kill the worker that syncs the largest tenant once it is well into its feeds.
    const large = sandboxes[2];
    const victimPid = await waitFor('the large tenant mid-sync', at.getTime() - Date.now() + 60_000, async () => {
      if (large.requests().length < 60) return undefined;
      const { rows } = await warehouse.pool.query(`select pid from atlas._runs where tenant_id = $1 and status = 'running'`, [
        large.tenantId,
      ]);
      return rows[0]?.pid as number | undefined;
    });
    const victim = workers.find((w) => w.child.pid === victimPid);
    expect(victim, `run pid ${victimPid} is one of the workers`).toBeDefined();
    victim!.child.kill('SIGKILL');
    expect((await victim!.exited).signal).toBe('SIGKILL');

    const runs = () =>
      warehouse.pool
        .query(`select id, tenant_id::text as tenant, status, pid, started_at, ended_at from atlas._runs order by tenant_id, started_at`)
        .then((r) => r.rows);
    await waitFor('a successful sync of every tenant', 90_000, async () => {
      const done = new Set((await runs()).filter((r) => r.status === 'succeeded').map((r) => r.tenant));
      return sandboxes.every((s) => done.has(s.tenantId)) ? true : undefined;
    }).catch(async (error) => {
      const jobs = await warehouse.pool.query('select * from atlas_worker.jobs');
      console.error({ runs: await runs(), jobs: jobs.rows, output: workers.map((w) => w.output().slice(-3000)) });
      throw error;
    });

    const survivors = workers.filter((w) => w !== victim);
    for (const worker of survivors) worker.child.kill('SIGTERM');
    for (const worker of survivors) expect((await worker.exited).code, worker.output().slice(-2000)).toBe(0);

    for (const sandbox of sandboxes) await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);

    const all = await runs();
    for (const sandbox of sandboxes) {
      const mine = all.filter((r) => r.tenant === sandbox.tenantId);
      // Once for the tick; the killed attempt of the large tenant was closed by its successor.
      const expected = sandbox === large ? ['failed', 'succeeded'] : ['succeeded'];
      expect({ tenant: sandbox.tenantId, statuses: mine.map((r) => r.status) }).toEqual({ tenant: sandbox.tenantId, statuses: expected });
      for (let i = 1; i < mine.length; i++) expect(mine[i - 1].ended_at.getTime()).toBeLessThanOrEqual(mine[i].started_at.getTime());
    }
    const resumed = all.find((r) => r.tenant === large.tenantId && r.status === 'succeeded');
    expect(resumed.pid).not.toBe(victimPid);

    // The queue is empty: every job completed, none left locked by the dead worker.
    const jobs = await warehouse.pool.query('select id, locked_by, last_error from atlas_worker.jobs');
    expect(jobs.rows).toEqual([]);
    const cron = await warehouse.pool.query('select identifier from atlas_worker._private_known_crontabs order by identifier');
    expect(cron.rows.map((r) => r.identifier)).toEqual(sandboxes.map((s) => `atlas_sync:${s.tenantId}`));
  }, 200_000);
});
