/**
 * Configured reports through `runBuild` against the sandbox's Reporting API: the first build walks
 * every date window from startDate, a sync refreshes the look-back windows, every stored window
 * equals the sandbox's answer for it, a UI-only report fails alone, and 429 / 409 are waited out.
 * The sandbox pages at 3 rows (so windows take several pages) and spaces calls by 0.3 s.
 */
import { describe, expect, it } from 'vitest';
import type { ReportConfig } from '../../src/config/types.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.02, seed: 5, reports: { minIntervalSeconds: 0.3, pageCap: 3 } });

const tech: ReportConfig = {
  tenant: 'tenant-1',
  name: 'tech_performance',
  category: 'technician',
  reportId: '201',
  parameters: {},
  dateParameter: 'From',
  endDateParameter: 'To',
  windowDays: 2,
  lookbackDays: 3,
  startDate: '2026-05-26',
  spacingSeconds: 0.35,
};
const uiOnly: ReportConfig = { ...tech, name: 'dashboard', category: 'marketing', reportId: '302' };
const COLUMNS = [
  'technician_id',
  'name',
  'completed_jobs',
  'completed_revenue',
  'revenue_hour',
  'conversion_rate_pct',
  'is_active',
  'average_arrival',
];

const text = (value: unknown) => (value === null ? null : String(value));

/** Every stored window equals what the sandbox answers for that window now, row for row. */
async function expectWindowsEqualTruth(): Promise<Array<{ from: string; to: string; rows: number }>> {
  const { warehouse, sandbox } = fixture;
  const { rows } = await warehouse.pool.query(
    `select to_char(window_from, 'YYYY-MM-DD') as "from", to_char(window_to, 'YYYY-MM-DD') as "to", row_number,
            ${COLUMNS.map((c) => `${c}::text as ${c}`).join(', ')}, parameters
     from atlas.report_tech_performance order by window_from, row_number`,
  );
  const windows = [...new Map(rows.map((r) => [r.from, r.to])).entries()].map(([from, to]) => ({ from, to }));
  const summary: Array<{ from: string; to: string; rows: number }> = [];
  for (const { from, to } of windows) {
    const truth = sandbox.reportTruth('technician', 201, { From: from, To: to });
    const stored = rows.filter((r) => r.from === from);
    expect(stored.map((r) => COLUMNS.map((c) => r[c]))).toEqual(truth.data.map((row) => row.map(text)));
    expect(stored[0].parameters).toEqual([
      { name: 'From', value: from },
      { name: 'To', value: to },
    ]);
    summary.push({ from, to, rows: stored.length });
  }
  return summary;
}

const dataCalls = () => fixture.sandbox.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/data'));

