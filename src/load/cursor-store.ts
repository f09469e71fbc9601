/**
 * Cursors in `<schema>._cursors`, one row per (tenant, endpoint). Columns a kind does not use
 * are stored as null (0 for `page`); migration 003 documents and enforces which columns belong to
 * which kind.
 */
import { qualified } from '../db/identifiers.js';
import type { Queryable } from '../db/queryable.js';
import { isoOrNull } from '../db/timestamps.js';
import { AtlasError } from '../errors.js';
import type { Cursor } from './cursor.js';

interface CursorRow {
  kind: string;
  continue_from: string | null;
  last_parent_key: string | null;
  max_modified_on: Date | null;
  bookmark: Date | null;
  page: number;
  walk_bookmark: Date | null;
  walk_id: string | null;
  swept_at: Date | null;
  walk_segment: string | null;
}

/** A window day (YYYY-MM-DD) is stored as its UTC midnight in a timestamptz column. */
const dayOrNull = (value: Date | null): string | null => (value === null ? null : value.toISOString().slice(0, 10));
const midnightOrNull = (day: string | null): string | null => (day === null ? null : `${day}T00:00:00Z`);

function cursorFromRow(row: CursorRow, endpoint: string): Cursor {
  switch (row.kind) {
    case 'export':
      return { kind: 'export', continueFrom: row.continue_from, maxModifiedOn: isoOrNull(row.max_modified_on) };
    case 'list-incremental':
    case 'list-full':
      return {
        kind: row.kind,
        maxModifiedOn: isoOrNull(row.max_modified_on),
        bookmark: isoOrNull(row.bookmark),
        page: row.page,
        walkBookmark: isoOrNull(row.walk_bookmark),
        walkId: row.walk_id,
        sweptAt: isoOrNull(row.swept_at),
      };
    case 'per-parent':
      return { kind: 'per-parent', lastParentKey: row.last_parent_key, walkId: row.walk_id, sweptAt: isoOrNull(row.swept_at) };
    case 'window':
      return {
        kind: 'window',
        through: dayOrNull(row.bookmark),
        walkWindow: dayOrNull(row.walk_bookmark),
        walkSegment: row.walk_segment,
        page: row.page,
      };
    default:
      throw new AtlasError('INTERNAL', `the saved cursor of ${endpoint} has an unknown kind "${row.kind}"`);
  }
}

/**
 * The cursor's values in `_cursors` column order (see `writeCursor`). Window cursors keep their
 * settled day in `bookmark` and the window in progress in `walk_bookmark` (migration 007).
 */
function cursorColumns(cursor: Cursor): unknown[] {
  switch (cursor.kind) {
    case 'export':
      return [cursor.kind, cursor.continueFrom, null, cursor.maxModifiedOn, null, 0, null, null, null, null];
    case 'per-parent':
      return [cursor.kind, null, cursor.lastParentKey, null, null, 0, null, cursor.walkId, cursor.sweptAt, null];
    case 'window':
      return [
        cursor.kind,
        null,
        null,
        null,
        midnightOrNull(cursor.through),
        cursor.page,
        midnightOrNull(cursor.walkWindow),
        null,
        null,
        cursor.walkSegment,
      ];
    default:
      return [
        cursor.kind,
        null,
        null,
        cursor.maxModifiedOn,
        cursor.bookmark,
        cursor.page,
        cursor.walkBookmark,
        cursor.walkId,
        cursor.sweptAt,
        null,
      ];
  }
}

export async function readCursor(db: Queryable, schema: string, tenantId: string, endpoint: string): Promise<Cursor | null> {
  const { rows } = await db.query<CursorRow>(
    `select kind, continue_from, last_parent_key, max_modified_on, bookmark, page, walk_bookmark, walk_id, swept_at, walk_segment
     from ${qualified(schema, '_cursors')} where tenant_id = $1 and endpoint = $2`,
    [tenantId, endpoint],
  );
  return rows.length === 0 ? null : cursorFromRow(rows[0], endpoint);
}

/** Writes the cursor; `max_modified_on` only ever moves forward. */
export async function writeCursor(
  db: Queryable,
  schema: string,
  tenantId: string,
  endpoint: string,
  cursor: Cursor,
  runId: number,
): Promise<void> {
  await db.query(
    `insert into ${qualified(schema, '_cursors')} as c
       (tenant_id, endpoint, run_id, kind, continue_from, last_parent_key, max_modified_on, bookmark, page, walk_bookmark, walk_id,
        swept_at, walk_segment, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
     on conflict (tenant_id, endpoint) do update set
       kind = excluded.kind, continue_from = excluded.continue_from, last_parent_key = excluded.last_parent_key,
       max_modified_on = greatest(c.max_modified_on, excluded.max_modified_on),
       bookmark = excluded.bookmark, page = excluded.page, walk_bookmark = excluded.walk_bookmark,
       walk_id = excluded.walk_id, swept_at = excluded.swept_at, walk_segment = excluded.walk_segment, run_id = excluded.run_id, updated_at = now()`,
    [tenantId, endpoint, runId, ...cursorColumns(cursor)],
  );
}

export async function deleteCursors(db: Queryable, schema: string, tenantId: string, endpoints: string[]): Promise<number> {
  const result = await db.query(`delete from ${qualified(schema, '_cursors')} where tenant_id = $1 and endpoint = any($2::text[])`, [
    tenantId,
    endpoints,
  ]);
  return result.rowCount ?? 0;
}
