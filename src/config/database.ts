/**
 * Where the warehouse is. Sources, lowest precedence first: the config file's `database` (a URL
 * or a Titanpy SQL-credentials object), `DATABASE_URL`, then the flags `--sql-credentials <file>`
 * or `--database <url>` (not both). With none of them, Atlas runs an embedded Postgres 15 under
 * the state directory (port 54329, or ATLAS_EMBEDDED_PG_PORT).
 *
 * Only the winning source is checked, but the password of every source given goes into
 * `secrets`, so an overridden password cannot reach a log either.
 */
import { join } from 'node:path';
import { checkKeys, checkPort, isPlainObject } from './checks.js';
import { ENV, envValue, fromSource } from './env.js';
import { showUrl, showValue, typeName, type Problems } from './problems.js';
import type { DatabaseConfig } from './types.js';

const DEFAULT_EMBEDDED_PORT = 54329;
/** No password in the example: redaction would mask it, and the message would read oddly. */
const URL_EXAMPLE = 'postgres://atlas@localhost:5432/warehouse';

export interface DatabaseSources {
  /** The config file's `database` value after `${NAME}` substitution (undefined when absent). */
  file: unknown;
  env: NodeJS.ProcessEnv;
  sqlCredentials?: { path: string; value: unknown };
  flag?: string;
  stateDir: string;
}

export interface ResolvedDatabase {
  database: DatabaseConfig | undefined;
  /** The chosen SQL-credentials object's `schema`, with the label to report it under. */
  schema?: { label: string; value: unknown };
}

export function resolveDatabase(sources: DatabaseSources, problems: Problems, secrets: Set<string>): ResolvedDatabase {
  const { env, sqlCredentials, flag } = sources;
  const file = sources.file ?? undefined; // `"database": null` means "not configured"
  const envUrl = envValue(env, ENV.databaseUrl);
  for (const value of [file, envUrl, sqlCredentials?.value, flag]) collectPassword(value, secrets);
  const url = (label: string, text: string): ResolvedDatabase => {
    const checked = checkDatabaseUrl(label, text, problems);
    return { database: checked === undefined ? undefined : { kind: 'url', url: checked } };
  };

  if (flag !== undefined && sqlCredentials) {
    problems.add('--database and --sql-credentials', `were both given: pass only one, e.g. --database ${URL_EXAMPLE}`);
    return { database: undefined };
  }
  if (flag !== undefined) return url(fromSource('database', '--database'), flag);
  if (sqlCredentials) {
    const where = `--sql-credentials ${sqlCredentials.path}`;
    if (isPlainObject(sqlCredentials.value)) {
      return fromSqlCredentials(sqlCredentials.value, (key) => fromSource(`database.${key}`, `${key} in ${where}`), problems);
    }
    problems.add(
      where,
      `must hold a JSON object, not ${typeName(sqlCredentials.value)}: e.g. {"host": "localhost", "port": "5432", ` +
        '"dbname": "warehouse", "user": "atlas", "pass": "…", "db_type": "postgresql15", "schema": "atlas"}',
    );
    return { database: undefined };
  }
  if (envUrl !== undefined) return url(fromSource('database', ENV.databaseUrl), envUrl);
  if (typeof file === 'string') return url('database', file);
  if (isPlainObject(file)) return fromSqlCredentials(file, (key) => `database.${key}`, problems);
  if (file !== undefined) {
    problems.add(
      'database',
      'must be a URL string or an object with host, port, dbname, user and pass, ' + `not ${typeName(file)}: e.g. "${URL_EXAMPLE}"`,
    );
    return { database: undefined };
  }

  const portText = envValue(env, ENV.embeddedPort);
  const port =
    portText === undefined
      ? DEFAULT_EMBEDDED_PORT
      : checkPort(fromSource('database.port', ENV.embeddedPort), portText, DEFAULT_EMBEDDED_PORT, problems);
  return { database: port === undefined ? undefined : { kind: 'embedded', dataDir: join(sources.stateDir, 'postgres'), port } };
}

/** A postgres:// or postgresql:// URL; a bad one is shown with its password masked. */
function checkDatabaseUrl(label: string, value: string, problems: Problems): string | undefined {
  const text = value.trim();
  const protocol = URL.canParse(text) ? new URL(text).protocol : undefined;
  if (protocol === 'postgres:' || protocol === 'postgresql:') return text;
  const hint = `e.g. "${URL_EXAMPLE}" (a password goes after the user, as atlas:…@)`;
  problems.add(
    label,
    protocol === undefined
      ? `${showUrl(text)} is not a valid Postgres URL: expected ${hint}`
      : `${showUrl(text)} is not a Postgres URL: expected postgres:// or postgresql://, ${hint}`,
  );
  return undefined;
}

