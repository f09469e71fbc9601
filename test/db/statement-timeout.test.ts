/**
 * Postgres fault (issue 9): a statement timeout. The database's `statement_timeout` is 1 s and the
 * test holds a SHARE lock on one staging table, so that endpoint's first page waits and is
 * cancelled (SQLSTATE 57014). A timeout is not a lost connection and is not retried: the build
 * exits 5 with one line naming the timeout, the run is on record as failed, and that endpoint's
 * cursor has not moved. Once the lock is gone, `atlas sync` succeeds and staging equals the truth.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cliEnv, expectStagingEqualsTruth, runCli, useSandboxWarehouse } from '../support/harness.js';
import { prepareStaging, stagingTableOf } from '../support/staging-ready.js';
import { printFaultFigures, truthFigures } from '../support/truth-figures.js';

const fixture = useSandboxWarehouse({ scale: 0.05, seed: 29, batchSize: { min: 20, max: 40 } });
const slowed = 'crm/export/customers';

describe('a statement timeout', () => {
  it('exits 5 naming the timeout, records the run failed, moves no cursor past its data; the next sync recovers', async () => {
    const { sandbox, warehouse, url } = fixture;
    await prepareStaging(warehouse);
    const database = new URL(url).pathname.slice(1);
    const holder = new pg.Client({ connectionString: url, application_name: 'lock-holder' });
    await holder.connect();
    const env = cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '4' });
    try {
      await holder.query(`alter database "${database}" set statement_timeout = '1s'`);
      await holder.query('begin');
      await holder.query(`lock table ${stagingTableOf(slowed)} in share mode`);

      const failed = await runCli(['build'], env);
      expect(failed.code, failed.stderr).toBe(5);
      const line = failed.stderr.split('\n').filter((l) => l.startsWith('atlas: '));
      expect(line).toEqual([
        `atlas: database failed while loading a page of ${slowed}: canceling statement due to statement timeout (SQLSTATE 57014, statement timeout or cancel) [DATABASE_FAILED]`,
      ]);
      expect(failed.stderr).not.toMatch(/\n\s+at /); // no stack trace
      await holder.query('rollback');
      await holder.query(`alter database "${database}" reset statement_timeout`);

      const runs = await warehouse.pool.query(`select status, error from atlas._runs order by id`);
      expect(runs.rows).toEqual([{ status: 'failed', error: expect.stringContaining(slowed) }]);
      const cursor = await warehouse.pool.query('select 1 from atlas._cursors where endpoint = $1', [slowed]);
      expect(cursor.rowCount).toBe(0);
      const { rows } = await warehouse.pool.query(`select count(*)::int as n from ${stagingTableOf(slowed)}`);
      expect(rows[0].n).toBe(0);

      const recovered = await runCli(['sync'], env);
      expect(recovered.code, recovered.stderr).toBe(0);
      const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
      const figures = await truthFigures(warehouse.pool, 'atlas', sandbox);
      expect(figures).toEqual({ compared, lost: 0, duplicated: 0, wronglyDeleted: 0 });
      printFaultFigures('statement timeout', { faults: 1, exit: failed.code ?? -1, runsRecordedFailed: 1, ...figures });
    } finally {
      await holder.query('rollback').catch(() => {});
      await holder.query(`alter database "${database}" reset statement_timeout`).catch(() => {});
      await holder.end();
    }
  });
});
