/**
 * Postgres fault (issue 9): the loader's backend is killed (`pg_terminate_backend`) in the middle
 * of a page's transaction, up to 10 times during one `atlas build` (at least 3). The run carries on: each page
 * runs again on a fresh connection (src/db/reconnect.ts), the CLI exits 0, and staging equals the
 * sandbox's truth right after that one run — no record lost, none duplicated, none marked
 * deleted. Without the retry the first kill fails the run with exit 5.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cliEnv, expectStagingEqualsTruth, runCli, useSandboxWarehouse } from '../support/harness.js';
import { printFaultFigures, truthFigures } from '../support/truth-figures.js';

const fixture = useSandboxWarehouse({ scale: 0.05, seed: 23, batchSize: { min: 5, max: 15 }, faults: { latencyMs: 2 } });

async function loadingPages(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query(`select to_regclass('atlas._run_endpoints') is not null as ready`);
  if (!rows[0].ready) return false;
  return ((await client.query('select 1 from atlas._run_endpoints where pages > 0 limit 1')).rowCount ?? 0) > 0;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Catches a page in the middle of its transaction and kills its backend. A page transaction lasts
 * milliseconds, so the injector holds a SHARE lock on every staging table for a moment: the next
 * page's upsert waits for it (for its ROW EXCLUSIVE lock), inside its transaction (its COPY done, a
 * transaction id taken), and that backend is terminated. The lock is let go right after. False when no page came within 5 s.
 */
async function terminateAPageMidTransaction(injector: pg.Client): Promise<boolean> {
  const { rows: tables } = await injector.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema = 'atlas' and table_type = 'BASE TABLE' and table_name not like '\\_%'`,
  );
  await injector.query('begin');
  try {
    await injector.query(`lock table ${tables.map((t) => t.name).join(', ')} in share mode`);
    for (const deadline = Date.now() + 5_000; Date.now() < deadline; await pause(5)) {
      // Activity is read once per transaction unless the snapshot is cleared; locks are live.
      await injector.query('select pg_stat_clear_snapshot()');
      const { rows } = await injector.query<{ pid: number }>(
        `select l.pid from pg_locks l join pg_stat_activity a using (pid)
          where not l.granted and l.mode = 'RowExclusiveLock' and a.application_name = 'atlas' and a.backend_xid is not null
          limit 1`,
      );
      if (rows.length) return (await injector.query('select pg_terminate_backend($1) as done', [rows[0].pid])).rows[0].done;
    }
    return false;
  } finally {
    await injector.query('rollback');
  }
}

describe('pg_terminate_backend in the middle of a page transaction', () => {
  it('carries on: every page is loaded once, and staging equals the truth after the one run', async () => {
    const { sandbox, warehouse, url } = fixture;
    const injector = new pg.Client({ connectionString: url, application_name: 'fault-injector' });
    await injector.connect();
    const faults = 10;
    let injected = 0;
    let stopped = false;
    const inject = async () => {
      // Only once the run is loading pages (not while it migrates or creates tables).
      while (!stopped && !(await loadingPages(injector))) await pause(10);
      while (!stopped && injected < faults) {
        if (await terminateAPageMidTransaction(injector)) injected += 1;
        await pause(100);
      }
    };
    try {
      const injecting = inject();
      const result = await runCli(['build'], cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '4' }));
      stopped = true;
      await injecting;
      // As many as the build lasts for (all 10 when the machine is quiet); each one must be survived.
      expect(injected).toBeGreaterThanOrEqual(3);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/database connection lost while loading a page of .*trying again on a fresh connection/);

      // Every kill was survived: each is one reconnect on record in its endpoint's notes.
      const { rows } = await warehouse.pool.query<{ notes: string }>(
        `select notes from atlas._run_endpoints where notes like '%database connection was lost%'`,
      );
      const reconnects = rows.reduce((sum, r) => sum + Number(/lost (once|(\d+) times)/.exec(r.notes)?.[2] ?? 1), 0);
      expect(reconnects).toBe(injected);
      const runs = await warehouse.pool.query('select status from atlas._runs');
      expect(runs.rows).toEqual([{ status: 'succeeded' }]);

      const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
      const figures = await truthFigures(warehouse.pool, 'atlas', sandbox);
      expect(figures).toEqual({ compared, lost: 0, duplicated: 0, wronglyDeleted: 0 });
      // Figures count each page once: a page run again after a kill is not counted twice.
      const counted = await warehouse.pool.query('select sum(rows_inserted)::int as inserted from atlas._run_endpoints');
      expect(counted.rows[0].inserted).toBe(compared);
      printFaultFigures('pg_terminate_backend mid-page', { faults: injected, runsSurvived: 1, ...figures });
    } finally {
      stopped = true;
      await injector.end();
    }
  });
});
