/**
 * `atlas build` / `atlas sync`: migrate, then run every selected tenant (concurrently), each with
 * its own ServiceTitan client and rate limiter, all endpoints sharing one concurrency limit.
 * A build and a sync differ only in intent: both continue from saved cursors; a build on an
 * empty warehouse is the first load.
 */
import pLimit from 'p-limit';
import type { AtlasConfig } from '../config/types.js';
import { ServiceTitanClient } from '../client/index.js';
import { migrate } from '../db/migrate.js';
import { refreshModelsAfterRun } from '../models/after-run.js';
import { ensureStagingTables } from '../load/staging-table.js';
import { stagingTargetFor } from '../load/staging-target.js';
import type { Warehouse } from '../db/connection.js';
import { asDatabaseFailure, isDatabaseError } from '../db/database-failure.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { BuildPhases, BuildSummary, TenantFailure } from './outcomes.js';
import type { ProgressReporter } from './progress.js';
import { DEFAULT_SWEEP_POLICY } from './run-endpoint.js';
import { runTenant } from './run-tenant.js';
import { selectEndpoints } from './select-endpoints.js';

export interface BuildOptions {
  command: 'build' | 'sync';
  fullRefresh: boolean;
  /** Make incremental lists look for hard deletes now, whenever they last did. */
  sweepDeletes?: boolean;
  /** Let sweeps mark any share of a table deleted (otherwise refused: src/load/mass-deletion.ts). */
  allowMassDelete?: boolean;
  signal?: AbortSignal;
  /** How long a lost database connection may stay lost before a tenant's run gives up (default 30 s; tests shorten it). */
  reconnectBudgetMs?: number;
  /** Retry and timeout settings for the ServiceTitan clients (tests shorten the backoff). */
  clientOptions?: { maxAttempts?: number; timeoutMs?: number; backoff?: { baseMs: number; maxMs: number } };
}

export type { BuildSummary } from './outcomes.js';

export async function runBuild(
  config: AtlasConfig,
  warehouse: Warehouse,
  options: BuildOptions,
  logger: Logger,
  progress: ProgressReporter,
): Promise<BuildSummary> {
  const started = performance.now();
  const endpoints = selectEndpoints(config.endpoints);
  await migrate(warehouse.knex, config.schema, config.martsSchema);
  await ensureStagingTables(
    warehouse.pool,
    endpoints.map((d) => stagingTargetFor(d, config.schema)),
  ).catch((error: unknown) => {
    throw asDatabaseFailure(error, 'creating the staging tables');
  });
  const setupDone = performance.now();
  const limit = pLimit(config.concurrency);
  logger.info(`${options.command}: ${config.tenants.length} tenant(s), ${endpoints.length} endpoint(s), concurrency ${config.concurrency}`);

  const tenants = await Promise.all(
    config.tenants.map(async (tenant) => {
      const source = new ServiceTitanClient({ ...options.clientOptions, tenant, logger });
      try {
        return await runTenant({
          pool: warehouse.pool,
          schema: config.schema,
          tenant,
          source,
          endpoints,
          command: options.command,
          startDate: config.startDate,
          fullRefresh: options.fullRefresh,
          limit,
          sweep: { ...DEFAULT_SWEEP_POLICY, force: Boolean(options.sweepDeletes) },
          allowMassDelete: options.allowMassDelete,
          reconnectBudgetMs: options.reconnectBudgetMs,
          logger,
          progress,
          signal: options.signal,
          ...(config.reports?.length ? { reports: { configs: config.reports, client: source } } : {}),
        });
      } catch (error) {
        const message = errorMessage(error);
        logger.error('tenant run failed', { tenant: tenant.name, error: message });
        // A database error's own code is a SQLSTATE; the run reports it as DATABASE_FAILED (exit 5).
        const code = isDatabaseError(error) ? 'DATABASE_FAILED' : (error as { code?: string }).code;
        const failure: TenantFailure = { tenant: tenant.name, tenantId: tenant.tenantId, status: 'failed', error: message, code };
        return failure;
      }
    }),
  );
  const extractDone = performance.now();
  const phases = (modelsDone: number): BuildPhases => ({
    setupMs: setupDone - started,
    extractMs: extractDone - setupDone,
    modelsMs: modelsDone - extractDone,
  });
  if (!tenants.every((t) => t.status === 'succeeded')) return { tenants, ok: false, phases: phases(extractDone) };
  const models = await refreshModelsAfterRun(config, warehouse, tenants, logger);
  return { tenants, ok: models.ok, models, phases: phases(performance.now()) };
}
