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
import { cursorOfKind, idleListCursor, type ListCursor, listCursorAtPage } from '../load/cursor.js';
import { readPageSize, rememberPageSize } from '../load/page-size-store.js';
import { acceptedPageSize, pageSizeRefusalText } from './page-size-refusal.js';
import { clearSeenKeys, finishFullWalk, withheldDeletionNote } from '../load/finish-full-walk.js';
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
  endedEarly: boolean;
  attempts: number;
  /** The server's present when it answered (see server-present.ts). */
  present: number;
}

/**
 * A list response's rows and whether more pages follow; throws API_BAD_RESPONSE on a wrong shape.
 * `endedEarly`: the page was empty yet said `hasMore`. Nothing further can be read (so `hasMore` is
 * false), but the walk is not known to be complete, so it must not mark unseen rows deleted.
 */
export function parseListBody(body: unknown, endpoint: string): { data: unknown[]; hasMore: boolean; endedEarly: boolean } {
  const b = body as { data?: unknown; hasMore?: unknown } | null;
  if (!b || typeof b !== 'object' || !Array.isArray(b.data)) {
    throw new AtlasError('API_BAD_RESPONSE', `${endpoint}: list response has no "data" array`, { retriable: true });
  }
  const endedEarly = b.hasMore === true && b.data.length === 0;
  return { data: b.data, hasMore: b.hasMore === true && !endedEarly, endedEarly };
}

/**
 * Walks the list at the page size its (tenant, endpoint) is known to accept. When ServiceTitan
 * refuses that size (see page-size-refusal.ts), the smaller size it accepts is remembered and the
 * walk starts again from its first page with the same bound: pages counted at one size never mix
 * with pages counted at another.
 */
export async function walkList(context: WalkContext): Promise<void> {
  const { descriptor, target } = context;
  const documented = descriptor.extract!.maxPageSize ?? Number(descriptor.defaultQuery.pageSize ?? 5000);
  let pageSize = (await readPageSize(context.pool, target.schema, context.tenantId, descriptor.name)) ?? documented;
  let walk = context;
  for (;;) {
    try {
      return await walkListAtSize(walk, pageSize);
    } catch (error) {
      const text = pageSizeRefusalText(error);
      const smaller = text === null ? null : acceptedPageSize(text, pageSize);
      if (text === null || smaller === null) throw error;
      const restart = walkStart(walk);
      const where = { schema: target.schema, tenantId: context.tenantId, endpoint: descriptor.name, runId: context.runId };
      await rememberPageSize(context.pool, where, { refused: pageSize, pageSize: smaller, refusal: text }, restart);
      const note = `ServiceTitan refused page size ${pageSize} (${text}); walking again from the first page at ${smaller}, remembered for later runs`;
      context.notes.push(note);
      context.logger.warn(note, { endpoint: descriptor.name });
      pageSize = smaller;
      walk = { ...walk, cursor: restart };
    }
  }
}

/** The cursor that starts the saved walk again from its first page with the bound it had. */
function walkStart(context: WalkContext): ListCursor {
  const mode = context.descriptor.extract!.mode as ListCursor['kind'];
  const saved = cursorOfKind(context.cursor, ['list-incremental', 'list-full']);
  if (!saved) return idleListCursor(mode);
  const bookmark = saved.page > 0 && saved.walkId === null ? saved.walkBookmark : saved.bookmark;
  return idleListCursor(mode, { maxModifiedOn: saved.maxModifiedOn, bookmark, sweptAt: saved.sweptAt });
}

async function walkListAtSize(context: WalkContext, pageSize: number): Promise<void> {
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
  let endedEarly = false;

  if (sweeping && !resuming) {
    await clearSeenKeys(context.pool, target, context.tenantId);
  }

  // Pages count from 1, except on the few lists that start at 0 (Intacct mappings).
  const firstPage = plan.firstPage ?? 1;
  const fetchPage = async (number: number): Promise<ListPage> => {
    // An unpaged snapshot (capacity warnings) is one response: no page parameters to send.
    const query = plan.unpaged
      ? { ...descriptor.defaultQuery }
      : {
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
    if (page.endedEarly) endedEarly = true;
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
      // A bounded walk that ended early keeps its bound: the rows it could not read are read next time.
      const bookmark = page.endedEarly ? (bound ?? saved.bookmark) : nextBookmark();
      const cursor = lastOfBoundedWalk
        ? idleListCursor(mode, { maxModifiedOn, bookmark, sweptAt: saved.sweptAt })
        : listCursorAtPage(saved, { page: page.number, walkBookmark: bound, walkId, maxModifiedOn });
      await loadWalkPage(context, { prepared, cursor, attempts: page.attempts, seenWalkId: walkId });
    },
    (page) => page.data.length <= PREFETCH_MAX_RECORDS,
  );

  if (endedEarly) {
    context.logger.warn('list walk ended early: a page came back empty while saying more pages follow', { endpoint: descriptor.name });
    if (!walkId)
      context.notes.push('the walk ended early (a page came back empty while saying more pages follow); its bookmark did not move');
  }
  if (walkId) {
    // An incomplete sweep is not a sweep: `sweptAt` stays, so the next run sweeps again.
    const sweptAt = endedEarly ? saved.sweptAt : new Date().toISOString();
    const bookmark = full ? null : endedEarly ? saved.bookmark : nextBookmark();
    const closed = idleListCursor(mode, { maxModifiedOn, bookmark, sweptAt });
    const guard = { complete: !endedEarly, allowMassDelete: context.allowMassDelete === true };
    const deletions = await finishFullWalk(context.pool, target, context.tenantId, context.runId, walkId, closed, guard);
    context.figures.deleted += deletions.deleted;
    const note = withheldDeletionNote(deletions);
    if (note) {
      context.notes.push(note);
      context.logger.warn(note, { endpoint: descriptor.name });
    }
  }
}
