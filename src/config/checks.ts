/**
 * Checks for single configuration values, and for unknown keys. Each takes the label the value is
 * reported under (a key path such as `tenants[0].timezone`, or an env var / flag), the raw value,
 * and the problem list; it returns the normalised value, or undefined after recording a problem.
 * Every message says what is wrong and shows a good value. Values reaching these checks are never
 * secrets, except in `checkSecret`, which never echoes what it is given.
 */
import { DateTime, IANAZone } from 'luxon';
import { isPlainIdentifier } from '../db/identifiers.js';
import { closest } from '../text/closest.js';
import { showUrl, showValue, typeName, type Problems } from './problems.js';

const INT64_MAX = 9223372036854775807n;

/** `YYYY-MM-DD` that exists on the calendar; null (in a file) means "full history". */
export function checkDate(label: string, value: unknown, problems: Problems): string | null | undefined {
  if (value === null) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid) return text;
  problems.add(label, `${showValue(value)} is not a valid date: expected YYYY-MM-DD, e.g. "2024-01-01"`);
  return undefined;
}

/** A schema name Atlas can use unquoted and safely: a plain lowercase identifier. */
export function checkSchema(label: string, value: unknown, problems: Problems, example: string): string | undefined {
  const plain = typeof value === 'string' && isPlainIdentifier(value);
  // Postgres reserves pg_ names for system schemas; `create schema pg_x` fails.
  if (plain && !value.startsWith('pg_')) return value;
  problems.add(
    label,
    plain
      ? `${showValue(value)} starts with "pg_", which Postgres reserves for system schemas: use e.g. "${example}"`
      : `${showValue(value)} is not a plain schema name: expected lowercase letters, digits and _ (at most 63, not starting with a digit), ` +
          `e.g. "${example}"`,
  );
  return undefined;
}

/** Rejects offsets such as "+05:00": Postgres reads POSIX-style offsets with the sign reversed. */
const zoneName = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;
let knownZones: string[] | undefined;

export function checkTimezone(label: string, value: unknown, problems: Problems): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text && zoneName.test(text) && IANAZone.isValidZone(text)) return text;
  knownZones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const suggestion = text === undefined ? undefined : closest(text, knownZones);
  const example = suggestion ? `"${suggestion}" (did you mean it?)` : '"America/Phoenix" or "UTC"';
  problems.add(label, `${showValue(value)} is not a known IANA time zone: expected a name such as ${example}`);
  return undefined;
}

/** A positive int64 as a decimal string (kept as text: JSON numbers lose precision past 2^53). */
export function checkTenantId(label: string, value: unknown, problems: Problems): string | undefined {
  const expected = 'expected a positive whole number up to 9223372036854775807, e.g. "1234567890"';
  const [shown, text] = [showValue(value), typeof value === 'string' ? value.trim() : ''];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    problems.add(label, `${shown} is too large for a JSON number to hold exactly: write it as a string, e.g. "1234567890"`);
  } else if (/^\d+$/.test(text)) {
    const id = BigInt(text);
    if (id > 0n && id <= INT64_MAX) return id.toString();
    problems.add(label, `${shown} is ${id > 0n ? 'out of the int64 range' : 'not positive'}: ${expected}`);
  } else {
    problems.add(label, value === undefined ? `is not set: ${expected}` : `${shown} is not a ServiceTitan tenant id: ${expected}`);
  }
  return undefined;
}

/** A number (files, env vars and `${NAME}` substitutions give strings) for which `fits` holds; else reports `expected`. */
function checkNumber(label: string, value: unknown, fits: (n: number) => boolean, expected: string, problems: Problems) {
  const numeric = typeof value === 'string' && /^\s*[+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value);
  const n = typeof value === 'number' ? value : numeric ? Number(value) : undefined;
  if (n !== undefined && fits(n)) return n;
  problems.add(label, `${showValue(value)} ${expected}`);
  return undefined;
}

export function checkPositiveInteger(label: string, value: unknown, max: number, example: number, problems: Problems): number | undefined {
  const fits = (n: number) => Number.isInteger(n) && n >= 1 && n <= max;
  return checkNumber(label, value, fits, `is not a positive whole number up to ${max}: e.g. ${example}`, problems);
}

