/**
 * SIGTERM and Ctrl-C (issue 9): a build told to stop finishes the pages in hand, commits them with
 * their cursors, records the run as `interrupted` (no endpoint left `running`) and exits 130, a
 * code of its own; the next sync carries on from the cursors and ends equal to the truth.
 */
import { describe, expect, it } from 'vitest';
import { cliEnv, expectStagingEqualsTruth, runCli, useSandboxWarehouse } from '../support/harness.js';

const fixture = useSandboxWarehouse({ scale: 0.02, seed: 12, batchSize: { min: 5, max: 15 }, faults: { latencyMs: 5 } });

describe.each(['SIGTERM', 'SIGINT'] as const)('%s during a build', (signal) => {
  it('commits the pages in hand, records the run as interrupted and exits 130; a sync then completes it', async () => {
    const { sandbox, warehouse, url } = fixture;
    await warehouse.pool.query('drop schema if exists atlas cascade');
    const env = cliEnv(sandbox, url, { ATLAS_CONCURRENCY: '4' });
    sandbox.clearRequests();
    let poller: NodeJS.Timeout | undefined;
    let sent = false;
    const stopped = await runCli(['build'], env, {
      onStart: (kill) => {
        poller = setInterval(() => {
          if (!sent && sandbox.requests().length >= 30) {
            sent = true;
            kill(signal);
          }
        }, 5);
      },
    });
    clearInterval(poller);
    expect(stopped.signal, stopped.stderr).toBeNull();
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted.*atlas sync.*\[INTERRUPTED\]/);

    const runs = await warehouse.pool.query(`select id, status from atlas._runs order by id`);
    expect(runs.rows.map((r) => r.status)).toEqual(['interrupted']);
    const endpoints = await warehouse.pool.query(
      `select status, count(*)::int as n, sum(rows_inserted)::int as inserted from atlas._run_endpoints group by status`,
    );
    const byStatus = Object.fromEntries(endpoints.rows.map((r) => [r.status, r]));
    expect(Object.keys(byStatus).sort()).toEqual(expect.arrayContaining(['interrupted']));
    expect(Object.keys(byStatus).filter((s) => !['succeeded', 'interrupted'].includes(s))).toEqual([]);
    // The pages in hand were committed: rows are in staging, counted by the run.
    const committed = endpoints.rows.reduce((sum, r) => sum + (r.inserted ?? 0), 0);
    expect(committed).toBeGreaterThan(0);

    const sync = await runCli(['sync'], env);
    expect(sync.code, sync.stderr).toBe(0);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
  });
});
