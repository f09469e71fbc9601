/**
 * Walks one page-numbered list endpoint (`page` from 1, or 0 where the plan says so, the largest `pageSize`, the endpoint's
 * include-inactive default from the catalog, a stable sort where the endpoint has one).
 *
 * - `list-incremental`: filtered by `<incrementalParam> >= bookmark`. The bookmark for the next
 *   walk is the newest change loaded minus a safety margin, so rows changed while a walk was
 *   under way are read again next time rather than missed.
 * - `list-full`: the whole list every run; keys are recorded page by page and, once a walk is
 *   complete, rows it did not see are marked deleted.
 * - A sweep (`context.sweepDue`) walks an incremental list whole, like a full one, so that rows
 *   ServiceTitan deleted outright, which no `modifiedOnOrAfter` filter can show, are marked too.
 * Each page is loaded with the page number it reached, so a resumed walk continues at the next
 * page with the same bound (re-reading at most the page that was in flight).
 */
import { randomUUID } from 'node:crypto';
import { AtlasError } from '../errors.js';
import { cursorOfKind, idleListCursor, listCursorAtPage } from '../load/cursor.js';
import { clearSeenKeys, finishFullWalk } from '../load/finish-full-walk.js';
import { latestTimestamp, preparePage } from '../load/prepare-page.js';
import { timestampMillis } from '../load/timestamp.js';
import { PREFETCH_MAX_RECORDS, runPagePipeline } from './page-pipeline.js';
import { storedRecords } from './stored-records.js';
import { takeRecords } from './take-records.js';
import { clampToPresent, serverPresent } from './server-present.js';
import { loadWalkPage } from './load-walk-page.js';
import type { WalkContext } from './types.js';

/** How far before the newest loaded change the next incremental walk starts. */
export const LIST_BOOKMARK_MARGIN_MS = 60 * 60 * 1000;

interface ListPage {
  number: number;
  data: unknown[];
  hasMore: boolean;
  attempts: number;
  /** The server's present when it answered (see server-present.ts). */
  present: number;
}

export /** A list response's rows and whether more pages follow; throws API_BAD_RESPONSE on a wrong shape. */
function parseListBody(body: unknown, endpoint: string): { data: unknown[]; hasMore: boolean } {
  const b = body as { data?: unknown; hasMore?: unknown } | null;
  if (!b || typeof b !== 'object' || !Array.isArray(b.data)) {
    throw new AtlasError('API_BAD_RESPONSE', `${endpoint}: list response has no "data" array`, { retriable: true });
  }
  // An empty page ends the walk even if hasMore says otherwise: nothing further can be read.
  return { data: b.data, hasMore: b.hasMore === true && b.data.length > 0 };
}

export async function walkList(context: WalkContext): Promise<void> {
  const { descriptor, target } = context;
  const plan = descriptor.extract!;
  const full = plan.mode === 'list-full';
  const mode = plan.mode as 'list-incremental' | 'list-full';
  // A list that changed between full and incremental keeps its position: only the kind follows the catalog.
  const stored = cursorOfKind(context.cursor, ['list-incremental', 'list-full']);
  const saved = stored ? { ...stored, kind: mode } : idleListCursor(mode);
  const resuming = saved.page > 0;
  // A resumed walk stays what it was: a sweep (it has a walk id) or a bounded incremental walk.
  const sweeping = full || (resuming ? saved.walkId !== null : context.sweepDue === true);
  const bound = sweeping ? null : resuming ? saved.walkBookmark : saved.bookmark;
  const walkId = sweeping ? (resuming && saved.walkId ? saved.walkId : randomUUID()) : null;
  let maxModifiedOn = saved.maxModifiedOn;

  if (sweeping && !resuming) {
    await clearSeenKeys(context.pool, target, context.tenantId);
  }

  const pageSize = plan.maxPageSize ?? Number(descriptor.defaultQuery.pageSize ?? 5000);
  // Pages count from 1, except on the few lists that start at 0 (Intacct mappings).
  const firstPage = plan.firstPage ?? 1;
  const fetchPage = async (number: number): Promise<ListPage> => {
    const query = {
      ...descriptor.defaultQuery,
      page: number,
      pageSize,
      ...(plan.stableSort ? { sort: plan.stableSort } : {}),
      ...(plan.incrementalParam && bound ? { [plan.incrementalParam]: bound } : {}),
    };
    const response = await context.source.request(context.url, query, { endpoint: descriptor.name, signal: context.signal });
    return {
      number,
      ...parseListBody(response.body, descriptor.name),
      attempts: response.attempts,
      present: serverPresent(response.headers),
    };
  };

  const nextBookmark = (): string | null =>
    maxModifiedOn ? new Date(timestampMillis(maxModifiedOn) - LIST_BOOKMARK_MARGIN_MS).toISOString() : (bound ?? saved.bookmark);

  // A server that ignores `page` would hand back the same page forever: stop instead of looping.
  let previousFingerprint = '';
  const step = async (number: number) => {
    const page = await fetchPage(number);
    const fingerprint = page.data.length
      ? `${page.data.length}:${JSON.stringify(page.data[0])}:${JSON.stringify(page.data[page.data.length - 1])}`
      : '';
    if (page.hasMore && fingerprint !== '' && fingerprint === previousFingerprint) {
      throw new AtlasError(
        'API_BAD_RESPONSE',
        `${descriptor.name}: page ${number} repeats page ${number - 1} while hasMore=true; stopping instead of looping`,
      );
    }
    previousFingerprint = fingerprint;
    return { page, next: page.hasMore ? page.number + 1 : null };
  };
  await runPagePipeline<ListPage>(
    step(resuming ? saved.page + 1 : firstPage),
    (position) => step(position as number),
    async (page) => {
      const prepared = preparePage(storedRecords(takeRecords(page, 'data'), plan), target);
      // Clamped, the saved value too: a cursor poisoned before this guard heals on its next walk.
      maxModifiedOn = clampToPresent(latestTimestamp(maxModifiedOn, prepared.maxModifiedOn), page.present);
      const lastOfBoundedWalk = !page.hasMore && !sweeping;
      const cursor = lastOfBoundedWalk
        ? idleListCursor(mode, { maxModifiedOn, bookmark: nextBookmark(), sweptAt: saved.sweptAt })
        : listCursorAtPage(saved, { page: page.number, walkBookmark: bound, walkId, maxModifiedOn });
      await loadWalkPage(context, { prepared, cursor, attempts: page.attempts, seenWalkId: walkId });
    },
    (page) => page.data.length <= PREFETCH_MAX_RECORDS,
  );

  if (walkId) {
    const closed = idleListCursor(mode, { maxModifiedOn, bookmark: full ? null : nextBookmark(), sweptAt: new Date().toISOString() });
    context.figures.deleted += await finishFullWalk(context.pool, target, context.tenantId, context.runId, walkId, closed);
  }
}
