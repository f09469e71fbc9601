/**
 * One tenant's run: take the tenant lock, close runs a killed process left open, record the run,
 * reset cursors on `--full-refresh`, run the endpoints under the shared concurrency limit, and
 * close the run as succeeded, partial (some endpoints failed) or failed.
 */
import type pg from 'pg';
import type { LimitFunction } from 'p-limit';
import type { EndpointDescriptor } from '../catalog/types.js';
import type { ServiceTitanClient } from '../client/index.js';
import type { ReportConfig, TenantConfig } from '../config/types.js';
import { runTenantReports } from '../reports/run-reports.js';
import { errorMessage } from '../errors.js';
import type { PageSource } from '../extract/types.js';
import type { Logger } from '../log/logger.js';
import { deleteCursors } from '../load/cursor-store.js';
import { reconnectingPool, reconnector } from '../db/reconnect.js';
import { emptyFigures } from '../runs/run-figures.js';
import { closeAbandonedRuns, createRun, finishRun, type RunStatus } from '../runs/run-records.js';
import { lastPagesByEndpoint } from '../runs/last-pages.js';
import { lockTenant } from '../runs/tenant-lock.js';
import { longestFirst } from './endpoint-order.js';
import type { EndpointOutcome, TenantOutcome } from './outcomes.js';
import type { ProgressReporter } from './progress.js';
import { runEndpoint, type SweepPolicy } from './run-endpoint.js';

export interface TenantRunInput {
  pool: pg.Pool;
  schema: string;
  tenant: TenantConfig;
  source: PageSource;
  endpoints: EndpointDescriptor[];
  command: 'build' | 'sync';
  startDate: string | null;
  fullRefresh: boolean;
  sweep: SweepPolicy;
  allowMassDelete?: boolean;
  limit: LimitFunction;
  logger: Logger;
  progress: ProgressReporter;
  signal?: AbortSignal;
  /** How long a lost database connection may stay lost before the run gives up (src/db/reconnect.ts). */
  reconnectBudgetMs?: number;
  /** Configured reports (of every tenant; this tenant's are run) and the client they call through. */
  reports?: { configs: ReportConfig[]; client: ServiceTitanClient };
}

export async function runTenant(input: TenantRunInput): Promise<TenantOutcome> {
  const { schema, tenant } = input;
  const started = Date.now();
  const lock = await lockTenant(input.pool, schema, tenant);
  // The run's statements carry on after a lost connection, each only once the lock is held again.
  const reconnect = { logger: input.logger.child({ tenant: tenant.name }), budgetMs: input.reconnectBudgetMs, guard: lock.ensureHeld };
  const pool = reconnectingPool(input.pool, reconnector(reconnect), `running tenant ${tenant.name}`);
  try {
    await closeAbandonedRuns(pool, schema, tenant.tenantId);
    // Not retried: an insert whose answer was lost might have happened (a second run row).
    const runId = await createRun(input.pool, schema, tenant, input.command, {
      endpoints: input.endpoints.map((d) => d.name),
      fullRefresh: input.fullRefresh,
      startDate: input.startDate,
    });
    if (input.fullRefresh) {
      const reset = await deleteCursors(
        pool,
        schema,
        tenant.tenantId,
        input.endpoints.map((d) => d.name),
      );
      input.logger.info('full refresh: cursors reset', { tenant: tenant.name, cursors: reset });
    }
    // Outcomes are reported in catalog order, whatever order the endpoints ran in.
    const position = new Map(input.endpoints.map((d, index) => [d.name, index]));
    const inCatalogOrder = (list: EndpointOutcome[]) =>
      list.sort((a, b) => (position.get(a.endpoint) ?? 0) - (position.get(b.endpoint) ?? 0));
    const runOne = (descriptor: EndpointDescriptor) =>
      input.limit(async (): Promise<EndpointOutcome> => {
        if (input.signal?.aborted) {
          return { endpoint: descriptor.name, status: 'interrupted', error: 'interrupted before it started', ...emptyFigures(), notes: [] };
        }
        input.progress.endpointStarted(tenant.name, descriptor.name);
        const outcome = await runEndpoint({ ...input, reconnect, descriptor, runId, onPage: (p) => input.progress.page(p) });
        input.progress.endpointFinished(tenant.name, descriptor.name, outcome);
        return outcome;
      });
    // Per-parent endpoints read their parents from staging: they run once everything else is loaded.
    const ordered = longestFirst(input.endpoints, await lastPagesByEndpoint(pool, schema, tenant.tenantId));
    const children = ordered.filter((d) => d.extract?.parent);
    let outcomes: EndpointOutcome[];
    // Reports run beside the feeds (they mostly wait on their own limits), recorded like endpoints.
    const { reports } = input;
    const reportsDone = reports
      ? runTenantReports({
          pool,
          schema,
          client: reports.client,
          tenant,
          reports: reports.configs,
          runId,
          logger: input.logger,
          signal: input.signal,
        })
      : Promise.resolve([]);
    reportsDone.catch(() => {}); // awaited below; this only keeps an early feed failure from leaving it unhandled
    try {
      outcomes = inCatalogOrder(await Promise.all(ordered.filter((d) => !d.extract?.parent).map(runOne)));
      outcomes.push(...inCatalogOrder(await Promise.all(children.map(runOne))));
      outcomes.push(...(await reportsDone));
    } catch (error) {
      // Endpoint failures are outcomes; reaching here means the run itself broke (the database went away).
      await finishRun(input.pool, schema, runId, 'failed', errorMessage(error)).catch(() => {});
      throw error;
    }
    const { status, error, databaseFailed } = closingOf(outcomes);
    // After a connection lost for good, one try: a run left open is closed as failed by the next run
    // (closeAbandonedRuns), and the endpoint's error stays the one line the run reports.
    if (databaseFailed) await finishRun(input.pool, schema, runId, status, error).catch(() => {});
    else await finishRun(pool, schema, runId, status, error);
    return { tenant: tenant.name, tenantId: tenant.tenantId, runId, status, endpoints: outcomes, elapsedMs: Date.now() - started };
  } finally {
    await lock.release();
  }
}

const INTERRUPTED_RUN = 'interrupted (SIGTERM / Ctrl-C): the pages in hand were committed; the next run carries on from the saved cursors';

/**
 * How a run closes, from its endpoints' outcomes: failed when every endpoint failed or the
 * database did (what was loaded around it cannot be trusted to be complete), partial when some
 * failed, interrupted when the others were stopped on request, else succeeded.
 */
function closingOf(outcomes: EndpointOutcome[]): { status: RunStatus; error: string | null; databaseFailed: boolean } {
  const failed = outcomes.filter((o) => o.status === 'failed');
  const databaseFailed = failed.some((o) => o.code === 'DATABASE_FAILED');
  if (failed.length === 0) {
    const interrupted = outcomes.some((o) => o.status === 'interrupted');
    return { status: interrupted ? 'interrupted' : 'succeeded', error: interrupted ? INTERRUPTED_RUN : null, databaseFailed };
  }
  const names =
    failed
      .slice(0, 5)
      .map((f) => f.endpoint)
      .join(', ') + (failed.length > 5 ? ', …' : '');
  return {
    status: failed.length === outcomes.length || databaseFailed ? 'failed' : 'partial',
    error: `${failed.length} of ${outcomes.length} endpoints failed: ${names}`,
    databaseFailed,
  };
}
