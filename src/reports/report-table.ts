/**
 * A report's staging table `report_<name>`: tenant_id, window_from / window_to (the date window the
 * row came from; null for a report without dates), parameters (everything sent, dates included),
 * row_number (the row's place in the answer), one typed column per field, run_id, extracted_at.
 * A window's rows are replaced in one transaction together with the report's cursor, so the table
 * never shows a half-refreshed window and the cursor never runs ahead of the data.
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { withTransaction } from '../db/transaction.js';
import { AtlasError } from '../errors.js';
import { addRunFigures } from '../runs/run-records.js';
import type { RunFigures } from '../runs/run-figures.js';
import type { ReportColumn } from './columns.js';

export const reportTable = (name: string) => `report_${name}`;
export const reportEndpoint = (name: string) => `report:${name}`;

/** Creates the table, adds columns for new fields; a field whose type changed is an error naming it. */
export async function ensureReportTable(pool: pg.Pool, schema: string, name: string, columns: ReportColumn[]): Promise<void> {
  const table = qualified(schema, reportTable(name));
  const fieldColumns = columns.map((c) => `,\n  ${quoteIdent(c.column)} ${c.sqlType}`).join('');
  await withTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`atlas-ddl:${schema}`]);
    await client.query(`create table if not exists ${table} (
  tenant_id bigint not null,
  window_from date,
  window_to date,
  parameters jsonb not null,
  row_number integer not null${fieldColumns},
  run_id bigint not null,
  extracted_at timestamptz not null default now()
)`);
    await client.query(`create index if not exists ${quoteIdent(`${reportTable(name)}_window`)} on ${table} (tenant_id, window_from)`);
    const { rows } = await client.query<{ column_name: string; data_type: string }>(
      'select column_name, data_type from information_schema.columns where table_schema = $1 and table_name = $2',
      [schema, reportTable(name)],
    );
    const existing = new Map(rows.map((r) => [r.column_name, r.data_type]));
    for (const column of columns) {
      const type = existing.get(column.column);
      if (type === undefined) {
        await client.query(`alter table ${table} add column ${quoteIdent(column.column)} ${column.sqlType}`);
      } else if (!type.startsWith(column.sqlType)) {
        throw new AtlasError(
          'CONFIG_INVALID',
          `report ${name}: field ${JSON.stringify(column.field)} is now ${column.dataType}, but column ${column.column} of ${schema}.${reportTable(name)} is ${type}; ` +
            'drop or rename the table to rebuild it',
        );
      }
    }
  });
}

export interface WindowRows {
  tenantId: string;
  runId: number;
  name: string;
  window: { from: string | null; to: string | null };
  parameters: Array<{ name: string; value: unknown }>;
  columns: ReportColumn[];
  /** Loadable rows: one JSON scalar per column, in column order. */
  rows: unknown[][];
  rejects: Array<{ reason: string; record: string }>;
  /** The cursor after this window (null: unchanged). */
  next: string | null;
  /** Run figures of this window, added in the same transaction. */
  figures: Partial<RunFigures>;
}

/** Replaces the window's rows, keeps rejects, moves the cursor (never backwards): one transaction. */
export async function replaceWindow(pool: pg.Pool, schema: string, input: WindowRows): Promise<void> {
  const table = qualified(schema, reportTable(input.name));
  const { tenantId, runId, window } = input;
  await withTransaction(pool, async (client) => {
    await client.query(`delete from ${table} where tenant_id = $1 and window_from is not distinct from $2::date`, [tenantId, window.from]);
    if (input.rows.length > 0) {
      const names = input.columns.map((c) => quoteIdent(c.column));
      const record = input.columns.map((c, i) => `${quoteIdent(`c${i}`)} ${c.sqlType}`);
      const objects = input.rows.map((row) => Object.fromEntries(row.map((value, i) => [`c${i}`, value])));
      const selected = input.columns.map((_, i) => `x.${quoteIdent(`c${i}`)}`);
      // Postgres casts each JSON value to its column's type (values were checked against it already).
      await client.query(
        `insert into ${table} (tenant_id, window_from, window_to, parameters, row_number, run_id${names.map((n) => `, ${n}`).join('')})
         select $1, $2::date, $3::date, $4::jsonb, t.n::int, $5${selected.map((c) => `, ${c}`).join('')}
         from jsonb_array_elements($6::jsonb) with ordinality as t(e, n), jsonb_to_record(t.e) as x(${record.join(', ')})`,
        [tenantId, window.from, window.to, JSON.stringify(input.parameters), runId, JSON.stringify(objects)],
      );
    }
    for (const reject of input.rejects) {
      await client.query(
        `insert into ${qualified(schema, '_rejects')} (tenant_id, endpoint, run_id, reason, record) values ($1, $2, $3, $4, $5)`,
        [tenantId, reportEndpoint(input.name), runId, reject.reason, reject.record],
      );
    }
    await client.query(
      `insert into ${qualified(schema, '_report_cursors')} as c (tenant_id, report, next_window, run_id) values ($1, $2, $3::date, $4)
       on conflict (tenant_id, report) do update set
         next_window = greatest(c.next_window, excluded.next_window), run_id = excluded.run_id, updated_at = now()`,
      [tenantId, input.name, input.next, runId],
    );
    await addRunFigures(client, schema, runId, reportEndpoint(input.name), input.figures);
  });
}

export async function readReportCursor(pool: pg.Pool, schema: string, tenantId: string, name: string): Promise<string | null> {
  const { rows } = await pool.query<{ next: string | null }>(
    `select to_char(next_window, 'YYYY-MM-DD') as next from ${qualified(schema, '_report_cursors')} where tenant_id = $1 and report = $2`,
    [tenantId, name],
  );
  return rows[0]?.next ?? null;
}
