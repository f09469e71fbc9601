/**
 * The validated configuration every other module receives, and what callers hand to loadConfig.
 * Only src/config builds these objects (and only src/config reads process.env); everything else
 * takes them as arguments.
 */
export type ServiceTitanEnvironment = 'production' | 'integration';

export interface TenantConfig {
  /** Human name, unique among tenants; used by `--tenant` and in logs. */
  name: string;
  /** ServiceTitan tenant id: a decimal string of an int64 (kept as text to avoid precision loss). */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  appKey: string;
  /**
   * IANA zone of the tenant's business, 'UTC' when not given. Not read by extraction or loading:
   * it is for the marts, whose local dates (issue 7's models) are computed in this zone.
   */
  timezone: string;
  environment: ServiceTitanEnvironment;
  /** Base API URL without a trailing slash, e.g. https://api.servicetitan.io */
  apiUrl: string;
  /** OAuth token URL, e.g. https://auth.servicetitan.io/connect/token */
  authUrl: string;
  /** Client-side ceiling on request rate for this (app key, tenant). */
  requestsPerSecond: number;
  /** When `atlas worker` syncs this tenant (five crontab time fields, UTC); absent = the global `schedule`. */
  schedule?: string;
}

export type DatabaseConfig =
  | { kind: 'url'; url: string }
  /** No database given: Atlas runs an embedded Postgres 15 with its data under `dataDir`. */
  | { kind: 'embedded'; dataDir: string; port: number };

export interface EndpointSelection {
  include: string[];
  exclude: string[];
}

export interface AtlasConfig {
  database: DatabaseConfig;
  /** Staging schema (plain identifier), default 'atlas'. */
  schema: string;
  /** Models/marts schema (plain identifier), default 'atlas_marts'. */
  martsSchema: string;
  /** First-run start date (YYYY-MM-DD) for export feeds; null = full history. */
  startDate: string | null;
  /** How many endpoints run at once (across tenants). */
  concurrency: number;
  tenants: TenantConfig[];
  endpoints: EndpointSelection;
  /** Directory for Atlas's local state (embedded database, sandbox files), default '.atlas'. */
  stateDir: string;
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'text' | 'json' };
  /** When `atlas worker` syncs every tenant without a schedule of its own; absent = such tenants are not scheduled. */
  schedule?: string;
}

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
