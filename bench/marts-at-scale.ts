/**
 * Marts at scale (issue 8, target 6), on the large tenant the memory case has just built: every
 * mart's full select, a typical dashboard query (one tenant, one year of revenue by month,
 * `DASHBOARD_RUNS` times; p50), and the model rebuild after a sync in which about 1% of the
 * tenant's records changed (the sandbox's clock advanced with that many random edits).
 *
 * The dashboard's p50 is an absolute target (< 300 ms); its baseline in the same run is the same
 * query on the bare staging view it aggregates (accounting_invoices), which says how much the
 * mart saves. The rebuild is reported against the sync's extraction, with no target.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AtlasConfig } from '../src/config/types.js';
import type { Warehouse } from '../src/db/connection.js';
import { sandboxTenantConfig } from '../src/cli/sandbox-connection.js';
import { createLogger } from '../src/log/logger.js';
import { runBuild } from '../src/pipeline/build.js';
import { logProgress } from '../src/pipeline/progress.js';
import type { SandboxProcess } from './sandbox-process.js';
import { median, spread } from './stats.js';
import type { BenchRow } from './table.js';

const DASHBOARD_RUNS = 21;
const martsDir = fileURLToPath(new URL('../models/marts/', import.meta.url));

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** One tenant, the last full year of invoice dates, by month: what a revenue dashboard asks. */
function dashboardSql(relation: string, dateColumn: string, amount: string): string {
  return `select date_trunc('month', ${dateColumn})::date as month, sum(${amount}) as invoiced
            from ${relation}
           where tenant_id = $1 and ${dateColumn} >= $2::date and ${dateColumn} < $2::date + interval '1 year'
           group by 1 order by 1`;
}

async function p50(warehouse: Warehouse, sql: string, params: unknown[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < DASHBOARD_RUNS; i++) times.push((await timed(() => warehouse.pool.query(sql, params))).ms);
  return times;
}

export async function benchMartsAtScale(warehouse: Warehouse, url: string, schema: string, sandbox: SandboxProcess): Promise<BenchRow[]> {
  const marts = `${schema}_marts`;
  const names = readdirSync(martsDir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
  const selects: Array<{ name: string; ms: number; rows: number }> = [];
  for (const name of names) {
    const { ms, value } = await timed(() => warehouse.pool.query(`select * from ${marts}.${name}`));
    selects.push({ name, ms, rows: value.rowCount ?? 0 });
  }
  const { rows: span } = await warehouse.pool.query(
    `select tenant_id::text as tenant, (date_trunc('year', max(invoice_date)) - interval '1 year')::date::text as year
       from ${marts}.revenue_daily group by tenant_id order by count(*) desc limit 1`,
  );
  const params = [span[0].tenant, span[0].year];
  const dashboard = await p50(warehouse, dashboardSql(`${marts}.revenue_daily`, 'invoice_date', 'invoiced_total'), params);
  const bare = await p50(warehouse, dashboardSql(`${marts}.accounting_invoices`, 'invoice_date', 'total'), params);

  const { rows: size } = await warehouse.pool.query(`select coalesce(sum(rows_received), 0)::bigint as n from ${schema}._run_endpoints`);
  const changes = Math.round(Number(size[0].n) / 100);
  await fetch(`${sandbox.url}/_sandbox/advance?hours=24&changes=${changes}`, { method: 'POST' });
  const config: AtlasConfig = {
    database: { kind: 'url', url },
    schema,
    martsSchema: marts,
    startDate: null,
    concurrency: 8,
    tenants: [sandboxTenantConfig(sandbox, 'bench', { requestsPerSecond: 1000 })],
    endpoints: { include: [], exclude: [] },
    stateDir: '.atlas',
    log: { level: 'error', format: 'text' },
  };
  const logger = createLogger({ level: 'error' });
  const sync = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false }, logger, logProgress(logger, 1e9));
  if (!sync.ok || !sync.phases) throw new Error(`sync after 1% changes failed: ${JSON.stringify(sync.tenants).slice(0, 500)}`);
  const written = sync.tenants
    .flatMap((t) => ('endpoints' in t ? t.endpoints : []))
    .reduce((n, e) => n + e.inserted + e.updated + e.deleted, 0);
  const built = (sync.models?.models ?? []).filter((m) => m.status === 'built').length;

  const slowest = [...selects].sort((a, b) => b.ms - a.ms)[0];
  const selectMs = selects.map((s) => s.ms);
  const dashboardP50 = median(dashboard);
  const rebuildSeconds = sync.phases.modelsMs / 1000;
  const extractSeconds = (sync.phases.setupMs + sync.phases.extractMs) / 1000;
  return [
    {
      name: 'marts: dashboard query p50 (1 tenant, 1 year by month)',
      median: dashboardP50,
      ...spread(dashboard),
      unit: 'ms',
      repetitions: dashboard.length,
      baseline: `same query on accounting_invoices ${median(bare).toFixed(0)} ms`,
      ratio: dashboardP50 / median(bare),
      target: 'p50 < 300 ms',
      met: dashboardP50 < 300,
      notes: `revenue_daily for ${span[0].year.slice(0, 4)}; full select of every mart (${names.length}): median ${median(selectMs).toFixed(0)} ms, slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms (${slowest.rows.toLocaleString('en-US')} rows), all ${selects.reduce((n, s) => n + s.ms, 0).toFixed(0)} ms`,
    },
    {
      name: 'marts: model rebuild after a 1%-change sync',
      median: rebuildSeconds,
      min: rebuildSeconds,
      max: rebuildSeconds,
      unit: 's',
      repetitions: 1,
      baseline: `the sync's extraction ${extractSeconds.toFixed(1)} s`,
      ratio: rebuildSeconds / extractSeconds,
      target: 'timed (no target)',
      met: null,
      notes: `${changes.toLocaleString('en-US')} random edits over a day of sandbox time; ${written.toLocaleString('en-US')} rows written; ${built} models rebuilt`,
    },
  ];
}
