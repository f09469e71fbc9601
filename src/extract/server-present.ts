/**
 * The server's present, for clamping bookmarks: a record dated in the future (one `modifiedOn` of
 * 2099) must not move a bookmark past it, or every later incremental walk would ask for changes
 * after 2099 and see nothing, ever. ServiceTitan's `Date` header is the present that counts (its
 * filters compare against its own clock); without a usable one, the local clock stands in.
 */
import { timestampMillis } from '../load/timestamp.js';

export function serverPresent(headers: Record<string, unknown> | undefined): number {
  const date = headers?.date;
  const parsed = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}

/** `value`, or the present when `value` lies beyond it (null stays null). */
export function clampToPresent(value: string | null, present: number): string | null {
  if (value === null) return null;
  return timestampMillis(value) > present ? new Date(present).toISOString() : value;
}
