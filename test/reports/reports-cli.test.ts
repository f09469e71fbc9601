/**
 * Reports as a person sees them through the compiled CLI: `atlas reports list` shows the tenant's
 * categories, reports and parameters as the sandbox describes them, and after a build with a
 * configured report `atlas status` lists it beside the feeds, with its rows and cursor age, and
 * a UI-only report with its error.
 */
import { describe, expect, it } from 'vitest';
import type { ReportConfig } from '../../src/config/types.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { cliEnv, runCli, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.02, seed: 9, reports: { minIntervalSeconds: 0.1, pageCap: 5 } });

const tech: ReportConfig = {
  tenant: 'tenant-1',
  name: 'tech_performance',
  category: 'technician',
  reportId: '201',
  parameters: {},
  dateParameter: 'From',
  endDateParameter: 'To',
  windowDays: 3,
  lookbackDays: 3,
  startDate: '2026-05-27',
  spacingSeconds: 0.15,
};
const uiOnly: ReportConfig = { ...tech, name: 'dashboard', category: 'marketing', reportId: '302' };

describe('reports in the CLI', () => {
  it('atlas reports list shows the categories, reports and parameters the API describes', async () => {
    const { sandbox, url } = fixture;
    const all = await runCli(['--json', 'reports', 'list'], cliEnv(sandbox, url));
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const listed = JSON.parse(all.stdout) as Array<{ category: string; id: number; parameters: Array<{ name: string }> | null }>;
    expect(new Set(listed.map((r) => r.category)).size).toBeGreaterThan(1);
    const report201 = listed.find((r) => r.category === 'technician' && r.id === 201);
    expect(report201?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['From', 'To']));

    const one = await runCli(['--json', 'reports', 'list', '--category', 'technician'], cliEnv(sandbox, url));
    const technician = JSON.parse(one.stdout) as Array<{ category: string }>;
    expect(technician.length).toBeGreaterThan(0);
    expect(technician.every((r) => r.category === 'technician')).toBe(true);
    expect(technician.length).toBeLessThan(listed.length);
  });

  it('atlas status lists configured reports beside the feeds, with rows, cursor age and errors', async () => {
    const { sandbox, warehouse, url } = fixture;
    const config = testConfig(url, [sandbox], { endpoints: { include: ['jpm/job-types'], exclude: [] }, reports: [tech, uiOnly] });
    await runBuild(config, warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    const stored = await warehouse.pool.query('select count(*)::int as n from atlas.report_tech_performance');
    expect(stored.rows[0].n).toBeGreaterThan(0);

    const result = await runCli(['--json', 'status'], cliEnv(sandbox, url));
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as {
      endpoints: Array<{ endpoint: string; rows: number; cursorAgeSeconds: number | null; lastError: string | null }>;
    };
    const byEndpoint = new Map(status.endpoints.map((e) => [e.endpoint, e]));
    expect(byEndpoint.get('jpm/job-types')?.rows).toBeGreaterThan(0);
    expect(byEndpoint.get('report:tech_performance')).toMatchObject({ rows: stored.rows[0].n, lastError: null });
    expect(byEndpoint.get('report:tech_performance')?.cursorAgeSeconds).not.toBeNull();
    expect(byEndpoint.get('report:dashboard')?.lastError).toMatch(/404 for report 302/);

    const text = await runCli(['status'], cliEnv(sandbox, url));
    expect(text.stdout).toMatch(/report:tech_performance/);
    expect(text.stdout).toMatch(/jpm\/job-types/);
  });
});
