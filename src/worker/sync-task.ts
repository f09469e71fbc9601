/**
 * The `atlas_sync` task: one tenant's `atlas sync` (the same pipeline, tenant lock and model
 * refresh), run by whichever worker took the job. A sync that does not end `ok` throws, so
 * graphile-worker records the error and retries with backoff; a sync interrupted by the worker's
 * shutdown throws too, which hands the job back to be resumed (from the saved cursors) by any
 * worker after a short backoff.
 */
import type { Task } from 'graphile-worker';
import type { AtlasConfig } from '../config/types.js';
import type { Warehouse } from '../db/connection.js';
import { AtlasError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { runBuild, type BuildOptions, type BuildSummary } from '../pipeline/build.js';
import { logProgress } from '../pipeline/progress.js';
import type { SyncPayload } from './queue-names.js';

export interface SyncTaskContext {
  config: AtlasConfig;
  warehouse: Warehouse;
  logger: Logger;
  /** Aborted when the worker shuts down: syncs stop after the pages in flight. */
  shutdown: AbortSignal;
  clientOptions?: BuildOptions['clientOptions'];
}

/** Why a sync is not `ok`, in one line: the tenant's error, its failed endpoints, or the models. */
export function syncFailure(summary: BuildSummary): string {
  const [tenant] = summary.tenants;
  if (tenant && 'error' in tenant) return tenant.error;
  if (tenant && tenant.status !== 'succeeded') {
    const failed = tenant.endpoints.filter((e) => e.status === 'failed');
    return `run ${tenant.runId} ${tenant.status}: ${failed.length} endpoint(s) failed, first ${failed[0]?.endpoint}: ${failed[0]?.error}`;
  }
  const model = summary.models?.models.find((m) => m.status === 'failed');
  return model ? `models failed: ${model.model}: ${model.error}` : 'sync did not succeed';
}

export function syncTask(context: SyncTaskContext): Task {
  return async (rawPayload, helpers) => {
    const { tenantId } = rawPayload as SyncPayload;
    const tenant = context.config.tenants.find((t) => t.tenantId === tenantId);
    const logger = context.logger.child({ job: helpers.job.id, tenant: tenant?.name ?? tenantId });
    if (!tenant) {
      // Completing the job drops it: a tenant removed from the config must not be retried for ever.
      logger.warn('sync job for a tenant that is not configured here: dropped');
      return;
    }
    if (context.shutdown.aborted) throw new AtlasError('RUN_FAILED', 'worker shutting down: sync not started');
    logger.info('sync started', { attempt: helpers.job.attempts });
    const summary = await runBuild(
      { ...context.config, tenants: [tenant] },
      context.warehouse,
      { command: 'sync', fullRefresh: false, signal: context.shutdown, clientOptions: context.clientOptions },
      logger,
      logProgress(logger),
    );
    if (!summary.ok) {
      const reason = context.shutdown.aborted ? 'interrupted by worker shutdown; resumes from the saved cursors' : syncFailure(summary);
      logger.warn('sync not finished', { reason });
      throw new AtlasError('RUN_FAILED', `tenant "${tenant.name}" (${tenant.tenantId}): ${reason}`);
    }
    const runId = 'runId' in summary.tenants[0] ? summary.tenants[0].runId : undefined;
    logger.info('sync succeeded', { run: runId });
  };
}
