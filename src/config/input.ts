/**
 * What the caller (the CLI, tests, the library API) hands to loadConfig. Paths are resolved
 * against `cwd`. Flags are already parsed by the CLI; they are checked here like any other source.
 */
export interface ConfigFlags {
  startDate?: string;
  /** `--tenant`, repeatable: only these tenants (by name). */
  tenant?: string[];
  /** `--endpoint`, repeatable: replaces `endpoints.include`. */
  endpoints?: string[];
  schema?: string;
  concurrency?: number;
  /** `--database <postgres-url>` */
  database?: string;
  logLevel?: string;
  logFormat?: string;
}

export interface LoadConfigInput {
  /** Default process.cwd(). */
  cwd?: string;
  /** Default process.env — the only place process.env is read in Atlas. */
  env?: NodeJS.ProcessEnv;
  /** `--config`; default ./atlas.config.json (a missing default file is fine; a missing explicit one is an error). */
  configPath?: string;
  /** `--st-credentials`: Titanpy format {CLIENT_ID, CLIENT_SECRET, APP_ID, APP_KEY, TENANT_ID, TIMEZONE}. */
  stCredentialsPath?: string;
  /** `--sql-credentials`: Titanpy format {host, port, dbname, user, pass, db_type, schema}. */
  sqlCredentialsPath?: string;
  flags?: ConfigFlags;
  /** Default true: at least one tenant must be configured. */
  requireTenants?: boolean;
}
