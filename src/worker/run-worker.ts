/**
 * One `atlas worker` process: graphile-worker runners serving the sync queue in the warehouse
 * database (schema `<schema>_worker`), the crontab built from config, and the rescue of jobs left
 * by dead workers. Any number of these processes, on any machines, share the queue:
 * - cron: graphile-worker adds each tick's jobs once, however many workers run;
 * - a tenant's syncs share one named job queue, so one worker at a time runs them (and the tenant
 *   lock of `atlas sync` remains the last line of defence);
 * - a job whose worker died is freed within `rescueEveryMs` (./rescue.ts) and resumed elsewhere.
 *
 * `jobs` is how many syncs (tenants) this process runs at once: one graphile-worker runner (worker
 * pool) per slot, each vouched for by ./liveness.ts. Only slot 0 runs cron. Each slot syncs
 * through connections of its own (slot 0 through `warehouse`): concurrent syncs in one process
 * would otherwise share knex's few connections, and two migrations at once could deadlock there.
 */
import { EventEmitter } from 'node:events';
import { parseCronItems, run, type Runner, type RunnerOptions, type WorkerEvents } from 'graphile-worker';
import type { AtlasConfig } from '../config/types.js';
import { openWarehouse, type Warehouse } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { holdLiveness } from './liveness.js';
import { queueLogger } from './queue-logger.js';
import { SYNC_TASK, workerSchemaFor } from './queue-names.js';
import { rescueJobsOfGoneWorkers } from './rescue.js';
import { syncJobSpec, syncSchedule } from './sync-schedule.js';
import { syncTask, type SyncTaskContext } from './sync-task.js';

export interface WorkerOptions {
  /** Syncs this process runs at once (default 1). */
  jobs: number;
  /** Add a sync job for every tenant at start, besides the schedule. */
  syncNow: boolean;
  /** How often to look for jobs of dead workers. */
  rescueEveryMs: number;
  /** How often graphile-worker polls for jobs that became due (it is also woken by LISTEN/NOTIFY). */
  pollIntervalMs?: number;
  clientOptions?: SyncTaskContext['clientOptions'];
}

export interface RunningWorker {
  workerSchema: string;
  /** Settles when every runner has stopped; rejects when one fails (e.g. the database went away). */
  done: Promise<void>;
  /** Finishes the pages in hand, hands unfinished syncs back to the queue, stops. */
  stop(): Promise<void>;
}

/** Connections of the main pool: slot 0's sync, graphile-worker's runners (one LISTEN each) and the liveness locks. */
export function workerPoolSize(config: Pick<AtlasConfig, 'concurrency'>, jobs: number): number {
  return config.concurrency + 6 + 2 * jobs + 2;
}

export async function startWorker(
  config: AtlasConfig,
  warehouse: Warehouse,
  options: WorkerOptions,
  logger: Logger,
): Promise<RunningWorker> {
  const workerSchema = workerSchemaFor(config.schema);
  const schedule = syncSchedule(config);
  const cron = parseCronItems(schedule.items);
  if (schedule.unscheduled.length > 0) {
    logger.warn('tenants without a schedule are synced only when a job is added for them (set "schedule")', {
      tenants: schedule.unscheduled,
    });
  }
  await migrate(warehouse.knex, config.schema, config.martsSchema);
  // graphile-worker asks that a shared pool's clients have error handlers: a dropped connection
  // then fails the query in hand (and the sync retries) instead of crashing the process.
  if (warehouse.pool.listeners('connect').length === 0) {
    warehouse.pool.on('connect', (client) =>
      client.on('error', (error) => logger.warn('database connection lost', { error: errorMessage(error) })),
    );
  }
  const liveness = await holdLiveness(warehouse.pool, workerSchema);
  const shutdown = new AbortController();
  const slotWarehouses: Warehouse[] = [];
  const taskListFor = (slotWarehouse: Warehouse) => ({
    [SYNC_TASK]: syncTask({ config, warehouse: slotWarehouse, logger, shutdown: shutdown.signal, clientOptions: options.clientOptions }),
  });
  const runners: Runner[] = [];
  // Each worker pool's liveness lock is taken as graphile-worker announces the pool.
  const events: WorkerEvents = new EventEmitter();
  const adopted: Promise<void>[] = [];
  events.on('pool:create', ({ workerPool }) => {
    adopted.push(
      liveness.adopt(workerPool.id).catch((error) => logger.error('could not take a liveness lock', { error: errorMessage(error) })),
    );
  });
  try {
    for (let slot = 0; slot < options.jobs; slot++) {
      const slotWarehouse = slot === 0 ? warehouse : await openWarehouse(warehouse.url, { poolSize: config.concurrency + 6 });
      if (slot > 0) slotWarehouses.push(slotWarehouse);
      const runnerOptions: RunnerOptions = {
        pgPool: warehouse.pool,
        schema: workerSchema,
        taskList: taskListFor(slotWarehouse),
        parsedCronItems: slot === 0 ? cron : [],
        concurrency: 1,
        events,
        noHandleSignals: true,
        pollInterval: options.pollIntervalMs ?? 2000,
        logger: queueLogger(logger),
      };
      runners.push(await run(runnerOptions));
    }
    await Promise.all(adopted);
  } catch (error) {
    await Promise.all(runners.map((r) => r.stop().catch(() => {})));
    await liveness.release().catch(() => {});
    await Promise.all(slotWarehouses.map((w) => w.close()));
    throw error;
  }

  const rescue = async () => {
    try {
      const freed = await rescueJobsOfGoneWorkers(warehouse.pool, workerSchema);
      if (freed.length > 0) logger.warn('handed the jobs of stopped workers back to the queue', { workers: freed });
    } catch (error) {
      logger.warn('could not look for jobs of stopped workers', { error: errorMessage(error) });
    }
  };
  await rescue();
  const rescueTimer = setInterval(rescue, options.rescueEveryMs);
  if (options.syncNow) {
    for (const tenant of config.tenants) await runners[0].addJob(SYNC_TASK, { tenantId: tenant.tenantId }, syncJobSpec(tenant));
  }
  logger.info('worker started', {
    pid: process.pid,
    queue: workerSchema,
    jobs: options.jobs,
    scheduled: schedule.items.map((item) => `${item.match as string} ${item.identifier}`),
  });

  let stopping: Promise<void> | undefined;
  return {
    workerSchema,
    done: Promise.all(runners.map((r) => r.promise)).then(() => {}),
    stop() {
      stopping ??= (async () => {
        clearInterval(rescueTimer);
        shutdown.abort();
        await Promise.all(runners.map((r) => r.stop()));
        await liveness.release();
        await Promise.all(slotWarehouses.map((w) => w.close()));
      })();
      return stopping;
    },
  };
}
