/**
 * Marketing ads end to end (issue 13): performance per campaign, ad group and keyword per day and
 * attributed leads, read in daily fromUtc/toUtc windows, and the current capacity warnings. A build
 * reads every day from 30 days before the sandbox's present; after `advance()` a sync re-reads the
 * week of look-back up to the new present, so new days land and restated days are updated; every
 * table equals the sandbox's truth after both.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { readCursor } from '../../src/load/cursor-store.js';
import { expectStagingEqualsTruth, stagingRows, testConfig, truthRows, useSandboxWarehouse } from '../support/harness.js';

const ADS = ['marketingads/performance', 'marketingads/attributed-leads', 'marketingads/capacity-warnings'];
const logger = createLogger({ level: 'warn' });
const fast = { backoff: { baseMs: 5, maxMs: 50 } };
const fixture = useSandboxWarehouse({ scale: 0.05, seed: 21 });

function run(command: 'build' | 'sync') {
  const config = testConfig(fixture.url, [fixture.sandbox], { endpoints: { include: ADS, exclude: [] } });
  return runBuild(config, fixture.warehouse, { command, fullRefresh: false, clientOptions: fast }, logger, logProgress(logger));
}

/** Requests for `endpoint` since they were cleared: the walk's, or the one-record probe for the server's present. */
function requestsOf(endpoint: string, probe = false) {
  return fixture.sandbox.requests().filter((r) => r.endpoint === endpoint && (r.query.pageSize === '1') === probe);
}

/** The distinct `fromUtc` days the walk requested of `endpoint` since the requests were cleared, sorted. */
function requestedDays(endpoint: string, segmentation?: string): string[] {
  const days = requestsOf(endpoint)
    .filter((r) => !segmentation || r.query.performanceSegmentationType === segmentation)
    .map((r) => String(r.query.fromUtc).slice(0, 10));
  return [...new Set(days)].sort();
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function updatedRows(endpoint: string, runId: number): Promise<number> {
  const { rows } = await fixture.warehouse.pool.query(
    'select rows_updated::int as n from atlas._run_endpoints where run_id = $1 and endpoint = $2',
    [runId, endpoint],
  );
  return rows[0].n;
}

describe('marketing ads', () => {
  it('a build reads every day from 30 days before the present into tables equal to the truth', async () => {
    const { sandbox, warehouse } = fixture;
    sandbox.clearRequests();
    const summary = await run('build');
    expect(summary.ok).toBe(true);
    expect(await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, ADS)).toBeGreaterThan(500);

    const today = sandbox.clock().slice(0, 10);
    const expectedDays = Array.from({ length: 31 }, (_, i) => addDays(today, i - 30));
    for (const type of ['Campaign', 'AdGroup', 'Keyword']) expect(requestedDays('marketingads/performance', type)).toEqual(expectedDays);
    expect(requestedDays('marketingads/attributed-leads')).toEqual(expectedDays);
    // Before them, one request for one record asked for the server's present (its Date header), as no start date is set.
    expect(requestsOf('marketingads/performance', true)).toHaveLength(1);
    expect(requestsOf('marketingads/attributed-leads', true)).toHaveLength(1);
    const recorded = await warehouse.pool.query(`select requests from atlas._run_endpoints where run_id = 1 and endpoint = $1`, [
      'marketingads/performance',
    ]);
    expect(recorded.rows[0].requests).toBe(requestsOf('marketingads/performance').length + 1);
    expect(await readCursor(warehouse.pool, 'atlas', sandbox.tenantId, 'marketingads/performance')).toEqual({
      kind: 'window',
      through: addDays(today, -1),
      walkWindow: null,
      walkSegment: null,
      page: 0,
    });
    // Keys: a keyword's id is only unique within its ad group, so the segment id names both.
    const keywordKeys = [...(await stagingRows(warehouse.pool, 'atlas', sandbox.tenantId, 'marketingads/performance')).keys()].filter((k) =>
      k.startsWith('Keyword|'),
    );
    expect(keywordKeys.every((k) => /^Keyword\|\d+\/\d+\|\d{4}-\d{2}-\d{2}$/.test(k))).toBe(true);

    // The typed views over the three tables, for analysts (campaign returns): the day is a date.
    const types = await warehouse.pool.query(
      `select table_name, data_type from information_schema.columns
        where table_schema = 'atlas_marts' and table_name like 'marketingads%' and column_name in ('date', 'lead_origin', 'warning_type')
        order by 1`,
    );
    expect(types.rows).toEqual([
      { table_name: 'marketingads_attributed_leads', data_type: 'text' },
      { table_name: 'marketingads_capacity_warnings', data_type: 'text' },
      { table_name: 'marketingads_performance', data_type: 'date' },
    ]);
    const spend = await warehouse.pool.query(
      `select count(*)::int as n, sum(digital_stats_cost) > 0 as spent from atlas_marts.marketingads_performance where segmentation_type = 'Campaign'`,
    );
    expect(spend.rows[0]).toEqual({ n: expect.any(Number), spent: true });
  });

  it('after advance() a sync re-reads the look-back to the new present: new days land, restated days are updated', async () => {
    const { sandbox, warehouse } = fixture;
    const before = truthRows(sandbox, 'marketingads/performance');
    const oldToday = sandbox.clock().slice(0, 10);
    sandbox.advance({ hours: 30 });
    const after = truthRows(sandbox, 'marketingads/performance');
    const restated = [...before.keys()].filter((k) => after.has(k) && JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    const restatedDays = [...new Set(restated.map((k) => k.split('|')[2]))].sort();
    expect(restatedDays.length).toBeGreaterThan(1);
    expect(restatedDays[0] < oldToday).toBe(true);

    sandbox.clearRequests();
    const summary = await run('sync');
    expect(summary.ok).toBe(true);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, ADS);
    for (const key of restated.slice(0, 20)) {
      const staged = (await stagingRows(warehouse.pool, 'atlas', sandbox.tenantId, 'marketingads/performance')).get(key);
      expect(staged).toEqual(after.get(key));
    }
    expect(await updatedRows('marketingads/performance', 2)).toBeGreaterThan(0);
    expect(await updatedRows('marketingads/attributed-leads', 2)).toBeGreaterThan(0);

    // Look-back: 7 settled days before the first unsettled one (the old present's day), to the new present.
    const newToday = sandbox.clock().slice(0, 10);
    const days: string[] = [];
    for (let d = addDays(oldToday, -7); d <= newToday; d = addDays(d, 1)) days.push(d);
    expect(requestedDays('marketingads/performance', 'Keyword')).toEqual(days);
    expect(requestedDays('marketingads/attributed-leads')).toEqual(days);
    expect(requestsOf('marketingads/performance', true)).toEqual([]);
  });

  it('capacity warnings are a snapshot: warnings no longer in force are marked deleted', async () => {
    const { sandbox, warehouse } = fixture;
    const before = new Set(truthRows(sandbox, 'marketingads/capacity-warnings').keys());
    let gone: string[] = [];
    for (let i = 0; i < 12 && gone.length === 0; i++) {
      sandbox.advance({ hours: 24, changes: 0 });
      const now = truthRows(sandbox, 'marketingads/capacity-warnings');
      gone = [...before].filter((k) => !now.has(k));
    }
    expect(gone.length).toBeGreaterThan(0);
    expect((await run('sync')).ok).toBe(true);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, ADS);
    const { rows } = await warehouse.pool.query(
      `select campaign_name || '|' || warning_type as key from atlas.marketingads_capacity_warnings where deleted_at is not null`,
    );
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(gone));
  });
});
