/**
 * Walks a date-windowed endpoint (mode `window`, src/catalog/types.ts `WindowPlan`): one window at a
 * time, oldest first, and in each window one read per segmentation value (or a single read), each
 * read page by page. Records get the window's fields (./stamp-records.ts) and land keyed by them.
 *
 * - Where: from the saved cursor's window in progress (a killed walk re-reads at most the page in
 *   flight), else from the first window of ./day-windows.ts: the start date, the look-back before
 *   the first unsettled window, or on a first walk without a start date `historyDays` before the
 *   server's present (learned from one small request, since the local clock is not the server's).
 * - Until when: each window's last page says the server's present; a settled window moves the
 *   cursor's `through` past it and the walk goes on, the window holding the present ends it.
 * - Every page is loaded with its cursor in one transaction. Rows a window stops returning are not
 *   marked deleted: a restated day replaces rows, it has never been seen to drop one.
 */
import type { WindowPlan } from '../catalog/types.js';
import { AtlasError } from '../errors.js';
import { cursorOfKind, windowCursor, type WindowCursor } from '../load/cursor.js';
import { preparePage } from '../load/prepare-page.js';
import { addDays, dayOf, firstWindow, isSettled, windowBounds } from './day-windows.js';
import { parseListBody } from './list-walker.js';
import { loadWalkPage } from './load-walk-page.js';
import { PREFETCH_MAX_RECORDS, runPagePipeline } from './page-pipeline.js';
import { serverPresent } from './server-present.js';
import { withWindow } from './stamp-records.js';
import { storedRecords } from './stored-records.js';
import { takeRecords } from './take-records.js';
import type { WalkContext } from './types.js';

/** One read's position: window, index of the segmentation value, page (from 1). */
interface Position {
  window: string;
  segment: number;
  page: number;
}

interface WindowPage {
  at: Position;
  data: unknown[];
  hasMore: boolean;
  attempts: number;
  present: number;
}

type Segment = { value: string; idPaths: string[] } | null;

function segmentsOf(plan: WindowPlan): Segment[] {
  return plan.segments ? plan.segments.values : [null];
}

export async function walkWindows(context: WalkContext): Promise<void> {
  const { descriptor, target } = context;
  const plan = descriptor.extract!;
  const window = plan.window;
  if (!window) throw new AtlasError('INTERNAL', `${descriptor.name}: mode window without a window plan`);
  const segments = segmentsOf(window);
  const pageSize = plan.maxPageSize ?? 5000;
  const saved = cursorOfKind(context.cursor, ['window']) ?? windowCursor(null);
  let through = saved.through;

  const fetchPage = async (at: Position, size = pageSize): Promise<WindowPage> => {
    const bounds = windowBounds(at.window, window.days);
    const segment = segments[at.segment];
    const query = {
      ...descriptor.defaultQuery,
      [window.fromParam]: bounds.fromUtc,
      [window.toParam]: bounds.toUtc,
      ...(window.segments && segment ? { [window.segments.param]: segment.value } : {}),
      page: at.page,
      pageSize: size,
    };
    const response = await context.source.request(context.url, query, { endpoint: descriptor.name, signal: context.signal });
    const { data, hasMore } = parseListBody(response.body, descriptor.name);
    return { at, data, hasMore, attempts: response.attempts, present: serverPresent(response.headers) };
  };

  const { start, probeAttempts } = await startingPosition(context, window, saved, fetchPage);
  // The probe's requests are counted with the first page, so they reach the run's recorded figures.
  let uncounted = probeAttempts;
  const step = async (at: Position) => {
    const page = await fetchPage(at);
    return { page, next: nextPosition(page, segments.length, window.days) };
  };

  await runPagePipeline<WindowPage>(
    step(start),
    (position) => step(position as Position),
    async (page) => {
      const { at } = page;
      const stamped = withWindow(takeRecords(page, 'data'), window, { window: at.window, segment: segments[at.segment] });
      const prepared = preparePage(storedRecords(stamped, plan), target);
      const next = nextPosition(page, segments.length, window.days);
      const windowDone = !page.hasMore && at.segment === segments.length - 1;
      if (windowDone && isSettled(at.window, window.days, page.present) && (through === null || at.window > through)) {
        through = at.window;
      }
      const cursor: WindowCursor =
        next === null
          ? windowCursor(through)
          : next.window !== at.window || next.segment !== at.segment
            ? windowCursor(through, { window: next.window, segment: segments[next.segment]?.value ?? null, page: 0 })
            : windowCursor(through, { window: at.window, segment: segments[at.segment]?.value ?? null, page: at.page });
      await loadWalkPage(context, { prepared, cursor, attempts: page.attempts + uncounted });
      uncounted = 0;
    },
    (page) => page.data.length <= PREFETCH_MAX_RECORDS,
  );
}

/**
 * After a page: its next page, the window's next segmentation value, the next window when this one
 * is settled, or null (the window holds the server's present: the walk ends).
 */
export function nextPosition(page: { at: Position; hasMore: boolean; present: number }, segments: number, days: number): Position | null {
  const { at } = page;
  if (page.hasMore) return { ...at, page: at.page + 1 };
  if (at.segment + 1 < segments) return { window: at.window, segment: at.segment + 1, page: 1 };
  return isSettled(at.window, days, page.present) ? { window: addDays(at.window, days), segment: 0, page: 1 } : null;
}

/** Where the walk starts: inside the saved walk, or at its first window (asking the server's present when needed). */
async function startingPosition(
  context: WalkContext,
  window: WindowPlan,
  saved: WindowCursor,
  fetchPage: (at: Position, size?: number) => Promise<WindowPage>,
): Promise<{ start: Position; probeAttempts: number }> {
  if (saved.walkWindow !== null) {
    const segment = segmentsOf(window).findIndex((s) => (s?.value ?? null) === saved.walkSegment);
    // A segmentation value the catalog no longer has: the window is read again from its first one.
    const start =
      segment < 0 ? { window: saved.walkWindow, segment: 0, page: 1 } : { window: saved.walkWindow, segment, page: saved.page + 1 };
    return { start, probeAttempts: 0 };
  }
  let presentMs: number | null = null;
  let probeAttempts = 0;
  if (saved.through === null && context.startDate === null) {
    // One record of today's window (by the local clock): only its Date header is used.
    const probe = await fetchPage({ window: dayOf(Date.now()), segment: 0, page: 1 }, 1);
    probeAttempts = probe.attempts;
    presentMs = probe.present;
  }
  const from = firstWindow({ ...window, startDate: context.startDate, through: saved.through, presentMs });
  return { start: { window: from, segment: 0, page: 1 }, probeAttempts };
}
