/**
 * What configuration takes from the environment: the variables Atlas reads, and `${NAME}`
 * references in the config file. src/config is the only code that reads the environment, and it
 * reads only the `env` object it is given (process.env by default), so tests pass their own.
 */
import { isCommentKey, keyPath } from './checks.js';
import type { Problems } from './problems.js';

export const ENV = {
  databaseUrl: 'DATABASE_URL',
  schema: 'ATLAS_SCHEMA',
  martsSchema: 'ATLAS_MARTS_SCHEMA',
  startDate: 'ATLAS_START_DATE',
  concurrency: 'ATLAS_CONCURRENCY',
  stateDir: 'ATLAS_STATE_DIR',
  logLevel: 'ATLAS_LOG_LEVEL',
  logFormat: 'ATLAS_LOG_FORMAT',
  logQuiet: 'ATLAS_LOG_QUIET',
  embeddedPort: 'ATLAS_EMBEDDED_PG_PORT',
  tenantId: 'ST_TENANT_ID',
  clientId: 'ST_CLIENT_ID',
  clientSecret: 'ST_CLIENT_SECRET',
  appKey: 'ST_APP_KEY',
  timezone: 'ST_TIMEZONE',
  tenantName: 'ST_TENANT_NAME',
  environment: 'ST_ENVIRONMENT',
  apiUrl: 'ST_API_URL',
  authUrl: 'ST_AUTH_URL',
} as const;

/** How a value that came from somewhere other than the config file is labelled: `startDate (from ATLAS_START_DATE)`. */
export function fromSource(key: string, source: string): string {
  return `${key} (from ${source})`;
}

/**
 * A setting from the environment. Empty or blank values count as unset, so `ATLAS_SCHEMA= atlas …`
 * falls back to the file or default instead of failing on an empty schema name.
 */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${NAME}` references in the config file's string values from the environment, so the
 * file can be committed while secrets stay in the environment. Only `${NAME}` with NAME a valid
 * variable name is a reference; any other `$` is kept as written. Values of comment keys (`//…`)
 * are left alone. An empty variable substitutes the empty string (later checks may reject that).
 *
 * A reference to an unset variable is a problem naming the key path and the variable, and its
 * string becomes `undefined`, as if the key were absent: the broken text (say a URL whose password
 * is literally `${DB_PASSWORD}`) travels no further, and the later "is not set" check of the same
 * key path is silenced by Problems' one-problem-per-label.
 */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, path: string, problems: Problems): unknown {
  if (Array.isArray(value)) return value.map((item, index) => substituteEnv(item, env, `${path}[${index}]`, problems));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => {
      return [key, isCommentKey(key) ? item : substituteEnv(item, env, keyPath(path, key), problems)];
    });
    return Object.fromEntries(entries);
  }
  if (typeof value !== 'string') return value;
  const unset = [...new Set([...value.matchAll(reference)].map((match) => match[1]).filter((name) => env[name] === undefined))];
  if (unset.length === 0) return value.replace(reference, (_, name: string) => env[name]!);
  const refs = unset.map((name) => `\${${name}}`).join(' and ');
  problems.add(
    path,
    `refers to ${refs}, which ${unset.length === 1 ? 'is' : 'are'} not set: ` +
      `set ${unset.join(' and ')} in the environment, or write the value in place of the reference`,
  );
  return undefined;
}