export function checkPositiveNumber(label: string, value: unknown, example: number, problems: Problems): number | undefined {
  return checkNumber(label, value, (n) => Number.isFinite(n) && n > 0, `is not a positive number: e.g. ${example}`, problems);
}

/** true/false, or (from the environment) "true", "false", "1", "0". */
export function checkBoolean(label: string, value: unknown, problems: Problems): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  problems.add(label, `${showValue(value)} is not valid: expected true or false`);
  return undefined;
}

export function checkPort(label: string, value: unknown, example: number, problems: Problems): number | undefined {
  const fits = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  return checkNumber(label, value, fits, `is not a TCP port: expected a whole number from 1 to 65535, e.g. ${example}`, problems);
}

export function checkChoice<T extends string>(label: string, value: unknown, choices: readonly T[], problems: Problems): T | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text !== undefined && (choices as readonly string[]).includes(text)) return text as T;
  const quoted = choices.map((c) => `"${c}"`);
  const expected = quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `one of ${quoted.join(', ')}`;
  problems.add(label, `${showValue(value)} is not valid: expected ${expected}`);
  return undefined;
}

/** Whether a URL's host is this machine (the sandbox, a local proxy): the only place plain http may go. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** An https base URL (or http to this machine), returned without trailing slashes. */
export function checkHttpUrl(label: string, value: unknown, example: string, problems: Problems): string | undefined {
  if (typeof value !== 'string') {
    problems.add(label, `must be a string URL, not ${typeName(value)}: e.g. "${example}"`);
    return undefined;
  }
  const text = value.trim().replace(/\/+$/, '');
  if (URL.canParse(text)) {
    const url = new URL(text);
    if (url.protocol === 'https:' && url.hostname) return text;
    if (url.protocol === 'http:' && url.hostname) {
      if (isLoopbackHost(url.hostname)) return text;
      // Tokens and client secrets would cross the network unencrypted: refused, not warned about.
      problems.add(
        label,
        `${showUrl(value)} is plain http:// to another machine, which would send the credentials unencrypted: ` +
          `use https:// (plain http is accepted only for a server on this machine: localhost, 127.0.0.1, ::1)`,
      );
      return undefined;
    }
  }
  const shown = /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? showUrl(value) : showValue(value);
  problems.add(label, `${shown} is not an http(s) URL: expected e.g. "${example}"`);
  return undefined;
}

/** Tenant names appear in `--tenant`, logs and file names, so they are kept shell- and path-safe. */
export function checkTenantName(label: string, value: unknown, problems: Problems): string | undefined {
  if (typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value)) return value;
  problems.add(
    label,
    value === undefined
      ? 'is not set: expected a short unique name, e.g. "acme-hvac"'
      : `${showValue(value)} is not a valid tenant name: expected letters, digits, ".", "_" or "-" ` +
          '(at most 64, starting with a letter or digit), e.g. "acme-hvac"',
  );
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

/**
 * Reports each key of `object` not in `known`, suggesting the closest known key: a misspelt key is
 * otherwise silently ignored and its default used, the hardest kind of config bug to notice. `path`
 * is the object's key path (`tenants[0]`), or a function naming a key for objects outside the
 * config file. Keys starting with `//` are comments (JSON has none) and allowed anywhere.
 */
export function checkKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  path: string | ((key: string) => string),
  problems: Problems,
): void {
  for (const key of Object.keys(object)) {
    if (isCommentKey(key) || known.includes(key)) continue;
    const suggestion = closest(key, known);
    const expected = suggestion ? `did you mean "${suggestion}"?` : `expected one of ${known.map((k) => `"${k}"`).join(', ')}`;
    problems.add(typeof path === 'string' ? keyPath(path, key) : path(key), `is not a known key: ${expected}`);
  }
}

export function isCommentKey(key: string): boolean {
  return key.startsWith('//');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path.key`, or `path["odd key"]` when the key is not a plain name (keeps one problem per line). */
export function keyPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]{0,63}$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key.length > 40 ? key.slice(0, 39) + '…' : key)}]`;
}
