/**
 * The validated configuration every other module receives. Only src/config builds these objects
 * (and only src/config reads process.env); everything else takes them as arguments.
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
  appId?: string;
  /** IANA zone used for local dates in marts; 'UTC' when not given. */
  timezone: string;
  environment: ServiceTitanEnvironment;
  /** Base API URL without a trailing slash, e.g. https://api.servicetitan.io */
  apiUrl: string;
  /** OAuth token URL, e.g. https://auth.servicetitan.io/connect/token */
  authUrl: string;
  /** Client-side ceiling on request rate for this (app key, tenant). */
  requestsPerSecond: number;
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
}
