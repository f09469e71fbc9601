/**
 * Checks for single configuration values. Each takes the label the value is reported under (a key
 * path such as `tenants[0].timezone`, or an env var / flag), the raw value, and the problem list;
 * it returns the normalised value, or undefined after recording a problem. Every message says what
 * is wrong and shows a good value. Values reaching these checks are never secrets, except in
 * `checkSecret`, which never echoes what it is given.
 */
import { IANAZone, DateTime } from 'luxon';
import { closest } from './closest.js';
import type { Problems } from './problems.js';
import { showUrl, showValue, typeName } from './show.js';
import { isPlainIdentifier } from '../db/identifiers.js';

const INT64_MAX = 9223372036854775807n;

/** `YYYY-MM-DD` that exists on the calendar; null (in a file) means "full history". */
export function checkDate(label: string, value: unknown, problems: Problems): string | null | undefined {
  if (value === null) return null;
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid) return text;
  problems.add(label, `${showValue(value)} is not a valid date: expected YYYY-MM-DD, e.g. "2024-01-01"`);
  return undefined;
}

/** A schema name Atlas can use unquoted and safely: a plain lowercase identifier. */
export function checkSchema(label: string, value: unknown, problems: Problems, example: string): string | undefined {
  if (typeof value === 'string' && isPlainIdentifier(value)) {
    // Postgres reserves pg_ names for system schemas; `create schema pg_x` fails.
    if (!value.startsWith('pg_')) return value;
    problems.add(label, `${showValue(value)} starts with "pg_", which Postgres reserves for system schemas: use e.g. "${example}"`);
    return undefined;
  }
  problems.add(label, `${showValue(value)} is not a plain schema name: expected lowercase letters, digits and _ (at most 63, not starting with a digit), e.g. "${example}"`);
  return undefined;
}

/** Rejects offsets such as "+05:00": Postgres reads POSIX-style offsets with the sign reversed. */
const zoneName = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

export function checkTimezone(label: string, value: unknown, problems: Problems): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text && zoneName.test(text) && IANAZone.isValidZone(text)) return text;
  const suggestion = typeof value === 'string' ? closest(value.trim(), knownZones()) : undefined;
  problems.add(label, `${showValue(value)} is not a known IANA time zone: expected a name such as ${suggestion ? `"${suggestion}" (did you mean it?)` : '"America/Phoenix" or "UTC"'}`);
  return undefined;
}

let zones: string[] | undefined;
function knownZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones;
}

/** A positive int64 as a decimal string (kept as text: JSON numbers lose precision past 2^53). */
export function checkTenantId(label: string, value: unknown, problems: Problems): string | undefined {
  const expected = 'expected a positive whole number up to 9223372036854775807, e.g. "1234567890"';
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return String(value);
    problems.add(label, Number.isInteger(value) && value > 0
      ? `${showValue(value)} is too large for a JSON number to hold exactly: write it as a string, e.g. "1234567890"`
      : `${showValue(value)} is not a ServiceTitan tenant id: ${expected}`);
    return undefined;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^\d+$/.test(text)) {
    const id = BigInt(text);
    if (id > 0n && id <= INT64_MAX) return id.toString();
    problems.add(label, `${showValue(value)} is ${id > 0n ? 'out of the int64 range' : 'not positive'}: ${expected}`);
    return undefined;
  }
  problems.add(label, value === undefined ? `is not set: ${expected}` : `${showValue(value)} is not a ServiceTitan tenant id: ${expected}`);
  return undefined;
}

/** Whole numbers from files, env vars or `${NAME}` substitutions (which are always strings). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return Number(value);
  return undefined;
}

export function checkPositiveInteger(label: string, value: unknown, max: number, example: number, problems: Problems): number | undefined {
  const n = toNumber(value);
  if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= max) return n;
  problems.add(label, `${showValue(value)} is not a positive whole number up to ${max}: e.g. ${example}`);
  return undefined;
}

export function checkPositiveNumber(label: string, value: unknown, example: number, problems: Problems): number | undefined {
  const n = toNumber(value);
  if (n !== undefined && Number.isFinite(n) && n > 0) return n;
  problems.add(label, `${showValue(value)} is not a positive number: e.g. ${example}`);
  return undefined;
}

export function checkPort(label: string, value: unknown, example: number, problems: Problems): number | undefined {
  const n = toNumber(value);
  if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 65535) return n;
  problems.add(label, `${showValue(value)} is not a TCP port: expected a whole number from 1 to 65535, e.g. ${example}`);
  return undefined;
}

export function checkChoice<T extends string>(label: string, value: unknown, choices: readonly T[], problems: Problems): T | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text !== undefined && (choices as readonly string[]).includes(text)) return text as T;
  const quoted = choices.map((c) => `"${c}"`);
  const expected = quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `one of ${quoted.join(', ')}`;
  problems.add(label, `${showValue(value)} is not valid: expected ${expected}`);
  return undefined;
}

/** An http(s) base URL, returned without trailing slashes. */
export function checkHttpUrl(label: string, value: unknown, example: string, problems: Problems): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim().replace(/\/+$/, '');
    try {
      const url = new URL(text);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) return text;
    } catch {
      // reported below
    }
    const shown = /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? showUrl(value) : showValue(value);
    problems.add(label, `${shown} is not an http(s) URL: expected e.g. "${example}"`);
    return undefined;
  }
  problems.add(label, `must be a string URL, not ${typeName(value)}: e.g. "${example}"`);
  return undefined;
}

const tenantName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Tenant names appear in `--tenant`, logs and file names, so they are kept shell- and path-safe. */
export function checkTenantName(label: string, value: unknown, problems: Problems): string | undefined {
  if (typeof value === 'string' && tenantName.test(value)) return value;
  problems.add(label, value === undefined
    ? 'is not set: expected a short unique name, e.g. "acme-hvac"'
    : `${showValue(value)} is not a valid tenant name: expected letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit), e.g. "acme-hvac"`);
  return undefined;
}

/**
 * A required secret. Never echoes the value: problems say "is not set", "is empty" or name the
 * wrong type. Leading/trailing whitespace (a pasted newline) is trimmed.
 */
export function checkSecret(label: string, value: unknown, what: string, example: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value === undefined || value === null) problems.add(label, `is not set: expected ${what}, e.g. ${example}`);
  else if (typeof value === 'string') problems.add(label, `is empty: expected ${what}, e.g. ${example}`);
  else problems.add(label, `is set but is ${typeName(value)} (value not shown): expected ${what} as a string, e.g. ${example}`);
  return undefined;
}

/** An optional non-secret string (e.g. appId); empty means absent. */
export function checkOptionalString(label: string, value: unknown, example: string, problems: Problems): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  problems.add(label, `must be a string, not ${typeName(value)}: e.g. "${example}"`);
  return undefined;
}

/** A list of non-empty strings, e.g. endpoint names. */
export function checkStringList(label: string, value: unknown, example: string, problems: Problems): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(label, `must be an array of strings, not ${typeName(value)}: e.g. ["${example}"]`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
    else problems.add(`${label}[${index}]`, `${showValue(item)} is not a non-empty string: e.g. "${example}"`);
  });
  return out;
}
