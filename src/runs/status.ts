/**
 * What `atlas status` reports: per tenant and endpoint, rows in staging (live and marked
 * deleted), the last successful run, the cursor's age and the last error; and the latest runs
 * with their figures. Reads only bookkeeping tables and staging tables the catalog names.
 */
import type pg from 'pg';
import { extractedEndpoints } from '../catalog/index.js';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { isoOrNull as iso } from '../db/timestamps.js';
import { addReportStatus } from '../reports/report-status.js';
import { RUN_FIGURES, RUN_FIGURE_COLUMNS, type RunFigures } from './run-figures.js';

export interface EndpointStatus {
  tenantId: string;
  endpoint: string;
  table: string;
  rows: number;
  deletedRows: number;
  lastSuccessAt: string | null;
  cursorUpdatedAt: string | null;
  cursorAgeSeconds: number | null;
  lastStatus: string | null;
  lastError: string | null;
}

/** One recent run with its figures summed over its endpoints. */
export interface RecentRun extends RunFigures {
  id: number;
  tenantId: string;
  tenantName: string;
  command: string;
  status: string;
  startedAt: string;
  endedAt: string | null;
  error: string | null;
}

export interface WarehouseStatus {
  migrated: boolean;
  endpoints: EndpointStatus[];
  runs: RecentRun[];
}

/** `coalesce(sum(e.<column>), 0) as <figure>` for every run figure. */
const summedFigures = RUN_FIGURES.map(
  (figure) => `coalesce(sum(e.${quoteIdent(RUN_FIGURE_COLUMNS[figure])}), 0) as ${quoteIdent(figure)}`,
).join(', ');

async function existingTables(pool: pg.Pool, schema: string): Promise<Set<string>> {
  const { rows } = await pool.query('select table_name from information_schema.tables where table_schema = $1', [schema]);
  return new Set(rows.map((r) => r.table_name as string));
}

async function stagingCounts(pool: pg.Pool, schema: string, tables: Set<string>): Promise<Map<string, { rows: number; deleted: number }>> {
  const present = extractedEndpoints({ includeOptIn: true }).filter((d) => d.extract && tables.has(d.extract.table));
  const counts = new Map<string, { rows: number; deleted: number }>();
  if (present.length === 0) return counts;
  const union = present
    .map(
      (d, i) =>
        `select $${i + 1}::text as endpoint, tenant_id, count(*) filter (where deleted_at is null) as rows, count(*) filter (where deleted_at is not null) as deleted from ${qualified(schema, d.extract!.table)} group by tenant_id`,
    )
    .join('\nunion all\n');
  const { rows } = await pool.query(
    union,
    present.map((d) => d.name),
  );
  for (const row of rows) counts.set(`${row.tenant_id}\u0001${row.endpoint}`, { rows: Number(row.rows), deleted: Number(row.deleted) });
  return counts;
}

export async function readStatus(pool: pg.Pool, schema: string, recentRuns = 10): Promise<WarehouseStatus> {
  const tables = await existingTables(pool, schema);
  if (!tables.has('_runs')) return { migrated: false, endpoints: [], runs: [] };
  const s = (table: string) => qualified(schema, table);
  const counts = await stagingCounts(pool, schema, tables);
  const { rows } = await pool.query(`
    with keys as (
      select distinct r.tenant_id, e.endpoint, e.table_name from ${s('_run_endpoints')} e join ${s('_runs')} r on r.id = e.run_id
    ), last_success as (
      select r.tenant_id, e.endpoint, max(e.ended_at) as at from ${s('_run_endpoints')} e join ${s('_runs')} r on r.id = e.run_id
      where e.status = 'succeeded' group by 1, 2
    ), last_any as (
      select distinct on (r.tenant_id, e.endpoint) r.tenant_id, e.endpoint, e.status, e.error
      from ${s('_run_endpoints')} e join ${s('_runs')} r on r.id = e.run_id order by r.tenant_id, e.endpoint, e.started_at desc
    )
    select k.tenant_id, k.endpoint, k.table_name, ls.at as last_success, c.updated_at as cursor_updated,
           extract(epoch from now() - c.updated_at)::int as cursor_age, la.status, la.error
    from keys k
    left join last_success ls using (tenant_id, endpoint)
    left join last_any la using (tenant_id, endpoint)
    left join ${s('_cursors')} c using (tenant_id, endpoint)
    order by k.tenant_id, k.endpoint`);
  const endpoints: EndpointStatus[] = rows.map((row) => {
    const count = counts.get(`${row.tenant_id}\u0001${row.endpoint}`) ?? { rows: 0, deleted: 0 };
    return {
      tenantId: String(row.tenant_id),
      endpoint: row.endpoint,
      table: row.table_name,
      rows: count.rows,
      deletedRows: count.deleted,
      lastSuccessAt: iso(row.last_success),
      cursorUpdatedAt: iso(row.cursor_updated),
      cursorAgeSeconds: row.cursor_age,
      lastStatus: row.status,
      lastError: row.status === 'failed' ? row.error : null,
    };
  });
  await addReportStatus(pool, schema, tables, endpoints);
  const runs = await pool.query(
    `select r.id, r.tenant_id, r.tenant_name, r.command, r.status, r.started_at, r.ended_at, r.error, ${summedFigures}
     from ${s('_runs')} r left join ${s('_run_endpoints')} e on e.run_id = r.id
     group by r.id order by r.id desc limit $1`,
    [recentRuns],
  );
  return {
    migrated: true,
    endpoints,
    runs: runs.rows.map((r) => ({
      id: Number(r.id),
      tenantId: String(r.tenant_id),
      tenantName: r.tenant_name,
      command: r.command,
      status: r.status,
      startedAt: iso(r.started_at)!,
      endedAt: iso(r.ended_at),
      error: r.error,
      ...(Object.fromEntries(RUN_FIGURES.map((figure) => [figure, Number(r[figure])])) as RunFigures),
    })),
  };
}
