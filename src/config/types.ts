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

/** One configured ServiceTitan report, run into `report_<name>` (see src/config/reports.ts, src/reports). */
export interface ReportConfig {
  /** Tenant name (one of `tenants`). */
  tenant: string;
  /** Plain identifier; the staging table is `report_<name>`. */
  name: string;
  /** Report category id, e.g. "technician". */
  category: string;
  /** The report's numeric id, as a decimal string. */
  reportId: string;
  /** Parameter values sent with every call, besides the date window. */
  parameters: Record<string, unknown>;
  /** Parameter that receives each window's first day; null: the report has no date, read whole each run. */
  dateParameter: string | null;
  /** Parameter that receives each window's last day; null: windows are single days in `dateParameter`. */
  endDateParameter: string | null;
  /** Days per window (default 1). */
  windowDays: number;
  /** Days before today re-read on every run after the first (default 7). */
  lookbackDays: number;
  /** First day read (YYYY-MM-DD); null when the report has no date parameter. */
  startDate: string | null;
  /** Least seconds between two calls of the same report id for the tenant (default 60). */
  spacingSeconds: number;
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
  /** `quiet` (present only when set): build/sync print only warnings, errors and a one-line summary. */
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'text' | 'json'; quiet?: boolean };
  /** Configured reports (present only when the config file has `reports`). */
  reports?: ReportConfig[];
  /** When `atlas worker` syncs every tenant without a schedule of its own; absent = such tenants are not scheduled. */
  schedule?: string;
  /** Things worth a word that do not stop a run (present only when there are some), e.g. an environment URL overriding file tenants. */
  warnings?: string[];
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
  /** `--quiet` on build/sync: `log.quiet`. */
  quiet?: boolean;
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
