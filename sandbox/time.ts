/**
 * Timestamps as ServiceTitan writes them, and one canonical form for comparing them.
 *
 * Canonical form: `YYYY-MM-DDTHH:MM:SS.fffffffZ` (UTC, exactly 7 fractional digits). Strings in this
 * form compare correctly with `<`/`>`, so feeds keep their change times as canonical strings and
 * binary-search them directly. Query parameters and record values in any accepted format are
 * converted with `canonical()` before comparing.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));
const pad4 = (n: number): string => (n < 10 ? '000' + n : n < 100 ? '00' + n : n < 1000 ? '0' + n : String(n));

/** `YYYY-MM-DDTHH:MM:SS.mmm` for `ms` (hot path: formatting without Date for the time part). */
function isoMillis(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 50_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = whole - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * 1000)}`;
}

/** `2025-03-14T17:22:05.4413372Z`: `sub` supplies the 4 digits below the millisecond (0..9999). */
export function ts7(ms: number, sub = 0): string {
  return isoMillis(ms) + pad4(sub % 10000) + 'Z';
}

/** `2025-03-14T17:22:05Z`: whole seconds (schedule-like fields). */
export function tsSec(ms: number): string {
  return isoMillis(ms).slice(0, 19) + 'Z';
}

/** `2025-03-14T00:00:00Z`: a business date carried as a midnight date-time. */
export function midnight(ms: number): string {
  return dateOnly(ms) + 'T00:00:00Z';
}

/** `2025-03-14T00:00:00`: a date returned without offset (service agreements, journal entries). */
export function midnightNoOffset(ms: number): string {
  return dateOnly(ms) + 'T00:00:00';
}

/** `2025-03-14`. */
export function dateOnly(ms: number): string {
  return isoMillis(ms).slice(0, 10);
}

/** Start of the UTC day containing `ms`. */
export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** `HH:MM:SS` time span (.NET TimeSpan style), e.g. call durations and shift starts. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(sec)}`;
}

const canonicalShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * Canonical form of a date or date-time string: `YYYY-MM-DD`, or ISO-8601 with optional seconds,
 * fraction (up to 9 digits) and offset (`Z`, `+02:00`, `-0500`; none = UTC). Null when invalid.
 */
export function canonical(text: string): string | null {
  // Fast path: already canonical (every sandbox change time is).
  if (text.length === 28 && text.charCodeAt(27) === 90 && text.charCodeAt(19) === 46 && canonicalShape.test(text)) return text;
  const m = pattern.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', offset = 'Z'] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(base);
  if (
    Number.isNaN(base) ||
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  let offsetMs = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  const frac7 = Number((frac + '0000000').slice(0, 7));
  const ms = base - offsetMs + Math.floor(frac7 / 10000);
  return ts7(ms, frac7 % 10000);
}

/** Milliseconds since the epoch of a canonical string (sub-millisecond digits dropped). */
export function msOf(canonicalText: string): number {
  return Date.parse(canonicalText.slice(0, 23) + 'Z');
}
