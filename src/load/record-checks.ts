/**
 * What Postgres will refuse even though JavaScript accepted it, checked before a page is loaded so
 * one such record is rejected with its reason instead of failing the whole page (and, since the
 * cursor then never moves, every later run of the feed):
 * - a `bigint` key beyond the signed 64-bit range;
 * - a timestamp whose calendar fields do not exist (V8 parses `2024-02-30` as March 1st;
 *   Postgres refuses it), year 0, or an offset beyond Postgres's ±15:59;
 * - a lone UTF-16 surrogate anywhere in the record (JSON.stringify writes it as `\udXXX`, which
 *   Postgres jsonb refuses).
 */

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

/** True when `text` (an optional minus and digits) fits Postgres `bigint`. */
export function fitsBigint(text: string): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const value = BigInt(text);
  return value >= BIGINT_MIN && value <= BIGINT_MAX;
}

const timestampShape = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether `value` has the ISO shape Atlas accepts for change timestamps and names a real instant
 * Postgres `timestamptz` accepts. Hour 24 is allowed only as 24:00:00 (Postgres accepts it).
 */
export function isValidTimestamp(value: string): boolean {
  const match = timestampShape.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute > 0 || second > 0 || /\.\d*[1-9]/.test(value)))) {
    return false;
  }
  if (match[8] !== undefined && (Number(match[9]) > 15 || Number(match[10] ?? 0) > 59)) return false;
  return true;
}

/** Looks like an ISO timestamp (so a failure of `isValidTimestamp` means "impossible", not "not a date"). */
export function looksLikeTimestamp(value: string): boolean {
  return timestampShape.test(value);
}

/** A `\udXXX` escape not itself escaped: JSON.stringify writes surrogates this way only when they are lone. */
const loneSurrogateEscape = /(?<!\\)((?:\\\\)*)\\(u[dD][89a-fA-F][0-9a-fA-F]{2})/g;

export function hasLoneSurrogate(json: string): boolean {
  loneSurrogateEscape.lastIndex = 0;
  return loneSurrogateEscape.test(json);
}

/** The record's JSON with lone-surrogate escapes themselves escaped, so the text can be kept in `_rejects`. */
export function escapeLoneSurrogates(json: string): string {
  return json.replace(loneSurrogateEscape, '$1\\\\$2');
}
