/**
 * Date windows of a report: a grid of `windowDays`-day windows anchored at the report's startDate,
 * so a window refreshed later covers exactly the days it covered before (report rows aggregate
 * their window, so windows must never shift). The window holding today is clipped to today and is
 * not settled: the cursor stays on it and the next run reads it again.
 */
export interface DateWindow {
  /** First day, YYYY-MM-DD (the grid position: the key the window's rows are replaced under). */
  from: string;
  /** Last day read (clipped to today). */
  to: string;
  /** Whether the window ended before today, so the cursor may move past it. */
  settled: boolean;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayOf(dayMs(day) + days * DAY_MS);
}

/** Start of the grid window containing `day` (never before `startDate`). */
export function gridStart(startDate: string, windowDays: number, day: string): string {
  const offset = Math.floor((dayMs(day) - dayMs(startDate)) / DAY_MS);
  if (offset <= 0) return startDate;
  return addDays(startDate, offset - (offset % windowDays));
}

export interface WindowPlan {
  startDate: string;
  windowDays: number;
  lookbackDays: number;
  /** The cursor's next window, or null on the first run. */
  next: string | null;
  /** Today in the tenant's time zone, as the API's clock says. */
  today: string;
}

/** The windows a run reads, oldest first: from the cursor (or startDate), and the look-back. */
export function windowsToRead(plan: WindowPlan): DateWindow[] {
  const { startDate, windowDays, today } = plan;
  const lookback = gridStart(startDate, windowDays, addDays(today, -plan.lookbackDays));
  const first = plan.next === null ? startDate : plan.next < lookback ? plan.next : lookback;
  const windows: DateWindow[] = [];
  for (let from = first; from <= today; from = addDays(from, windowDays)) {
    const end = addDays(from, windowDays - 1);
    windows.push({ from, to: end < today ? end : today, settled: end < today });
  }
  return windows;
}
