/**
 * Change timestamps as instants. ServiceTitan documents its timestamps as UTC, and every Atlas
 * session reads offset-less values as UTC (`TimeZone = UTC`, see src/db/connection.ts); Node's
 * `Date.parse` would read `2025-01-01T10:00:00` in the process's local zone instead, so a
 * bookmark computed in `TZ=America/Phoenix` would land seven hours late and incremental lists
 * would miss those changes until the next sweep. Everything here reads offset-less values as UTC.
 */

const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Milliseconds since the epoch of an ISO timestamp, offset-less ones read as UTC (NaN when unparseable). */
export function timestampMillis(value: string): number {
  const iso = value.replace(' ', 'T');
  // A date alone is UTC for Date.parse already; a date and time without an offset would be local.
  return Date.parse(iso.length === 10 || hasOffset.test(iso) ? iso : `${iso}Z`);
}
