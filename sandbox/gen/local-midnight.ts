/** Local midnights, hours and wall times of the simulated business's time zone (the only zone-aware code of the sandbox). */
import { DateTime } from 'luxon';

/** Epoch ms of the local midnight that starts the day containing `ms` in `zone`. */
export function localMidnightBefore(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('day').toMillis();
}

/** Epoch ms of `hour` o'clock (local) on the day that starts at the local midnight `dayMs`. */
export function localHourOf(dayMs: number, hour: number, zone: string): number {
  return DateTime.fromMillis(dayMs, { zone }).set({ hour }).toMillis();
}

/** Epoch ms of the local midnight `days` days after the local midnight `dayMs` (23 or 25 hours across a DST change). */
export function localDaysAfter(dayMs: number, days: number, zone: string): number {
  return DateTime.fromMillis(dayMs, { zone }).plus({ days }).toMillis();
}

/** Local wall time without offset, `YYYY-MM-DDTHH:mm:ss`, and the ISO weekday (1 Monday … 7 Sunday). */
export function localWallTime(ms: number, zone: string): { text: string; weekday: number } {
  const local = DateTime.fromMillis(ms, { zone });
  return { text: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), weekday: local.weekday };
}
