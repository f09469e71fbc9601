/**
 * Postgres fault (issue 9): a write that fails for a full disk. No test can fill a real disk
 * without root mounts, so a trigger on one staging table raises what Postgres raises then
 * (SQLSTATE 53100, "could not extend file … No space left on device") from the second page on:
 * the page's upsert fails inside its transaction, after its COPY. Disk full is not retried: the
 * build exits 5 with one line naming it, the run is on record as failed, and nothing is
 * half-committed — the endpoint holds exactly its first page, with the cursor of that page. Once
 * the disk "has room" again, `atlas sync` continues from that cursor and staging equals the truth.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cliEnv, expectStagingEqualsTruth, runCli, useSandboxWarehouse } from '../support/harness.js';
import { prepareStaging, stagingTableOf } from '../support/staging-ready.js';
import { printFaultFigures, truthFigures } from '../support/truth-figures.js';

const fixture = useSandboxWarehouse({ scale: 0.05, seed: 31, batchSize: { min: 10, max: 20 } });
const starved = 'crm/export/customers';

const DISK_FULL = `
  create sequence atlas_fault_writes;
  create function atlas_fault_disk_full() returns trigger language plpgsql as $$
  begin
    if nextval('atlas_fault_writes') > 1 then
      raise exception 'could not extend file "base/16384/16385": No space left on device'
        using errcode = '53100', hint = 'Check free disk space.';
    end if;
    return null;
  end $$;`;

describe('a full disk under a page', () => {
  it('exits 5 naming it, commits no part of the page, and the next sync recovers from the last whole page', async () => {
    const { sandbox, warehouse, url } = fixture;
    await prepareStaging(warehouse);
    const table = stagingTableOf(starved);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const env = cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '4' });
    try {
      await admin.query(DISK_FULL);
      await admin.query(`create trigger disk_full before insert on ${table} for each statement execute function atlas_fault_disk_full()`);

      const failed = await runCli(['build'], env);
      expect(failed.code, failed.stderr).toBe(5);
      expect(failed.stderr.split('\n').filter((l) => l.startsWith('atlas: '))).toEqual([
        `atlas: database failed while loading a page of ${starved}: could not extend file "base/16384/16385": No space left on device (SQLSTATE 53100, disk full) [DATABASE_FAILED]`,
      ]);
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      await admin.query(`drop trigger disk_full on ${table}`);

      // Exactly the first page, counted once, with its cursor: nothing of the failed page.
      const runs = await warehouse.pool.query('select status from atlas._runs');
      expect(runs.rows).toEqual([{ status: 'failed' }]);
      const endpoint = await warehouse.pool.query(
        `select pages, rows_inserted::int as inserted, status from atlas._run_endpoints where endpoint = $1`,
        [starved],
      );
      const staged = await warehouse.pool.query(`select count(*)::int as n from ${table}`);
      expect(endpoint.rows).toEqual([{ pages: 1, inserted: staged.rows[0].n, status: 'failed' }]);
      expect(staged.rows[0].n).toBeGreaterThan(0);
      const cursor = await warehouse.pool.query('select run_id from atlas._cursors where endpoint = $1', [starved]);
      expect(cursor.rows).toEqual([{ run_id: 1 }]);

      sandbox.clearRequests();
      const recovered = await runCli(['sync'], env);
      expect(recovered.code, recovered.stderr).toBe(0);
      // The sync continued from the saved token rather than starting the feed again.
      const firstAsk = sandbox.requests().find((r) => r.endpoint === starved);
      expect(firstAsk?.query.from).toMatch(/^(?!\d{4}-\d{2}-\d{2})/);
      const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
      const figures = await truthFigures(warehouse.pool, 'atlas', sandbox);
      expect(figures).toEqual({ compared, lost: 0, duplicated: 0, wronglyDeleted: 0 });
      printFaultFigures('disk full (53100) on a page write', { faults: 1, exit: failed.code ?? -1, runsRecordedFailed: 1, ...figures });
    } finally {
      await admin.query(`drop trigger if exists disk_full on ${table}`).catch(() => {});
      await admin.end();
    }
  });
});
