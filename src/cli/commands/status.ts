/** `atlas status [--json]`: per tenant and endpoint, rows, last success, cursor age, last error; recent runs. */
import type { Command } from 'commander';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { exitCodeOf } from '../../errors.js';
import { findStale } from '../../runs/staleness.js';
import { readStatus, type WarehouseStatus } from '../../runs/status.js';
import { workerSchemaFor } from '../../worker/queue-names.js';
import { readQueueStatus } from '../../worker/queue-status.js';
import type { CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';
import { durationFlag, formatDuration, formatQueue, formatStale } from '../status-extras.js';

function age(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

export function formatStatus(status: WarehouseStatus): string {
  if (!status.migrated) return 'The warehouse has not been built yet: run `atlas build`.';
  const lines = [
    'Endpoints:',
    '  tenant        endpoint                                              rows  deleted  last success          cursor age  error',
  ];
  for (const e of status.endpoints) {
    lines.push(
      `  ${e.tenantId.padEnd(12)}  ${e.endpoint.padEnd(48)} ${String(e.rows).padStart(9)} ${String(e.deletedRows).padStart(8)}  ${(e.lastSuccessAt ?? 'never').slice(0, 19).padEnd(20)}  ${age(e.cursorAgeSeconds).padStart(10)}  ${e.lastError ?? ''}`,
    );
  }
  lines.push('', 'Recent runs:');
  for (const r of status.runs) {
    lines.push(
      `  run ${r.id} ${r.command} ${r.tenantName} (${r.tenantId}): ${r.status}, started ${r.startedAt.slice(0, 19)}, ${r.endedAt ? `ended ${r.endedAt.slice(0, 19)}` : 'not ended'}; ` +
        `${r.pages} pages, ${r.received} rows (${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged, ` +
        `${r.rejected} rejected), ` +
        `${r.requests} requests, ${r.retries} retries${r.error ? `; ${r.error}` : ''}`,
    );
  }
  return lines.join('\n');
}

export function registerStatusCommand(program: Command, context: CliContext): void {
  program
    .command('status')
    .description('show what the last runs did: rows per endpoint, last success, cursor age, errors')
    .option('--runs <n>', 'how many recent runs to list', numberFlag('runs', { integer: true, min: 1 }), 10)
    .option(
      '--stale-after <duration>',
      'exit 9 naming every tenant/endpoint without a successful sync within this (e.g. 2h)',
      durationFlag('stale-after'),
    )
    .action(
      context.action(async (flags: { runs: number; staleAfter?: number }) => {
        const config = await context.loadConfig({}, { requireTenants: false });
        const logger = context.logger(config);
        const warehouse = await openConfiguredWarehouse(config.database, logger, 2);
        try {
          const status = await readStatus(warehouse.pool, config.schema, flags.runs);
          const queue = await readQueueStatus(warehouse.pool, workerSchemaFor(config.schema));
          const stale = flags.staleAfter === undefined ? undefined : findStale(status.endpoints, config.tenants, flags.staleAfter);
          if (context.options().json) {
            const staleness = stale && { staleAfterSeconds: flags.staleAfter, stale };
            context.io.stdout(JSON.stringify({ ...status, queue, ...staleness }, null, 2));
          } else {
            const names = new Map(config.tenants.map((t) => [t.tenantId, t.name]));
            const extras = [
              ...formatQueue(queue, (id) => names.get(id) ?? id),
              ...(stale ? formatStale(stale, formatDuration(flags.staleAfter ?? 0)) : []),
            ];
            context.io.stdout([formatStatus(status), '', ...extras].join('\n'));
          }
          if (stale && stale.length > 0) process.exitCode = exitCodeOf('SYNC_STALE');
        } finally {
          await warehouse.close();
        }
      }),
    );
}
