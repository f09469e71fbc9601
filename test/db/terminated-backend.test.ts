/**
 * Postgres fault (issue 9): the loader's backend is killed (`pg_terminate_backend`) in the middle
 * of a page's transaction, several times during one `atlas build`. The run carries on: each page
 * runs again on a fresh connection (src/db/reconnect.ts), the CLI exits 0, and staging equals the
 * sandbox's truth right after that one run — no record lost, none duplicated, none marked
 * deleted. Without the retry the first kill fails the run with exit 5.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cliEnv, expectStagingEqualsTruth, runCli, useSandboxWarehouse } from '../support/harness.js';
import { printFaultFigures, truthFigures } from '../support/truth-figures.js';

const fixture = useSandboxWarehouse({ scale: 0.05, seed: 23, batchSize: { min: 5, max: 15 }, faults: { latencyMs: 2 } });

/** Backends of Atlas inside a page's transaction: a transaction id, and a page statement running or just run. */
const IN_PAGE_TRANSACTION = `
  select pid from pg_stat_activity
   where datname = current_database() and application_name = 'atlas' and backend_xid is not null
     and query ~ '(txid_current|pg_temp|_run_endpoints|_cursors)' limit 1`;

async function loadingPages(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query(`select to_regclass('atlas._run_endpoints') is not null as ready`);
  if (!rows[0].ready) return false;
  return ((await client.query('select 1 from atlas._run_endpoints where pages > 0 limit 1')).rowCount ?? 0) > 0;
}

describe('pg_terminate_backend in the middle of a page transaction', () => {
  it('carries on: every page is loaded once, and staging equals the truth after the one run', async () => {
    const { sandbox, warehouse, url } = fixture;
    const injector = new pg.Client({ connectionString: url, application_name: 'fault-injector' });
    await injector.connect();
    const faults = 5;
    let injected = 0;
    let stopped = false;
    const inject = async () => {
      // Only once the run is loading pages (not while it migrates or creates tables).
      while (!stopped && injected < faults) {
        const target = (await loadingPages(injector)) ? await injector.query<{ pid: number }>(IN_PAGE_TRANSACTION) : { rows: [] };
        if (target.rows.length) {
          const { rows } = await injector.query('select pg_terminate_backend($1) as done', [target.rows[0].pid]);
          if (rows[0].done) {
            injected += 1;
            await new Promise((resolve) => setTimeout(resolve, 150));
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    try {
      const injecting = inject();
      const result = await runCli(['build'], cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '4' }));
      stopped = true;
      await injecting;
      expect(injected).toBe(faults);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/database connection lost while loading a page of .*trying again on a fresh connection/);

      // Every kill was survived, and each is on record in its endpoint's notes.
      const { rows } = await warehouse.pool.query<{ notes: string }>(
        `select notes from atlas._run_endpoints where notes like '%database connection was lost%'`,
      );
      const survived = rows.reduce((sum, r) => sum + Number(/lost (once|(\d+) times)/.exec(r.notes)?.[2] ?? 1), 0);
      expect(survived).toBe(faults);
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
