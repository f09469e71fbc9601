/**
 * `atlas status` for reports: their `_run_endpoints` rows (endpoint `report:<name>`) already list
 * them beside the feeds; this fills in their row counts (from `report_<name>`) and cursor age
 * (from `_report_cursors`), which the feeds' queries cannot know.
 */
import type pg from 'pg';
import { qualified } from '../db/identifiers.js';
import { isoOrNull } from '../db/timestamps.js';
import type { EndpointStatus } from '../runs/status.js';
import { reportTable } from './report-table.js';

const PREFIX = 'report:';

export async function addReportStatus(pool: pg.Pool, schema: string, tables: Set<string>, endpoints: EndpointStatus[]): Promise<void> {
  const reports = endpoints.filter((e) => e.endpoint.startsWith(PREFIX));
  if (reports.length === 0) return;
  const cursors = tables.has('_report_cursors')
    ? await pool.query(
        `select tenant_id, report, updated_at, extract(epoch from now() - updated_at)::int as age from ${qualified(schema, '_report_cursors')}`,
      )
    : { rows: [] };
  for (const status of reports) {
    const name = status.endpoint.slice(PREFIX.length);
    if (tables.has(reportTable(name))) {
      const { rows } = await pool.query(`select count(*)::bigint as n from ${qualified(schema, reportTable(name))} where tenant_id = $1`, [
        status.tenantId,
      ]);
      status.rows = Number(rows[0].n);
    }
    const cursor = cursors.rows.find((c) => String(c.tenant_id) === status.tenantId && c.report === name);
    if (cursor) {
      status.cursorUpdatedAt = isoOrNull(cursor.updated_at);
      status.cursorAgeSeconds = cursor.age;
    }
  }
}
