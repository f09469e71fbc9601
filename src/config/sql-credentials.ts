/**
 * The original Titanpy SQL-credentials format, accepted both as the `database` object in
 * atlas.config.json and as the `--sql-credentials` file:
 *   { "host", "port", "dbname", "user", "pass", "db_type": "postgresql15", "schema" }
 * It becomes a postgres:// URL (user, password and database name percent-encoded, so any
 * character in a password is safe). Its `schema` is returned for the caller to apply with the
 * lowest precedence above the default.
 */
import { checkPort } from './checks.js';
import { checkKeys } from './known-keys.js';
import type { Problems } from './problems.js';
import { showValue, typeName } from './show.js';

export const SQL_CREDENTIAL_KEYS = ['host', 'port', 'dbname', 'user', 'pass', 'db_type', 'schema'] as const;

/** Titanpy wrote `postgresql15`; the plain names are accepted as the same thing. */
const DB_TYPES = ['postgresql15', 'postgresql', 'postgres'];

const hostName = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?|\[?[0-9A-Fa-f:.]+\]?)$/;

export interface SqlCredentials {
  url: string;
  /** The `schema` entry as written (checked by the caller), or undefined. */
  schema: unknown;
}

/** `label(key)` names a key in messages, e.g. `database.port` or `port (--sql-credentials x.json)`. */
export function parseSqlCredentials(value: Record<string, unknown>, label: (key: string) => string, problems: Problems): SqlCredentials | undefined {
  checkKeys(value, SQL_CREDENTIAL_KEYS, label, problems);
  const before = problems.count;

  // The password is registered as a secret by the caller (database.ts collectPassword).
  let password = '';
  if (typeof value.pass === 'string' || typeof value.pass === 'number') password = String(value.pass);
  else if (value.pass !== undefined && value.pass !== null) problems.add(label('pass'), `is set but is ${typeName(value.pass)} (value not shown): expected the password as a string, e.g. "\${ATLAS_DB_PASSWORD}"`);

  const host = typeof value.host === 'string' ? value.host.trim() : undefined;
  if (!host || !hostName.test(host)) problems.add(label('host'), `${host === undefined ? 'is not set' : showValue(value.host) + ' is not a host name'}: expected e.g. "localhost" or "db.example.com"`);
  const port = value.port === undefined || value.port === null || value.port === '' ? 5432 : checkPort(label('port'), value.port, 5432, problems);
  const dbname = requiredText(value.dbname, label('dbname'), 'the database name, e.g. "warehouse"', problems);
  const user = requiredText(value.user, label('user'), 'the database user, e.g. "atlas"', problems);
  if (value.db_type !== undefined && !(typeof value.db_type === 'string' && DB_TYPES.includes(value.db_type.trim().toLowerCase()))) {
    problems.add(label('db_type'), `${showValue(value.db_type)} is not supported: Atlas writes to Postgres 15, expected "postgresql15"`);
  }
  if (problems.count > before || !host || port === undefined || !dbname || !user) return undefined;

  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const userinfo = encodeURIComponent(user) + (password ? ':' + encodeURIComponent(password) : '');
  return { url: `postgres://${userinfo}@${hostPart}:${port}/${encodeURIComponent(dbname)}`, schema: value.schema };
}

function requiredText(value: unknown, label: string, expected: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  problems.add(label, `${value === undefined ? 'is not set' : value === '' ? 'is empty' : showValue(value) + ' is not a string'}: expected ${expected}`);
  return undefined;
}
