/**
 * `atlas status [--json]`: per tenant and endpoint, rows, last success, cursor age, last error;
 * recent runs. Tenants are shown by name (the config's, else the one their last run recorded);
 * every time is shown in UTC and says so, every age as "… ago" from now.
 */
import type { Command } from 'commander';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { exitCodeOf } from '../../errors.js';
import { findStale } from '../../runs/staleness.js';
import { readStatus, type WarehouseStatus } from '../../runs/status.js';
import { recordedTenantNames } from '../../runs/tenant-names.js';
import { workerSchemaFor } from '../../worker/queue-names.js';
import { readQueueStatus } from '../../worker/queue-status.js';
import type { CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';
import { durationFlag, formatDuration, formatQueue, formatStale } from '../status-extras.js';

/** `45s`, `12m`, `5h`, `3d`; '-' when unknown. */
export function formatAge(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 120) return `${Math.max(seconds, 0)}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

/** `2024-05-01 12:00:03 UTC (5m ago)`, or `never`. */
export function formatTime(iso: string | null, now: Date): string {
  if (iso === null) return 'never';
  const ageSeconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC (${formatAge(ageSeconds)} ago)`;
}

/** The status with each tenant's name beside its id (the JSON output carries it too). */
export function nameTenants(status: WarehouseStatus, names: Map<string, string>) {
  return { ...status, endpoints: status.endpoints.map((e) => ({ ...e, tenantName: names.get(e.tenantId) ?? null })) };
}

export function formatStatus(status: WarehouseStatus, names: Map<string, string>, now = new Date()): string {
  if (!status.migrated) return 'The warehouse has not been built yet: run `atlas build`.';
  const tenant = (id: string) => names.get(id) ?? id;
  const width = Math.max(12, ...status.endpoints.map((e) => tenant(e.tenantId).length));
  const lines = [
    'Endpoints:',
    `  ${'tenant'.padEnd(width)}  ${'endpoint'.padEnd(48)} ${'rows'.padStart(9)} ${'deleted'.padStart(8)}  ${'last success'.padEnd(36)}  cursor age  error`,
  ];
  for (const e of status.endpoints) {
    const cursorAge = e.cursorAgeSeconds === null ? '-' : `${formatAge(e.cursorAgeSeconds)} ago`;
    lines.push(
      `  ${tenant(e.tenantId).padEnd(width)}  ${e.endpoint.padEnd(48)} ${String(e.rows).padStart(9)} ${String(e.deletedRows).padStart(8)}  ${formatTime(e.lastSuccessAt, now).padEnd(36)}  ${cursorAge.padStart(10)}  ${e.lastError ?? ''}`,
    );
  }
  lines.push('', 'Recent runs:');
  for (const r of status.runs) {
    lines.push(
      `  run ${r.id} ${r.command} ${r.tenantName} (${r.tenantId}): ${r.status}, started ${formatTime(r.startedAt, now)}, ${r.endedAt ? `ended ${formatTime(r.endedAt, now)}` : 'not ended'}; ` +
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
          // The config's names win: they are what `--tenant` accepts today.
          const names = await recordedTenantNames(warehouse.pool, config.schema);
          for (const t of config.tenants) names.set(t.tenantId, t.name);
          const queue = await readQueueStatus(warehouse.pool, workerSchemaFor(config.schema));
          const stale = flags.staleAfter === undefined ? undefined : findStale(status.endpoints, config.tenants, flags.staleAfter);
          if (context.options().json) {
            const staleness = stale && { staleAfterSeconds: flags.staleAfter, stale };
            context.io.stdout(JSON.stringify({ ...nameTenants(status, names), queue, ...staleness }, null, 2));
          } else {
            const extras = [
              ...formatQueue(queue, (id) => names.get(id) ?? id),
              ...(stale ? formatStale(stale, formatDuration(flags.staleAfter ?? 0)) : []),
            ];
            context.io.stdout([formatStatus(status, names), '', ...extras].join('\n'));
          }
          if (stale && stale.length > 0) process.exitCode = exitCodeOf('SYNC_STALE');
        } finally {
          await warehouse.close();
        }
      }),
    );
}
