/** A timestamptz column's value as an ISO-8601 UTC string (null stays null). */
export function isoOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
