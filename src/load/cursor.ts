/**
 * The saved position of one (tenant, endpoint), one shape per walk kind (`kind` says which):
 * - export: `continueFrom` is the token after the last loaded page; `maxModifiedOn` the newest
 *   change seen, the fallback when ServiceTitan refuses a saved token.
 * - list-incremental / list-full: `page` is the last loaded page of the walk in progress (0 = no
 *   walk in progress), `walkBookmark` the lower bound that walk uses, `bookmark` the bound for
 *   the next walk, `walkId` the id under which a sweeping walk (full lists always, incremental
 *   lists when a sweep is due) records the keys it has seen, `sweptAt` when the last sweep ended.
 * - per-parent: `lastParentKey` is the key of the last parent whose records are loaded in the
 *   walk in progress (`walkId`, null = no walk in progress), `sweptAt` when the last walk ended.
 * - window: `through` is the first day of the last settled window (null: none yet); inside a walk,
 *   `walkWindow` is the window being read, `walkSegment` the segmentation value being read in it
 *   (null for endpoints without segments) and `page` its last loaded page; idle, all three are
 *   null/0. The window grid, the look-back and "settled" are src/extract/day-windows.ts.
 * Walkers build cursors with the functions below, never field by field; stored by cursor-store.ts.
 */

export interface ExportCursor {
  kind: 'export';
  continueFrom: string | null;
  maxModifiedOn: string | null;
}

export interface ListCursor {
  kind: 'list-incremental' | 'list-full';
  maxModifiedOn: string | null;
  bookmark: string | null;
  page: number;
  walkBookmark: string | null;
  walkId: string | null;
  sweptAt: string | null;
}

export interface PerParentCursor {
  kind: 'per-parent';
  lastParentKey: string | null;
  walkId: string | null;
  sweptAt: string | null;
}

export interface WindowCursor {
  kind: 'window';
  through: string | null;
  walkWindow: string | null;
  walkSegment: string | null;
  page: number;
}

export type Cursor = ExportCursor | ListCursor | PerParentCursor | WindowCursor;
export type CursorKind = Cursor['kind'];

export function exportCursor(continueFrom: string | null, maxModifiedOn: string | null): ExportCursor {
  return { kind: 'export', continueFrom, maxModifiedOn };
}

/** A list cursor with no walk in progress. */
export function idleListCursor(
  kind: ListCursor['kind'],
  at: Pick<ListCursor, 'maxModifiedOn' | 'bookmark' | 'sweptAt'> = { maxModifiedOn: null, bookmark: null, sweptAt: null },
): ListCursor {
  return { kind, ...at, page: 0, walkBookmark: null, walkId: null };
}

/** A list cursor inside a walk: `page` is loaded; the walk goes on with the same bound and walk id. */
export function listCursorAtPage(
  saved: ListCursor,
  walk: { page: number; walkBookmark: string | null; walkId: string | null; maxModifiedOn: string | null },
): ListCursor {
  return { kind: saved.kind, bookmark: saved.bookmark, sweptAt: saved.sweptAt, ...walk };
}

/** A per-parent cursor: inside walk `walkId` after parent `lastParentKey`, or idle (both null). */
export function perParentCursor(lastParentKey: string | null, walkId: string | null, sweptAt: string | null): PerParentCursor {
  return { kind: 'per-parent', lastParentKey, walkId, sweptAt };
}

/** A window cursor: inside a walk at (`walkWindow`, `walkSegment`, `page`), or idle (`walkWindow` null). */
export function windowCursor(
  through: string | null,
  walk: { window: string; segment: string | null; page: number } | null = null,
): WindowCursor {
  return walk
    ? { kind: 'window', through, walkWindow: walk.window, walkSegment: walk.segment, page: walk.page }
    : { kind: 'window', through, walkWindow: null, walkSegment: null, page: 0 };
}

/** The saved cursor when it belongs to a walk of `kinds`; null (start afresh) otherwise. */
export function cursorOfKind<K extends CursorKind>(cursor: Cursor | null, kinds: readonly K[]): Extract<Cursor, { kind: K }> | null {
  return cursor && (kinds as readonly CursorKind[]).includes(cursor.kind) ? (cursor as Extract<Cursor, { kind: K }>) : null;
}
