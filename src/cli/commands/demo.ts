/**
 * `atlas demo`: the whole job on embedded defaults. Starts the sandbox tenant and, when no
 * database is configured, the embedded Postgres 15; runs a build; prints what was loaded and how
 * to connect. On a terminal it keeps both servers up until Ctrl-C so you can look around;
 * elsewhere (CI) it stops them and exits.
 */
import type { Command } from 'commander';
import pg from 'pg';
import { openConfiguredWarehouse, type Warehouse } from '../../db/connection.js';
import type { AtlasConfig } from '../../config/types.js';
import { readStatus } from '../../runs/status.js';
import { exampleQuery } from '../../models/index.js';
import { loadSandbox, sandboxTenantConfig } from '../sandbox-connection.js';
import type { CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';
import { maskUrlPassword } from '../../text/mask-url-password.js';
import { SANDBOX_SCALE, SANDBOX_SEED } from '../sandbox-flags.js';
import { executeRun, runExitCode } from './build-sync.js';
import { formatRunSummary } from '../run-summary.js';

/** Shows `date` columns as written (`2026-11-30`), not as JS Dates at UTC midnight. */
const datesAsWritten = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.DATE ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function connectHint(config: AtlasConfig, warehouse: Warehouse): string {
  const safe = maskUrlPassword(warehouse.url) ?? '<your database URL>';
  if (config.database.kind !== 'embedded') return `psql "${safe}"`;
  const dataDir = warehouse.embeddedDataDir ?? config.database.dataDir;
  return `psql "${safe}"   # embedded Postgres 15, data in ${dataDir}, password in ${config.database.dataDir}.password`;
}

export function registerDemoCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('demo')
    .description('start the sandbox tenant (and an embedded Postgres 15 when no database is configured), build, and show the result')
    .option('--scale <x>', 'sandbox size (1 ≈ 2,000 customers and 8,000 jobs)', numberFlag('scale', SANDBOX_SCALE), 0.25)
    .option('--seed <n>', 'sandbox data seed', numberFlag('seed', SANDBOX_SEED), 1)
    .option('--keep-running', 'keep the sandbox and database up until Ctrl-C (default on a terminal)')
    .option('--no-keep-running', 'stop and exit when the build is done')
    .action(
      context.action(async (flags: { scale: number; seed: number; keepRunning?: boolean }) => {
        const base = await context.loadConfig({}, { requireTenants: false });
        const logger = context.logger(base);
        const { startSandbox } = await loadSandbox();
        // The sandbox's clock starts now, so marts relative to today (bookings ahead, A/R aging) have rows.
        const sandbox = await startSandbox({ scale: flags.scale, seed: flags.seed, now: new Date().toISOString() });
        io.stdout(`Sandbox ServiceTitan tenant ${sandbox.tenantId} at ${sandbox.url}`);
        const config: AtlasConfig = { ...base, tenants: [sandboxTenantConfig(sandbox)] };
        const json = Boolean(context.options().json);
        try {
          const summary = await executeRun(config, 'build', { fullRefresh: false, sweepDeletes: false }, logger, json);
          io.stdout(formatRunSummary(summary));
          const warehouse = await openConfiguredWarehouse(config.database, logger, 2);
          try {
            const status = await readStatus(warehouse.pool, config.schema);
            const largest = [...status.endpoints].sort((a, b) => b.rows - a.rows).slice(0, 12);
            io.stdout(`\nLoaded into schema "${config.schema}" (largest staging tables):`);
            for (const e of largest) io.stdout(`  ${e.table.padEnd(48)} ${String(e.rows).padStart(8)} rows`);
            io.stdout(`\nConnect:  ${connectHint(config, warehouse)}`);
            const example = exampleQuery(config.martsSchema);
            io.stdout(`Try:      ${example}`);
            const sample = await warehouse.pool
              .query({ text: example, types: datesAsWritten })
              .catch((error: Error) => ({ rows: [{ error: error.message }] }));
            for (const row of sample.rows) io.stdout(`          ${JSON.stringify(row)}`);
            io.stdout('Docs:     npx atlas docs --serve   # data dictionary: every mart and column, lineage, search');
            const keep = flags.keepRunning ?? Boolean(process.stdout.isTTY && process.stdin.isTTY);
            if (!keep && config.database.kind === 'embedded') {
              io.stdout(
                'The embedded database stops with this command; run `npx atlas demo` in a terminal to keep it up while you look around.',
              );
            }
            if (keep) {
              io.stdout('\nThe sandbox and database stay up until Ctrl-C.');
              await new Promise<void>((resolve) => {
                process.once('SIGINT', resolve);
                process.once('SIGTERM', resolve);
              });
            }
          } finally {
            await warehouse.close();
          }
          process.exitCode = runExitCode(summary);
        } finally {
          await sandbox.close();
        }
      }),
    );
}
