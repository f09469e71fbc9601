/** Local midnights of the simulated business's time zone (the only zone-aware code of the sandbox). */
import { DateTime } from 'luxon';

/** Epoch ms of the local midnight that starts the day containing `ms` in `zone`. */
export function localMidnightBefore(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('day').toMillis();
}
