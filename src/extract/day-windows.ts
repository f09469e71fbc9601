/**
 * The date windows of a windowed walk (src/catalog/types.ts `WindowPlan`), as pure arithmetic on
 * UTC days (`YYYY-MM-DD`). Windows of `days` days lie on a grid anchored at the start date (or at
 * 1970-01-01 without one), so a window read again covers exactly the days it covered before: rows
 * are stamped with their window's first day and must land on the same key every time.
 *
 * - A window is settled once its end (exclusive, UTC midnight) is at or before the server's
 *   present: only then may the cursor move past it. The window holding the present is read, not
 *   settled, and ends the walk; the next walk reads it again.
 * - A first walk starts at the start date, or `historyDays` before the server's present.
 * - Every later walk starts `lookbackDays` before the window after the last settled one, since ad
 *   platforms restate recent days; never before the start date.
 * The local clock plays no part: "present" is always the server's (src/extract/server-present.ts).
 */
const DAY_MS = 86_400_000;
const EPOCH = '1970-01-01';

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The UTC day holding `ms`. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayMs(day) + days * DAY_MS);
}

/** First day of the grid window holding `day`; the grid starts at `anchor`. */
export function windowHolding(anchor: string, days: number, day: string): string {
  const offset = Math.floor((dayMs(day) - dayMs(anchor)) / DAY_MS);
  return addDays(anchor, offset - (((offset % days) + days) % days));
}

/** The window's bounds as query values: its first instant and its end (exclusive), both UTC midnights. */
export function windowBounds(from: string, days: number): { fromUtc: string; toUtc: string } {
  return { fromUtc: `${from}T00:00:00Z`, toUtc: `${addDays(from, days)}T00:00:00Z` };
}

/** Whether the window starting `from` has ended by the server's present `presentMs`. */
export function isSettled(from: string, days: number, presentMs: number): boolean {
  return dayMs(addDays(from, days)) <= presentMs;
}

export interface WindowStart {
  days: number;
  lookbackDays: number;
  historyDays: number;
  /** The configured start date (YYYY-MM-DD), or null. */
  startDate: string | null;
  /** First day of the last settled window, from the cursor; null before the first walk ends one. */
  through: string | null;
  /** The server's present, needed only by a first walk without a start date. */
  presentMs: number | null;
}

/** First window a walk reads (see the module comment). */
export function firstWindow(plan: WindowStart): string {
  const anchor = plan.startDate ?? EPOCH;
  let from: string;
  if (plan.through === null) {
    if (plan.startDate !== null) return plan.startDate;
    if (plan.presentMs === null) throw new RangeError('a first walk without a start date needs the server present');
    from = addDays(dayOf(plan.presentMs), -plan.historyDays);
  } else {
    from = addDays(plan.through, plan.days - plan.lookbackDays);
  }
  const window = windowHolding(anchor, plan.days, from);
  return window < anchor ? anchor : window;
}