describe('reports in build and sync', () => {
  it('a build walks every window from startDate into typed columns; a UI-only report fails alone', async () => {
    const { sandbox, warehouse, url } = fixture;
    sandbox.clearRequests();
    const config = testConfig(url, [sandbox], { endpoints: { include: ['jpm/job-types'], exclude: [] }, reports: [tech, uiOnly] });
    const summary = await runBuild(config, warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    const tenant = summary.tenants[0];
    if (!('endpoints' in tenant)) throw new Error(`tenant failed: ${tenant.error}`);
    expect(tenant.status).toBe('partial');
    const byName = new Map(tenant.endpoints.map((e) => [e.endpoint, e]));
    expect(byName.get('jpm/job-types')?.status).toBe('succeeded');
    expect(byName.get('report:tech_performance')?.status).toBe('succeeded');
    expect(byName.get('report:dashboard')?.status).toBe('failed');
    expect(byName.get('report:dashboard')?.error).toMatch(/404 for report 302 in category "marketing".*only in the ServiceTitan UI/);

    const types = await warehouse.pool.query(
      `select column_name, data_type from information_schema.columns where table_schema = 'atlas' and table_name = 'report_tech_performance'`,
    );
    const typeOf = Object.fromEntries(types.rows.map((r) => [r.column_name, r.data_type]));
    expect(typeOf).toMatchObject({ tenant_id: 'bigint', window_from: 'date', revenue_hour: 'numeric', is_active: 'boolean', name: 'text' });

    // The sandbox clock is 2026-06-01 12:00 (UTC, the tenant's zone here): the last window is clipped to today.
    expect(await expectWindowsEqualTruth()).toEqual([
      { from: '2026-05-26', to: '2026-05-27', rows: 8 },
      { from: '2026-05-28', to: '2026-05-29', rows: 8 },
      { from: '2026-05-30', to: '2026-05-31', rows: 8 },
      { from: '2026-06-01', to: '2026-06-01', rows: 8 },
    ]);
    const cursor = await warehouse.pool.query(`select to_char(next_window, 'YYYY-MM-DD') as next from atlas._report_cursors`);
    expect(cursor.rows).toEqual([{ next: '2026-06-01' }]);
    // 4 windows × 3 pages of at most 3 rows, largest page size asked, spaced so none was refused.
    const calls = dataCalls().filter((r) => r.path.includes('/reports/201/'));
    expect(calls.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(new Set(calls.map((r) => r.query.pageSize))).toEqual(new Set(['25000']));
  });

  it('a sync refreshes the look-back windows (revised figures replaced) and leaves older windows alone', async () => {
    const { sandbox, warehouse, url } = fixture;
    const before = await warehouse.pool.query(
      `select to_char(window_from, 'YYYY-MM-DD') as "from", run_id, completed_revenue::text from atlas.report_tech_performance order by 1, row_number`,
    );
    sandbox.advance({ hours: 30, changes: 0 });
    // The sandbox remembers the last call of the previous run: let its 0.3 s pass, as a schedule would.
    await new Promise((resolve) => setTimeout(resolve, 400));
    sandbox.clearRequests();
    const config = testConfig(url, [sandbox], { endpoints: { include: ['jpm/job-types'], exclude: [] }, reports: [tech] });
    const summary = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false }, logger, logProgress(logger));
    expect(summary.ok).toBe(true);
    // Today is 2026-06-02; the look-back (3 days) reaches 05-30, the start of its grid window.
    const windows = await expectWindowsEqualTruth();
    expect(windows.map((w) => `${w.from}..${w.to}`)).toEqual([
      '2026-05-26..2026-05-27',
      '2026-05-28..2026-05-29',
      '2026-05-30..2026-05-31',
      '2026-06-01..2026-06-02',
    ]);
    const after = await warehouse.pool.query(
      `select to_char(window_from, 'YYYY-MM-DD') as "from", run_id, completed_revenue::text from atlas.report_tech_performance order by 1, row_number`,
    );
    const oldRuns = (from: string, rows: typeof after.rows) => [
      ...new Set(rows.filter((r) => r.from === from).map((r) => Number(r.run_id))),
    ];
    expect(oldRuns('2026-05-26', after.rows)).toEqual(oldRuns('2026-05-26', before.rows));
    expect(oldRuns('2026-05-30', after.rows)).not.toEqual(oldRuns('2026-05-30', before.rows));
    const revised = (rows: typeof after.rows) => rows.filter((r) => r.from === '2026-05-30').map((r) => r.completed_revenue);
    expect(revised(after.rows)).not.toEqual(revised(before.rows));
    expect(dataCalls().map((r) => r.status)).toEqual(Array(6).fill(200));
  });

  it('waits out 429 (Retry-After) and 409 (maintenance) and still equals the sandbox', async () => {
    const { sandbox, warehouse, url } = fixture;
    sandbox.clearRequests();
    sandbox.setFaults({ reportMaintenanceRate: 0.4 });
    try {
      // No spacing on our side: the sandbox's 0.3 s per report answers 429 to the calls that come too soon.
      const config = testConfig(url, [sandbox], {
        endpoints: { include: ['jpm/job-types'], exclude: [] },
        reports: [{ ...tech, spacingSeconds: 0 }],
      });
      const summary = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false }, logger, logProgress(logger));
      expect(summary.ok).toBe(true);
    } finally {
      sandbox.setFaults({});
    }
    const statuses = dataCalls().map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(409);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    await expectWindowsEqualTruth();
  });
});
