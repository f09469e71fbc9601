/**
 * The environment variables Atlas reads. src/config is the only code that reads the environment,
 * and it reads only the `env` object it is given (process.env by default), so tests pass their own.
 */
export const ENV = {
  databaseUrl: 'DATABASE_URL',
  schema: 'ATLAS_SCHEMA',
  martsSchema: 'ATLAS_MARTS_SCHEMA',
  startDate: 'ATLAS_START_DATE',
  concurrency: 'ATLAS_CONCURRENCY',
  stateDir: 'ATLAS_STATE_DIR',
  logLevel: 'ATLAS_LOG_LEVEL',
  logFormat: 'ATLAS_LOG_FORMAT',
  embeddedPort: 'ATLAS_EMBEDDED_PG_PORT',
  tenantId: 'ST_TENANT_ID',
  clientId: 'ST_CLIENT_ID',
  clientSecret: 'ST_CLIENT_SECRET',
  appKey: 'ST_APP_KEY',
  appId: 'ST_APP_ID',
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
