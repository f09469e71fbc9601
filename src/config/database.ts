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
import { checkPort } from './checks.js';
import { ENV, envValue, fromSource } from './env.js';
import { isPlainObject } from './known-keys.js';
import type { Problems } from './problems.js';
import { showUrl, typeName } from './show.js';
import { parseSqlCredentials } from './sql-credentials.js';
import type { DatabaseConfig } from './types.js';

export const DEFAULT_EMBEDDED_PORT = 54329;
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

  if (flag !== undefined && sqlCredentials) {
    problems.add('--database and --sql-credentials', `were both given: pass only one, e.g. --database ${URL_EXAMPLE}`);
    return { database: undefined };
  }
  if (flag !== undefined) return urlDatabase(checkDatabaseUrl(fromSource('database', '--database'), flag, problems));
  if (sqlCredentials) {
    const where = `--sql-credentials ${sqlCredentials.path}`;
    if (!isPlainObject(sqlCredentials.value)) {
      problems.add(where, `must hold a JSON object, not ${typeName(sqlCredentials.value)}: e.g. {"host": "localhost", "port": "5432", "dbname": "warehouse", "user": "atlas", "pass": "…", "db_type": "postgresql15", "schema": "atlas"}`);
      return { database: undefined };
    }
    return credentialsDatabase(sqlCredentials.value, (key) => fromSource(`database.${key}`, `${key} in ${where}`), problems);
  }
  if (envUrl !== undefined) return urlDatabase(checkDatabaseUrl(fromSource('database', ENV.databaseUrl), envUrl, problems));
  if (typeof file === 'string') return urlDatabase(checkDatabaseUrl('database', file, problems));
  if (isPlainObject(file)) return credentialsDatabase(file, (key) => `database.${key}`, problems);
  if (file !== undefined) {
    problems.add('database', `must be a URL string or an object with host, port, dbname, user and pass, not ${typeName(file)}: e.g. "${URL_EXAMPLE}"`);
    return { database: undefined };
  }

  const portText = envValue(env, ENV.embeddedPort);
  const port = portText === undefined ? DEFAULT_EMBEDDED_PORT : checkPort(fromSource('database.port', ENV.embeddedPort), portText, DEFAULT_EMBEDDED_PORT, problems);
  return { database: port === undefined ? undefined : { kind: 'embedded', dataDir: join(sources.stateDir, 'postgres'), port } };
}

function urlDatabase(url: string | undefined): ResolvedDatabase {
  return { database: url === undefined ? undefined : { kind: 'url', url } };
}

function credentialsDatabase(value: Record<string, unknown>, label: (key: string) => string, problems: Problems): ResolvedDatabase {
  const parsed = parseSqlCredentials(value, label, problems);
  if (!parsed) return { database: undefined };
  return { database: { kind: 'url', url: parsed.url }, schema: parsed.schema === undefined ? undefined : { label: label('schema'), value: parsed.schema } };
}

/** A postgres:// or postgresql:// URL; a bad one is shown with its password masked. */
export function checkDatabaseUrl(label: string, value: string, problems: Problems): string | undefined {
  const text = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    problems.add(label, `${showUrl(text)} is not a valid Postgres URL: expected e.g. "${URL_EXAMPLE}" (a password goes after the user, as atlas:…@)`);
    return undefined;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    problems.add(label, `${showUrl(text)} is not a Postgres URL: expected postgres:// or postgresql://, e.g. "${URL_EXAMPLE}" (a password goes after the user, as atlas:…@)`);
    return undefined;
  }
  return text;
}

/**
 * Registers the password in a database setting of any shape: a URL's userinfo password (raw and
 * decoded), a libpq keyword string's `password=`, or a SQL-credentials object's `pass` (raw and
 * as percent-encoded into the URL built from it).
 */
export function collectPassword(value: unknown, secrets: Set<string>): void {
  if (isPlainObject(value)) {
    const pass = typeof value.pass === 'string' || typeof value.pass === 'number' ? String(value.pass) : '';
    if (pass) {
      secrets.add(pass);
      secrets.add(encodeURIComponent(pass));
    }
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
  try {
    add(new URL(value.trim()).password);
  } catch {
    // Not parseable as a URL: whatever sits where a password would is registered anyway.
    add(/^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:(.*)@/is.exec(value.trim())?.[1]);
  }
  add(/\bpassword\s*=\s*'([^']*)'/i.exec(value)?.[1] ?? /\bpassword\s*=\s*([^\s&]+)/i.exec(value)?.[1]);
}
