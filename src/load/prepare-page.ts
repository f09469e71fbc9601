/**
 * Turns one page of records into rows for the staging table, in memory and without I/O:
 * - the key is read from the catalog's key fields (a text key part may be a list of ids, stored
 *   joined by commas); a record without a usable key is rejected
 *   (kept with its reason in `_rejects`, never dropped silently), unless the endpoint's key is
 *   nullable and its fallback fields identify the record (./fallback-key.ts);
 * - a record Postgres would refuse is rejected the same way, so the rest of the page loads: a NUL
 *   character or a lone UTF-16 surrogate (jsonb), a bigint key beyond 64 bits, an impossible change
 *   timestamp (see record-checks.ts), and a record nested too deeply for JSON.stringify (about
 *   4,000 levels; Postgres's own jsonb limit, about 12,000 at the default max_stack_depth, is
 *   deeper, so nothing that gets this far is refused there for depth);
 * - duplicates of one key within the page collapse to the newest version by the change field
 *   (on a tie, or when either has none, the later one in the page wins), because one
 *   `insert … on conflict` cannot touch a row twice.
 */
import { fallbackKey } from './fallback-key.js';
import { escapeLoneSurrogates, fitsBigint, hasLoneSurrogate, isValidTimestamp, looksLikeTimestamp } from './record-checks.js';
import type { StagingTarget } from './staging-target.js';
import { timestampMillis } from './timestamp.js';

export interface PreparedRow {
  keyValues: string[];
  /** Per-parent endpoints: the parent's key the record was read under. */
  parentKey: string | null;
  /** The record serialised once, as stored in `data`. */
  json: string;
  modifiedOn: string | null;
  active: boolean;
}

export interface Reject {
  reason: string;
  record: string;
}

export interface PreparedPage {
  rows: PreparedRow[];
  rejects: Reject[];
  received: number;
  /** Records superseded by a newer version of the same key within this page (never written). */
  superseded: number;
  /** Newest change timestamp on the page (as sent), for the cursor's fallback position. */
  maxModifiedOn: string | null;
}

const isoTimestamp = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const nulEscape = /(?<!\\)(?:\\\\)*\\u0000/;

/** A change timestamp Postgres will accept, or null. Offset-less values are UTC (session zone). */
export function parseChangeTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' || !isoTimestamp.test(value) || !isValidTimestamp(value)) return null;
  return Number.isNaN(timestampMillis(value)) ? null : value;
}

/** Compares two accepted timestamps at microsecond precision (beyond what Date offers). */
export function compareTimestamps(a: string, b: string): number {
  const ms = timestampMillis(a) - timestampMillis(b);
  if (ms !== 0 || Number.isNaN(ms)) return Number.isNaN(ms) ? 0 : ms;
  return subMillisecond(a) - subMillisecond(b);
}

/** The later of two accepted timestamps (either may be null). */
export function latestTimestamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTimestamps(b, a) > 0 ? b : a;
}

function subMillisecond(value: string): number {
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? '';
  return Number((fraction + '000000000').slice(3, 9));
}

function keyValue(value: unknown, type: 'bigint' | 'text'): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'bigint') {
    const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value : '';
    return fitsBigint(text) ? text : null;
  }
  // A list of ids as a key part (dispatch capacity's `businessUnitIds`): its values joined by
  // commas in the order sent (an empty list is ''). A list holding anything but scalars is no key.
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.join(',') : null;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

function supersedes(next: PreparedRow, current: PreparedRow): boolean {
  if (next.modifiedOn === null || current.modifiedOn === null) return true;
  return compareTimestamps(next.modifiedOn, current.modifiedOn) >= 0;
}

const TOO_DEEP = 'nested too deeply to store (JSON.stringify ran out of stack, at about 4,000 levels); the record itself is omitted';

/** The record's JSON, or null when it is nested too deeply for JSON.stringify (its recursion exhausts the stack). */
function serialised(record: unknown): string | null {
  try {
    return JSON.stringify(record) ?? 'null';
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export function preparePage(records: unknown[], target: StagingTarget, parentKey: string | null = null): PreparedPage {
  const byKey = new Map<string, PreparedRow>();
  const rejects: Reject[] = [];
  let maxModifiedOn: string | null = null;

  for (const record of records) {
    const json = serialised(record);
    if (json === null) {
      const id = (record as Record<string, unknown>)?.[target.keyFields[0]];
      rejects.push({ reason: TOO_DEEP, record: JSON.stringify({ [target.keyFields[0]]: id ?? null, omitted: TOO_DEEP }) });
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      rejects.push({ reason: 'not a JSON object', record: json });
      continue;
    }
    const fields = record as Record<string, unknown>;
    const keyValues: string[] = [];
    let missing: string | null = null;
    target.keyFields.forEach((field, i) => {
      const value = keyValue(fields[field], target.keyTypes[i]);
      if (value === null) missing ??= field;
      else keyValues.push(value);
    });
    // A nullable key sent as null: keyed by its fallback fields when the endpoint names them.
    const fallback = missing !== null && target.keyFallback ? fallbackKey(fields, target.keyFallback, target.keyTypes[0]) : null;
    if (fallback !== null) {
      keyValues.splice(0, keyValues.length, fallback);
      missing = null;
    }
    if (missing !== null) {
      const expected = target.keyTypes[target.keyFields.indexOf(missing)] === 'bigint' ? 'a 64-bit integer' : 'a value';
      rejects.push({ reason: `key field "${missing}" is missing or not ${expected}`, record: json });
      continue;
    }
    // Both need a `\u` escape, which JSON.stringify writes only for control characters and lone
    // surrogates: one native scan spares nearly every record the two regular expressions.
    const escapes = json.includes('\\u');
    if (escapes && nulEscape.test(json)) {
      rejects.push({
        reason: 'contains a NUL character, which Postgres jsonb cannot store',
        record: json.replace(/\\u0000/g, '\\\\u0000'),
      });
      continue;
    }
    if (escapes && hasLoneSurrogate(json)) {
      rejects.push({ reason: 'contains a lone UTF-16 surrogate, which Postgres jsonb cannot store', record: escapeLoneSurrogates(json) });
      continue;
    }
    const change = target.changeField ? fields[target.changeField] : undefined;
    if (typeof change === 'string' && looksLikeTimestamp(change) && !isValidTimestamp(change)) {
      rejects.push({ reason: `change field "${target.changeField}" is not a real timestamp: ${JSON.stringify(change)}`, record: json });
      continue;
    }
    const modifiedOn = target.changeField ? parseChangeTimestamp(change) : null;
    maxModifiedOn = latestTimestamp(maxModifiedOn, modifiedOn);
    const row: PreparedRow = { keyValues, parentKey, json, modifiedOn, active: fields.active !== false };
    const id = keyValues.join('\u0001');
    const current = byKey.get(id);
    if (!current || supersedes(row, current)) byKey.set(id, row);
  }
  const rows = [...byKey.values()];
  return { rows, rejects, received: records.length, superseded: records.length - rejects.length - rows.length, maxModifiedOn };
}
