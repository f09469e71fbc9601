/**
 * Dates as the marts define them, computed with luxon: local dates of true timestamps in a tenant's
 * IANA zone, business dates as sent (the date part, no conversion), month and week starts.
 */
import { DateTime } from 'luxon';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Microseconds since the epoch of an ISO timestamp, rounded to the microsecond the way Postgres
 * reads a longer fraction (`rint(fraction × 10^6)` on a double: half to even). No offset means UTC.
 */
export function instantMicros(iso: string): bigint {
  const m = INSTANT.exec(iso);
  if (!m) throw new Error(`oracle: ${iso} is not an ISO timestamp`);
  const whole = DateTime.fromISO(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[6] ?? 'Z'}`, { setZone: true });
  if (!whole.isValid) throw new Error(`oracle: ${iso} is not a valid timestamp`);
  const scaled = Number(`0.${m[5] ?? '0'}`) * 1e6;
  let micros = Math.round(scaled);
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) micros = Math.trunc(scaled) % 2 === 0 ? Math.trunc(scaled) : Math.trunc(scaled) + 1;
  return BigInt(whole.toMillis()) * 1000n + BigInt(micros);
}

/** `YYYY-MM-DD` of a true timestamp in `zone`. */
export function localDate(iso: string, zone: string): string {
  return DateTime.fromMillis(Number(instantMicros(iso) / 1000n), { zone }).toISODate()!;
}

/** Today's date in `zone`. */
export function today(zone: string): string {
  return DateTime.now().setZone(zone).toISODate()!;
}

/** The date part of a business date sent as midnight (`2025-03-14T00:00:00Z` → `2025-03-14`). */
export function businessDate(value: string): string {
  return value.slice(0, 10);
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).endOf('month').toISODate()!;
}

/** Monday of the ISO week of `date`. */
export function weekStart(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).startOf('week').toISODate()!;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Days in the month of `YYYY-MM-DD`. */
export function daysInMonth(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).daysInMonth!;
}
