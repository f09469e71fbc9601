/**
 * `atlas worker`: runs scheduled syncs from the graphile-worker queue in the warehouse database
 * until stopped. Start as many as you like, on one machine or many, with the same config.
 * SIGTERM / SIGINT: the syncs in hand stop after the pages in flight (committed with their
 * cursors), their jobs go back to the queue, and the process exits 0. A second signal quits at once.
 */
import type { Command } from 'commander';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { startWorker, workerPoolSize } from '../../worker/run-worker.js';
import type { CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';

interface WorkerFlags {
  jobs: number;
  syncNow?: boolean;
  rescueEvery: number;
  concurrency?: number;
}

export function registerWorkerCommand(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description(
      'run scheduled syncs (config "schedule", crontab syntax) from the job queue in the warehouse; run several to share the work',
    )
    .option('--jobs <n>', 'tenants this worker syncs at once', numberFlag('jobs', { integer: true, min: 1 }), 1)
    .option('--sync-now', 'also queue a sync of every tenant at start')
    .option('--rescue-every <seconds>', 'how often to hand back jobs of stopped workers', numberFlag('rescue-every', { min: 1 }), 15)
    .option('--concurrency <n>', 'endpoints extracted at once per sync', numberFlag('concurrency', { integer: true, min: 1 }))
    .action(
      context.action(async (flags: WorkerFlags) => {
        const config = await context.loadConfig({ concurrency: flags.concurrency });
        const logger = context.logger(config);
        const warehouse = await openConfiguredWarehouse(config.database, logger, workerPoolSize(config, flags.jobs));
        let signalled = () => {};
        const signal = new Promise<void>((resolve) => {
          signalled = resolve;
        });
        let signals = 0;
        const onSignal = (name: NodeJS.Signals) => {
          signals += 1;
          if (signals > 1) process.exit(130);
          logger.warn(`${name}: finishing the pages in hand, then stopping (again to quit at once)`);
          signalled();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          const worker = await startWorker(
            config,
            warehouse,
            { jobs: flags.jobs, syncNow: Boolean(flags.syncNow), rescueEveryMs: flags.rescueEvery * 1000 },
            logger,
          );
          await Promise.race([signal, worker.done]);
          await worker.stop();
          logger.info('worker stopped', { pid: process.pid });
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await warehouse.close();
        }
      }),
    );
}
