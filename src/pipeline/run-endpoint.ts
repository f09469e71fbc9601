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
import { walkWindows } from '../extract/window-walker.js';
import { walkCapacity } from '../extract/capacity-walker.js';
import type { EndpointProgress, PageSource } from '../extract/types.js';
import { isDatabaseError } from '../db/database-failure.js';
import { type ReconnectOptions, reconnectingPool, reconnector } from '../db/reconnect.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Cursor } from '../load/cursor.js';
import { readCursor } from '../load/cursor-store.js';
import { stagingTargetFor } from '../load/staging-target.js';
import { emptyFigures } from '../runs/run-figures.js';
import { finishRunEndpoint, startRunEndpoint } from '../runs/run-records.js';
import type { EndpointOutcome } from './outcomes.js';

/** What an endpoint stopped by SIGTERM / Ctrl-C records. */
export const INTERRUPTED = 'interrupted: the pages before the stop are committed; the next run carries on from the saved cursor';

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
  /** `--allow-mass-delete`: sweeps may mark any share of a table deleted (src/load/mass-deletion.ts). */
  allowMassDelete?: boolean;
  logger: Logger;
  /** Carry on after a lost database connection (src/db/reconnect.ts); without it, a lost connection fails the endpoint. */
  reconnect?: ReconnectOptions;
  onPage?: (progress: EndpointProgress) => void;
  signal?: AbortSignal;
}

export interface SweepPolicy {
  force: boolean;
  afterHours: number;
}

/** Default: incremental lists look for hard deletes once a day. */
export const DEFAULT_SWEEP_POLICY: SweepPolicy = { force: false, afterHours: 24 };

/** Whether a list walk should sweep; exports have no sweep, so for them the answer is unused. */
function sweepDue(policy: SweepPolicy, cursor: Cursor | null): boolean {
  const sweptAt = cursor && 'sweptAt' in cursor ? cursor.sweptAt : null;
  return policy.force || !sweptAt || Date.now() - Date.parse(sweptAt) >= policy.afterHours * 3_600_000;
}

export async function runEndpoint(input: EndpointRunInput): Promise<EndpointOutcome> {
  const { descriptor, tenant, schema } = input;
  const target = stagingTargetFor(descriptor, schema);
  const logger = input.logger.child({ tenant: tenant.name, endpoint: descriptor.name });
  const reconnect = input.reconnect ? reconnector({ ...input.reconnect, logger }) : null;
  const pool = reconnect ? reconnectingPool(input.pool, reconnect, `running ${descriptor.name}`) : input.pool;
  await startRunEndpoint(pool, schema, input.runId, descriptor.name, target.table);
  const figures = emptyFigures();
  const notes: string[] = [];
  try {
    const cursor = await readCursor(pool, schema, tenant.tenantId, descriptor.name);
    const context = {
      source: input.source,
      pool,
      descriptor,
      target,
      url: descriptor.extract?.parent ? '' : endpointUrl(descriptor, { apiUrl: tenant.apiUrl, tenantId: tenant.tenantId, params: {} }),
      apiUrl: tenant.apiUrl,
      tenantId: tenant.tenantId,
      tenantName: tenant.name,
      timezone: tenant.timezone,
      runId: input.runId,
      cursor,
      startDate: input.startDate,
      sweepDue: sweepDue(input.sweep, cursor),
      allowMassDelete: input.allowMassDelete,
      logger,
      figures,
      notes,
      onPage: input.onPage,
      signal: input.signal,
    };
    const mode = descriptor.extract?.mode;
    await (mode === 'export'
      ? walkExport(context)
      : mode === 'window'
        ? walkWindows(context)
        : mode === 'snapshot'
          ? walkCapacity(context)
          : descriptor.extract?.parent
            ? walkPerParent(context)
            : walkList(context));
    if (reconnect?.reconnects) notes.push(reconnectNote(reconnect.reconnects));
    await finishRunEndpoint(pool, schema, input.runId, descriptor.name, { status: 'succeeded', notes });
    return { endpoint: descriptor.name, status: 'succeeded', ...figures, notes };
  } catch (error) {
    // Told to stop (SIGTERM / Ctrl-C): the request in flight was abandoned; every page before it
    // is committed with its cursor, so this is an interruption, not a failure.
    const interrupted = input.signal?.aborted === true && !isDatabaseError(error);
    const message = interrupted ? INTERRUPTED : errorMessage(error);
    const code = isDatabaseError(error) ? 'DATABASE_FAILED' : (error as { code?: unknown }).code;
    const status = interrupted ? 'interrupted' : 'failed';
    if (reconnect?.reconnects) notes.push(reconnectNote(reconnect.reconnects));
    // One try on the plain pool: after a connection lost for good, the run is closed as failed later.
    await finishRunEndpoint(input.pool, schema, input.runId, descriptor.name, { status, error: message, notes }).catch((cause) =>
      logger.error('could not record the endpoint failure', { error: errorMessage(cause) }),
    );
    return {
      endpoint: descriptor.name,
      status,
      error: message,
      ...(typeof code === 'string' ? { code } : {}),
      ...figures,
      notes,
    };
  }
}

function reconnectNote(reconnects: number): string {
  return `the database connection was lost ${reconnects === 1 ? 'once' : `${reconnects} times`}; each time the work in hand ran again on a fresh connection`;
}
