/**
 * `atlas build` (first load, then continues from cursors) and `atlas sync` (from the saved
 * cursors, for schedules). Both migrate, extract and load every selected endpoint of every
 * selected tenant. Ctrl-C stops after the pages in flight; the cursors keep what was loaded.
 */
import type { Command } from 'commander';
import { runBuild, type BuildSummary } from '../../pipeline/build.js';
import { logProgress } from '../../pipeline/progress.js';
import type { AtlasConfig } from '../../config/types.js';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { exitCodeOf } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import { terminalProgress } from '../progress-bars.js';
import { formatQuietSummary, formatRunSummary } from '../run-summary.js';
import { collect, type CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';

interface RunFlags {
  startDate?: string;
  tenant: string[];
  endpoint: string[];
  fullRefresh?: boolean;
  sweepDeletes?: boolean;
  allowMassDelete?: boolean;
  concurrency?: number;
  quiet?: boolean;
}

/** Runs a build or sync for an already loaded config; shared with `atlas demo`. */
export async function executeRun(
  config: AtlasConfig,
  command: 'build' | 'sync',
  modes: { fullRefresh: boolean; sweepDeletes: boolean; allowMassDelete?: boolean },
  logger: Logger,
  json: boolean,
  quiet = false,
): Promise<BuildSummary> {
  // Tenant locks hold connections of their own, beside the pool (src/runs/tenant-lock.ts): the
  // pool serves the endpoints (at most `concurrency` at once) and the run's own bookkeeping.
  const warehouse = await openConfiguredWarehouse(config.database, logger, config.concurrency + 4);
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    logger.warn('stopping after the pages in flight (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Quiet runs log (at warn and above) instead of drawing bars: nothing moves on a quiet screen.
  const progress = process.stderr.isTTY && !json && !quiet ? terminalProgress(logger) : logProgress(logger);
  try {
    return await runBuild(config, warehouse, { command, ...modes, signal: controller.signal }, logger, progress);
  } finally {
    progress.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await warehouse.close();
  }
}

/** A quiet run's log level: warnings and errors, or only errors when the config asks for that. */
function atLeastWarn(level: AtlasConfig['log']['level']): AtlasConfig['log']['level'] {
  return level === 'error' ? 'error' : 'warn';
}

/**
 * Exit code of a finished run: 0; 5 when the database failed; 130 when stopped by SIGTERM / Ctrl-C
 * with nothing failed; 6 when a tenant was locked by another run; else 7.
 */
export function runExitCode(summary: BuildSummary): number {
  if (summary.ok) return 0;
  if (databaseFailure(summary)) return exitCodeOf('DATABASE_FAILED');
  if (wasInterrupted(summary)) return exitCodeOf('INTERRUPTED');
  const locked = summary.tenants.some((t) => 'code' in t && t.code === 'TENANT_LOCKED');
  return exitCodeOf(locked ? 'TENANT_LOCKED' : 'RUN_FAILED');
}

/** True when the run was stopped on request and nothing else went wrong. */
export function wasInterrupted(summary: BuildSummary): boolean {
  return (
    summary.tenants.some((t) => t.status === 'interrupted') &&
    summary.tenants.every((t) => t.status === 'interrupted' || t.status === 'succeeded')
  );
}

/** The first database error of a run (a tenant's or an endpoint's), or null. */
export function databaseFailure(summary: BuildSummary): string | null {
  for (const tenant of summary.tenants) {
    if ('code' in tenant && tenant.code === 'DATABASE_FAILED') return tenant.error;
    const endpoint = 'endpoints' in tenant ? tenant.endpoints.find((e) => e.code === 'DATABASE_FAILED') : undefined;
    if (endpoint) return endpoint.error ?? 'database failed';
  }
  return null;
}

function register(program: Command, context: CliContext, name: 'build' | 'sync', description: string): void {
  program
    .command(name)
    .description(description)
    .option('--start-date <YYYY-MM-DD>', 'first-run start date for export feeds (default: config startDate, else full history)')
    .option('--tenant <name>', 'only this tenant; repeatable', collect, [])
    .option('--endpoint <name>', 'only this endpoint; repeatable', collect, [])
    .option('--full-refresh', 'reset the cursors of the chosen endpoints and read them again from the start')
    .option('--sweep-deletes', 'walk incremental lists whole now to mark rows ServiceTitan deleted outright (otherwise once a day)')
    // The upper bound is the config's (it names --concurrency too); the flag itself must be a count.
    .option('--allow-mass-delete', 'let a walk mark more than 20% of a table deleted at once (otherwise refused, see the run notes)')
    .option('--concurrency <n>', 'endpoints extracted at once', numberFlag('concurrency', { integer: true, min: 1 }))
    .option('--quiet', 'only warnings, errors and a one-line summary (for cron; config log.quiet)')
    .action(
      context.action(async (flags: RunFlags) => {
        const config = await context.loadConfig({
          startDate: flags.startDate,
          tenant: flags.tenant.length ? flags.tenant : undefined,
          endpoints: flags.endpoint.length ? flags.endpoint : undefined,
          concurrency: flags.concurrency,
          quiet: flags.quiet,
        });
        const json = Boolean(context.options().json);
        const modes = {
          fullRefresh: Boolean(flags.fullRefresh),
          sweepDeletes: Boolean(flags.sweepDeletes),
          allowMassDelete: Boolean(flags.allowMassDelete),
        };
        const quiet = config.log.quiet === true;
        const logger = context.logger(quiet ? { log: { ...config.log, level: atLeastWarn(config.log.level) } } : config);
        const summary = await executeRun(config, name, modes, logger, json, quiet);
        context.io.stdout(json ? JSON.stringify(summary, null, 2) : quiet ? formatQuietSummary(name, summary) : formatRunSummary(summary));
        const failure = databaseFailure(summary);
        if (failure) context.io.stderr(`atlas: ${failure} [DATABASE_FAILED]`);
        else if (wasInterrupted(summary)) {
          context.io.stderr(
            'atlas: interrupted: the pages in hand were committed; `atlas sync` carries on from the saved cursors [INTERRUPTED]',
          );
        }
        process.exitCode = runExitCode(summary);
      }),
    );
}

export function registerBuildCommands(program: Command, context: CliContext): void {
  register(program, context, 'build', 'migrate the warehouse and load every selected export feed and list (continues from saved cursors)');
  register(program, context, 'sync', 'load what changed since the saved cursors (for schedules: cron every 15 minutes)');
}
