/**
 * The day windows a dispatch-capacity snapshot posts (`POST dispatch/v2/capacity`): one per local
 * day of the tenant, from today to `CAPACITY_HORIZON_DAYS` days ahead (15 windows), each from that
 * day's local midnight to the next one's, sent as UTC instants. Days follow the tenant's calendar,
 * so a daylight-saving day is a 23- or 25-hour window. "Today" is read from the server's present
 * (src/extract/server-present.ts), not the local clock, as ServiceTitan's own day is what counts.
 */
import { DateTime } from 'luxon';

/** ServiceTitan answers capacity up to 14 days ahead (reference section 5.2; the peer tap's limit). */
export const CAPACITY_HORIZON_DAYS = 14;

export interface CapacityWindow {
  /** The tenant-local day, `YYYY-MM-DD`. */
  day: string;
  /** The day's local midnight, as a UTC instant (`…Z`). */
  startsOnOrAfter: string;
  /** The next day's local midnight, as a UTC instant. */
  endsOnOrBefore: string;
}

/** The windows of a snapshot taken at `presentMs` for a tenant in `timezone` (an IANA name). */
export function capacityWindows(presentMs: number, timezone: string, horizonDays = CAPACITY_HORIZON_DAYS): CapacityWindow[] {
  const today = DateTime.fromMillis(presentMs, { zone: timezone }).startOf('day');
  if (!today.isValid) throw new RangeError(`capacity windows: ${timezone} is not a time zone`);
  return Array.from({ length: horizonDays + 1 }, (_, i) => {
    const start = today.plus({ days: i });
    return {
      day: start.toISODate() as string,
      startsOnOrAfter: start.toUTC().toISO() as string,
      endsOnOrBefore: start.plus({ days: 1 }).toUTC().toISO() as string,
    };
  });
}