const SQL_CREDENTIAL_KEYS = ['host', 'port', 'dbname', 'user', 'pass', 'db_type', 'schema'] as const;
/** Titanpy wrote `postgresql15`; the plain names are accepted as the same thing. */
const DB_TYPES = ['postgresql15', 'postgresql', 'postgres'];
const hostName = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?|\[?[0-9A-Fa-f:.]+\]?)$/;

/**
 * The original Titanpy SQL-credentials format, accepted both as the `database` object in
 * atlas.config.json and as the `--sql-credentials` file:
 *   { "host", "port", "dbname", "user", "pass", "db_type": "postgresql15", "schema" }
 * It becomes a postgres:// URL (user, password and database name percent-encoded, so any
 * character in a password is safe). Its `schema` is returned for the caller to apply with the
 * lowest precedence above the default. `label(key)` names a key in messages.
 */
function fromSqlCredentials(value: Record<string, unknown>, label: (key: string) => string, problems: Problems): ResolvedDatabase {
  checkKeys(value, SQL_CREDENTIAL_KEYS, label, problems);
  const before = problems.count;
  // The password was registered as a secret by collectPassword.
  const { pass, db_type: dbType } = value;
  const password = typeof pass === 'string' || typeof pass === 'number' ? String(pass) : '';
  if (typeof pass !== 'string' && typeof pass !== 'number' && pass !== undefined && pass !== null) {
    const expected = 'expected the password as a string, e.g. "${ATLAS_DB_PASSWORD}"';
    problems.add(label('pass'), `is set but is ${typeName(pass)} (value not shown): ${expected}`);
  }
  const host = typeof value.host === 'string' ? value.host.trim() : undefined;
  if (!host || !hostName.test(host)) {
    const what = host === undefined ? 'is not set' : `${showValue(value.host)} is not a host name`;
    problems.add(label('host'), `${what}: expected e.g. "localhost" or "db.example.com"`);
  }
  const port =
    value.port === undefined || value.port === null || value.port === '' ? 5432 : checkPort(label('port'), value.port, 5432, problems);
  const dbname = requiredText(value.dbname, label('dbname'), 'the database name, e.g. "warehouse"', problems);
  const user = requiredText(value.user, label('user'), 'the database user, e.g. "atlas"', problems);
  if (dbType !== undefined && !(typeof dbType === 'string' && DB_TYPES.includes(dbType.trim().toLowerCase()))) {
    problems.add(label('db_type'), `${showValue(dbType)} is not supported: Atlas writes to Postgres 15, expected "postgresql15"`);
  }
  if (problems.count > before || !host || port === undefined || !dbname || !user) return { database: undefined };

  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const userinfo = encodeURIComponent(user) + (password ? ':' + encodeURIComponent(password) : '');
  const url = `postgres://${userinfo}@${hostPart}:${port}/${encodeURIComponent(dbname)}`;
  const schema = value.schema === undefined ? undefined : { label: label('schema'), value: value.schema };
  return { database: { kind: 'url', url }, schema };
}

function requiredText(value: unknown, label: string, expected: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  const what = value === undefined ? 'is not set' : value === '' ? 'is empty' : `${showValue(value)} is not a string`;
  problems.add(label, `${what}: expected ${expected}`);
  return undefined;
}

/**
 * Registers the password in a database setting of any shape: a URL's userinfo password (raw and
 * decoded), a libpq keyword string's `password=`, or a SQL-credentials object's `pass` (raw and
 * as percent-encoded into the URL built from it).
 */
function collectPassword(value: unknown, secrets: Set<string>): void {
  if (isPlainObject(value)) {
    const pass = typeof value.pass === 'string' || typeof value.pass === 'number' ? String(value.pass) : '';
    if (pass) secrets.add(pass).add(encodeURIComponent(pass));
    return;
  }
  if (typeof value !== 'string') return;
  const add = (raw: string | undefined): void => {
    if (!raw) return;
    secrets.add(raw);
    try {
      secrets.add(decodeURIComponent(raw));
    } catch {
      // a malformed %-escape: the raw form is registered
    }
  };
  const text = value.trim();
  // Not parseable as a URL: whatever sits where a password would is registered anyway.
  add(URL.canParse(text) ? new URL(text).password : /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:(.*)@/is.exec(text)?.[1]);
  add(/\bpassword\s*=\s*'([^']*)'/i.exec(value)?.[1] ?? /\bpassword\s*=\s*([^\s&]+)/i.exec(value)?.[1]);
}
