/**
 * Walks one export feed: `from` = the saved continuation token, else the start date, else nothing
 * (full history); follows `continueFrom` while `hasMore`. Each page is loaded together with the
 * token that follows it, so a resumed walk re-reads at most the page that was in flight.
 *
 * - A token ServiceTitan has already handed out in this walk coming back with `hasMore` is a
 *   loop: the walk fails (EXPORT_TOKEN_LOOP) instead of spinning.
 * - When ServiceTitan refuses a saved token (400/404/410 on the first request), the walk restarts
 *   from the newest `modifiedOn` loaded minus a safety margin (rows are upserted, so re-reading
 *   is harmless) and says so in the run's notes.
 */
import { ApiError, AtlasError } from '../errors.js';
import { cursorOfKind, exportCursor } from '../load/cursor.js';
import { latestTimestamp, preparePage } from '../load/prepare-page.js';
import { timestampMillis } from '../load/timestamp.js';
import { PREFETCH_MAX_RECORDS, runPagePipeline } from './page-pipeline.js';
import { storedRecords } from './stored-records.js';
import { takeRecords } from './take-records.js';
import { clampToPresent, serverPresent } from './server-present.js';
import { loadWalkPage } from './load-walk-page.js';
import type { WalkContext } from './types.js';

/** How far before the newest loaded change a refused-token restart begins. */
export const TOKEN_FALLBACK_MARGIN_MS = 60 * 60 * 1000;

interface ExportPage {
  data: unknown[];
  from: string | undefined;
  continueFrom: string | null;
  hasMore: boolean;
  attempts: number;
  /** The server's present when it answered (see server-present.ts). */
  present: number;
}

export function parseExportBody(body: unknown, endpoint: string): Omit<ExportPage, 'from' | 'attempts' | 'present'> {
  const b = body as { data?: unknown; hasMore?: unknown; continueFrom?: unknown } | null;
  if (!b || typeof b !== 'object' || !Array.isArray(b.data)) {
    throw new AtlasError('API_BAD_RESPONSE', `${endpoint}: export response has no "data" array`, { retriable: true });
  }
  const continueFrom = typeof b.continueFrom === 'string' && b.continueFrom !== '' ? b.continueFrom : null;
  const hasMore = b.hasMore === true;
  if (hasMore && continueFrom === null) {
    throw new AtlasError('API_BAD_RESPONSE', `${endpoint}: export response says hasMore but carries no continueFrom token`);
  }
  return { data: b.data, continueFrom, hasMore };
}

function isTokenRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status !== undefined && [400, 404, 410].includes(error.status);
}

export async function walkExport(context: WalkContext): Promise<void> {
  const { descriptor, target } = context;
  const saved = cursorOfKind(context.cursor, ['export']) ?? exportCursor(null, null);
  const requested = new Set<string>();
  let maxModifiedOn = saved.maxModifiedOn;

  const fetchPage = async (from: string | undefined): Promise<ExportPage> => {
    const query = { ...descriptor.defaultQuery, from };
    const response = await context.source.request(context.url, query, { endpoint: descriptor.name, signal: context.signal });
    const page = parseExportBody(response.body, descriptor.name);
    if (page.hasMore && page.continueFrom !== null && (page.continueFrom === from || requested.has(page.continueFrom))) {
      throw new AtlasError(
        'EXPORT_TOKEN_LOOP',
        `${descriptor.name}: ServiceTitan returned continuation token "${page.continueFrom.slice(0, 40)}" again with hasMore=true; stopping instead of looping`,
      );
    }
    if (from !== undefined) requested.add(from);
    return { ...page, from, attempts: response.attempts, present: serverPresent(response.headers) };
  };

  let first: ExportPage;
  let start: string | undefined = saved.continueFrom ?? context.startDate ?? undefined;
  try {
    first = await fetchPage(start);
  } catch (error) {
    if (saved.continueFrom === null || !isTokenRefusal(error)) throw error;
    start = saved.maxModifiedOn
      ? new Date(timestampMillis(saved.maxModifiedOn) - TOKEN_FALLBACK_MARGIN_MS).toISOString()
      : (context.startDate ?? undefined);
    const note = `ServiceTitan refused the saved continuation token (${(error as ApiError).status}); restarted from ${start ? `modifiedOn >= ${start} (newest loaded change minus 1 h)` : 'the beginning'}`;
    context.notes.push(note);
    context.logger.warn(note, { endpoint: descriptor.name });
    first = await fetchPage(start);
  }

  const step = (page: ExportPage) => ({ page, next: page.hasMore ? page.continueFrom : null });
  await runPagePipeline<ExportPage>(
    Promise.resolve(step(first)),
    async (position) => step(await fetchPage(position as string)),
    async (page) => {
      const prepared = preparePage(storedRecords(takeRecords(page, 'data'), descriptor.extract), target);
      // The refused-token fallback restarts from here: never from beyond the server's present.
      maxModifiedOn = clampToPresent(latestTimestamp(maxModifiedOn, prepared.maxModifiedOn), page.present);
      const cursor = exportCursor(page.continueFrom ?? page.from ?? saved.continueFrom, maxModifiedOn);
      await loadWalkPage(context, { prepared, cursor, attempts: page.attempts });
    },
    (page) => page.data.length <= PREFETCH_MAX_RECORDS,
  );
}
