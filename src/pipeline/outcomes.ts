/**
 * What a build or sync reports, from one endpoint up to the whole build. Figures are the run's
 * figures (src/runs/run-figures.ts), the same that `_run_endpoints` records.
 */
import type { RunFigures } from '../runs/run-figures.js';
import type { EndpointStatus, RunStatus } from '../runs/run-records.js';
import type { BuildModelsSummary } from '../models/build-models.js';

/** One endpoint of one tenant's run. Figures count what was loaded, also when the endpoint failed. */
export interface EndpointOutcome extends RunFigures {
  endpoint: string;
  /** `interrupted`: stopped by SIGTERM / Ctrl-C; what it loaded is committed with its cursor. */
  status: EndpointStatus;
  error?: string;
  /** The failure's error code (`DATABASE_FAILED` for any database error), when it has one. */
  code?: string;
  /** Things worth telling the user that are not errors (e.g. a refused token fallback). */
  notes: string[];
}

/** A tenant's recorded run: its closing status and every endpoint's outcome. */
export interface TenantOutcome {
  tenant: string;
  tenantId: string;
  runId: number;
  status: RunStatus;
  endpoints: EndpointOutcome[];
  /** Wall time of the tenant's run, from taking its lock to closing the run record. */
  elapsedMs: number;
}

/** A tenant whose run could not start or broke as a whole (locked by another run, database gone). */
export interface TenantFailure {
  tenant: string;
  tenantId: string;
  status: 'failed';
  error: string;
  code?: string;
}

export interface BuildSummary {
  tenants: Array<TenantOutcome | TenantFailure>;
  /** True when every tenant's run succeeded (and then the models built). */
  ok: boolean;
  /** The models step, run only after every tenant succeeded. */
  models?: BuildModelsSummary;
  /** Wall time of each phase of the call (the benchmark compares extraction alone with its bound). */
  phases?: BuildPhases;
}

/** Wall time of a build's phases, in ms: they add up to the whole call. */
export interface BuildPhases {
  /** Migrations check and staging tables, before any tenant starts. */
  setupMs: number;
  /** Every tenant's run: requests and loading, from the first lock to the last run closed. */
  extractMs: number;
  /** The model rebuild after the run (0 when a tenant failed and models were not built). */
  modelsMs: number;
}
