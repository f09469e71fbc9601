/**
 * The model step of `atlas build` / `atlas sync`, run once every tenant's run succeeded: builds the
 * models whose sources the run changed (see build-models.ts). Never throws: a broken model file or
 * a failing model becomes a failed summary, so the run's own outcome is still reported.
 */
import type { AtlasConfig } from '../config/types.js';
import type { Warehouse } from '../db/connection.js';
import type { Logger } from '../log/logger.js';
import { buildModels, type BuildModelsSummary } from './build-models.js';
import { changesOfRun } from './run-changes.js';
import { errorMessage } from '../errors.js';

interface TenantFigures {
  status: string;
  runId?: number;
  endpoints?: Array<{ endpoint: string; inserted: number; updated: number; deleted: number }>;
}

export async function refreshModelsAfterRun(
  config: AtlasConfig,
  warehouse: Warehouse,
  tenants: TenantFigures[],
  logger: Logger,
): Promise<BuildModelsSummary> {
  const runIds = tenants.map((t) => t.runId).filter((id): id is number => typeof id === 'number');
  try {
    const summary = await buildModels(
      config,
      warehouse,
      { changes: changesOfRun(tenants), runId: runIds.length ? Math.max(...runIds) : null },
      logger,
    );
    const built = summary.models.filter((m) => m.status === 'built').length;
    logger.info(`models: ${built} built, ${summary.models.filter((m) => m.status === 'unchanged').length} unchanged`);
    return summary;
  } catch (error) {
    const message = errorMessage(error);
    logger.error('models not built', { error: message });
    return { ok: false, tenantsChanged: false, models: [{ model: '*', status: 'failed', error: message }] };
  }
}
