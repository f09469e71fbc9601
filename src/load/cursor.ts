/**
 * The saved position of one (tenant, endpoint), in `<schema>._cursors`.
 * - exports: `continueFrom` is the token after the last loaded page; `maxModifiedOn` the newest
 *   change seen, the fallback when ServiceTitan refuses a saved token.
 * - lists: `page` is the last loaded page of the walk in progress (0 = no walk in progress),
 *   `walkBookmark` the lower bound that walk uses, `bookmark` the bound for the next walk,
 *   `walkId` the id under which a sweeping walk (full lists always, incremental lists when a
 *   sweep is due) records the keys it has seen, `sweptAt` when the last complete sweep ended.
 */
import type pg from 'pg';
import { qualified } from '../db/identifiers.js';

export interface CursorState {
  mode: 'export' | 'list-incremental' | 'list-full';
  continueFrom: string | null;
  maxModifiedOn: string | null;
  bookmark: string | null;
  page: number;
  walkBookmark: string | null;
  walkId: string | null;
  sweptAt: string | null;
}

export function emptyCursor(mode: CursorState['mode']): CursorState {
  return { mode, continueFrom: null, maxModifiedOn: null, bookmark: null, page: 0, walkBookmark: null, walkId: null, sweptAt: null };
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export async function readCursor(db: Queryable, schema: string, tenantId: string, endpoint: string): Promise<CursorState | null> {
  const { rows } = await db.query(
    `select mode, continue_from, max_modified_on, bookmark, page, walk_bookmark, walk_id, swept_at from ${qualified(schema, '_cursors')}
     where tenant_id = $1 and endpoint = $2`,
    [tenantId, endpoint],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    mode: row.mode,
    continueFrom: row.continue_from,
    maxModifiedOn: iso(row.max_modified_on),
    bookmark: iso(row.bookmark),
    page: row.page,
    walkBookmark: iso(row.walk_bookmark),
    walkId: row.walk_id,
    sweptAt: iso(row.swept_at),
  };
}

/** Writes the cursor; `max_modified_on` only ever moves forward. */
export async function writeCursor(db: Queryable, schema: string, tenantId: string, endpoint: string, cursor: CursorState, runId: number): Promise<void> {
  await db.query(
    `insert into ${qualified(schema, '_cursors')} as c
       (tenant_id, endpoint, mode, continue_from, max_modified_on, bookmark, page, walk_bookmark, walk_id, swept_at, run_id, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $10, now())
     on conflict (tenant_id, endpoint) do update set
       mode = excluded.mode, continue_from = excluded.continue_from,
       max_modified_on = greatest(c.max_modified_on, excluded.max_modified_on),
       bookmark = excluded.bookmark, page = excluded.page, walk_bookmark = excluded.walk_bookmark,
       walk_id = excluded.walk_id, swept_at = excluded.swept_at, run_id = excluded.run_id, updated_at = now()`,
    [tenantId, endpoint, cursor.mode, cursor.continueFrom, cursor.maxModifiedOn, cursor.bookmark, cursor.page, cursor.walkBookmark, cursor.walkId, runId, cursor.sweptAt],
  );
}

export async function deleteCursors(db: Queryable, schema: string, tenantId: string, endpoints: string[]): Promise<number> {
  const result = await db.query(`delete from ${qualified(schema, '_cursors')} where tenant_id = $1 and endpoint = any($2::text[])`, [tenantId, endpoints]);
  return result.rowCount ?? 0;
}
