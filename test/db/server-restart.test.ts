/**
 * Postgres fault (issue 9): the server restarts in the middle of a build. The test starts a
 * Postgres of its own (never the shared one), lets the build load pages, stops the server (fast
 * shutdown: every session ended, then connections refused) and starts it again.
 * - Back within the budget: the build carries on (pages, the run's statements and the tenant
 *   lock are taken again on fresh connections) and exits 0; then `atlas sync`; staging equals
 *   the truth.
 * - Away longer than the budget (2 s here, 30 s by default): the run ends DATABASE_FAILED (exit
 *   5) with one line saying the connection did not come back; once the server is back, the next
 *   run closes that run as failed, succeeds, and staging equals the truth: no cursor was ahead of
 *   its data.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFailure, runExitCode } from '../../src/cli/commands/build-sync.js';
import { openWarehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { cliEnv, expectStagingEqualsTruth, runCli, testConfig } from '../support/harness.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';
import { printFaultFigures, truthFigures } from '../support/truth-figures.js';

const logger = createLogger({ level: 'error' });
let server: ThrowawayPostgres;
let sandbox: Sandbox;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  sandbox = await startSandbox({ scale: 0.05, seed: 37, batchSize: { min: 5, max: 15 }, faults: { latencyMs: 2 } });
});

afterAll(async () => {
  await sandbox?.close();
  await server?.remove();
});

/** A fresh database on the throwaway server. */
async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return Object.assign(new URL(server.url), { pathname: `/${name}` }).toString();
}

/** Resolves once the run in `url` has committed `pages` pages. */
async function pagesLoaded(url: string, pages: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query(`select to_regclass('atlas._run_endpoints') is not null as ready`);
      if (rows[0].ready) {
        const loaded = await client.query('select coalesce(sum(pages), 0)::int as n from atlas._run_endpoints');
        if (loaded.rows[0].n >= pages) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the tenant's advisory lock (src/runs/tenant-lock.ts: two int4 keys) is held in `url` before `running` ends. */
async function tenantLockHeld(url: string, tenantId: string, running: Promise<unknown>): Promise<boolean> {
  let ended = false;
  running.then(() => (ended = true));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    while (!ended) {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_locks
          where locktype = 'advisory' and granted and objsubid = 2
            and classid::bigint = hashtext('atlas:atlas')::bigint & 4294967295 and objid::bigint = hashtext($1)::bigint & 4294967295`,
        [tenantId],
      );
      if (rows[0].n > 0) return true;
      await pause(20);
    }
    return false;
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server restarted during a build', () => {
  it('back within the budget: the build carries on and exits 0; the sync after it leaves staging equal to the truth', async () => {
    const url = await freshDatabase('restart_carry_on');
    const env = cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '4' });
    const building = runCli(['build'], env);
    await pagesLoaded(url, 20);
    await server.stop();
    await pause(1500);
    await server.start();
    // The restart ended the tenant lock's session: the build takes the lock again before it writes.
    const relocked = await tenantLockHeld(url, sandbox.tenantId, building);
    const built = await building;
    expect(built.code, built.stderr).toBe(0);
    expect(relocked).toBe(true);
    expect(built.stderr).toMatch(/database connection lost while .*trying again on a fresh connection/);

    const synced = await runCli(['sync'], env);
    expect(synced.code, synced.stderr).toBe(0);
    const warehouse = await openWarehouse(url);
    try {
      const runs = await warehouse.pool.query('select status from atlas._runs order by id');
      expect(runs.rows).toEqual([{ status: 'succeeded' }, { status: 'succeeded' }]);
      const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
      const figures = await truthFigures(warehouse.pool, 'atlas', sandbox);
      expect(figures).toEqual({ compared, lost: 0, duplicated: 0, wronglyDeleted: 0 });
      printFaultFigures('server restart (down 1.5 s + start-up)', { faults: 1, runsSurvived: 1, ...figures });
    } finally {
      await warehouse.close();
    }
  });

  it('away longer than the budget: exit 5 with one line, the run closed as failed later, the next run recovers', async () => {
    const url = await freshDatabase('restart_too_long');
    const config = testConfig(url, [sandbox], { concurrency: 4 });
    const options = { fullRefresh: false, reconnectBudgetMs: 2000, clientOptions: { backoff: { baseMs: 5, maxMs: 50 } } };
    const warehouse = await openWarehouse(url);
    try {
      const building = runBuild(config, warehouse, { command: 'build', ...options }, logger, logProgress(logger));
      await pagesLoaded(url, 20);
      const stoppedAt = Date.now();
      await server.stop();
      const summary = await building;
      const gaveUpAfter = Date.now() - stoppedAt;
      await server.start();
      expect(runExitCode(summary)).toBe(5);
      expect(databaseFailure(summary)).toMatch(/^database connection lost while .+, and not back within 2 s: /);
      expect(gaveUpAfter).toBeLessThan(15_000);

      const again = await runBuild(config, warehouse, { command: 'sync', ...options }, logger, logProgress(logger));
      expect(runExitCode(again)).toBe(0);
      const runs = await warehouse.pool.query('select status, error from atlas._runs order by id');
      expect(runs.rows).toEqual([
        { status: 'failed', error: expect.stringMatching(/interrupted|endpoints failed/) },
        { status: 'succeeded', error: null },
      ]);
      const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
      const figures = await truthFigures(warehouse.pool, 'atlas', sandbox);
      expect(figures).toEqual({ compared, lost: 0, duplicated: 0, wronglyDeleted: 0 });
      printFaultFigures('server down beyond the budget', {
        faults: 1,
        exit: 5,
        gaveUpAfterMs: gaveUpAfter,
        runsRecordedFailed: 1,
        ...figures,
      });
    } finally {
      await warehouse.close();
    }
  });
});
