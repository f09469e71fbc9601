/**
 * Runs one endpoint of one tenant inside a run (its staging table exists already): reads its
 * cursor, walks it with the walker of its mode, and closes its run figures. An endpoint's failure
 * is recorded and reported; it does not stop the other endpoints.
 */
import type pg from 'pg';
import { endpointUrl } from '../catalog/index.js';
import type { EndpointDescriptor } from '../catalog/types.js';
import type { TenantConfig } from '../config/types.js';
import { walkExport } from '../extract/export-walker.js';
import { walkList } from '../extract/list-walker.js';
import { walkPerParent } from '../extract/per-parent-walker.js';
import { emptyWalkResult, type EndpointProgress, type PageSource, type WalkResult } from '../extract/types.js';
import type { Logger } from '../log/logger.js';
import { readCursor } from '../load/cursor.js';
import { stagingTargetFor } from '../load/staging-target.js';
import { finishRunEndpoint, startRunEndpoint } from '../runs/run-records.js';

export interface EndpointRunInput {
  pool: pg.Pool;
  schema: string;
  source: PageSource;
  descriptor: EndpointDescriptor;
  tenant: TenantConfig;
  runId: number;
  startDate: string | null;
  /** When incremental lists sweep for hard deletes: always (`force`) or once the last sweep is older than `afterHours`. */
  sweep: SweepPolicy;
  logger: Logger;
  onPage?: (progress: EndpointProgress) => void;
  signal?: AbortSignal;
}

export interface SweepPolicy {
  force: boolean;
  afterHours: number;
}

/** Default: incremental lists look for hard deletes once a day. */
export const DEFAULT_SWEEP_POLICY: SweepPolicy = { force: false, afterHours: 24 };

function sweepDue(policy: SweepPolicy, sweptAt: string | null | undefined): boolean {
  return policy.force || !sweptAt || Date.now() - Date.parse(sweptAt) >= policy.afterHours * 3_600_000;
}

export interface EndpointRunOutcome extends WalkResult {
  endpoint: string;
  status: 'succeeded' | 'failed';
  error?: string;
}

export async function runEndpoint(input: EndpointRunInput): Promise<EndpointRunOutcome> {
  const { descriptor, tenant, schema, pool } = input;
  const target = stagingTargetFor(descriptor, schema);
  const logger = input.logger.child({ tenant: tenant.name, endpoint: descriptor.name });
  await startRunEndpoint(pool, schema, input.runId, descriptor.name, target.table);
  const result: WalkResult = emptyWalkResult();
  try {
    const cursor = await readCursor(pool, schema, tenant.tenantId, descriptor.name);
    const context = {
      source: input.source, pool, descriptor, target,
      url: descriptor.extract?.parent ? '' : endpointUrl(descriptor, { apiUrl: tenant.apiUrl, tenantId: tenant.tenantId, params: {} }),
      apiUrl: tenant.apiUrl,
      tenantId: tenant.tenantId, tenantName: tenant.name, runId: input.runId, cursor,
      startDate: input.startDate, sweepDue: sweepDue(input.sweep, cursor?.sweptAt), logger, result, onPage: input.onPage, signal: input.signal,
    };
    await (descriptor.extract?.mode === 'export' ? walkExport(context) : descriptor.extract?.parent ? walkPerParent(context) : walkList(context));
    await finishRunEndpoint(pool, schema, input.runId, descriptor.name, { status: 'succeeded', notes: result.notes });
    return { endpoint: descriptor.name, status: 'succeeded', ...result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRunEndpoint(pool, schema, input.runId, descriptor.name, { status: 'failed', error: message, notes: result.notes }).catch((cause) =>
      logger.error('could not record the endpoint failure', { error: String(cause) }),
    );
    return { endpoint: descriptor.name, status: 'failed', error: message, ...result };
  }
}
