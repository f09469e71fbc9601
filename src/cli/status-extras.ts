/**
 * The parts of `atlas status` that come from unattended operation: the worker queue per tenant
 * and, with `--stale-after`, the tenant/endpoint pairs that have not synced successfully in time.
 */
import { InvalidArgumentError } from 'commander';
import { type StaleEndpoint, parseDuration } from '../runs/staleness.js';
import type { TenantQueueStatus } from '../worker/queue-status.js';

/** Commander parser of `--stale-after`: seconds, or a clear error naming the flag and a good value. */
export function durationFlag(flag: string): (value: string) => number {
  return (value) => {
    const seconds = parseDuration(value);
    if (seconds === null) throw new InvalidArgumentError(`--${flag} ${JSON.stringify(value)} is not a duration: e.g. 90s, 30m, 2h or 1d`);
    return seconds;
  };
}

export function formatQueue(queue: TenantQueueStatus[] | null, tenantName: (tenantId: string) => string): string[] {
  if (queue === null) return ['Worker queue: none (no `atlas worker` has run against this warehouse).'];
  const lines = ['Worker queue:', '  tenant                    scheduled  running  retrying  failed  next run              last error'];
  if (queue.length === 0) lines.push('  (no sync jobs)');
  for (const q of queue) {
    lines.push(
      `  ${tenantName(q.tenantId).padEnd(24)}  ${String(q.scheduled).padStart(9)}  ${String(q.running).padStart(7)}  ${String(q.retrying).padStart(8)}  ${String(q.failed).padStart(6)}  ${(q.nextRunAt ?? '-').slice(0, 19).padEnd(20)}  ${q.lastError ?? ''}`,
    );
  }
  return lines;
}

/** Seconds as the largest whole unit: 7200 → `2h`, 90 → `90s`. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}

export function formatStale(stale: StaleEndpoint[], staleAfter: string): string[] {
  if (stale.length === 0) return [`Fresh: every tenant/endpoint synced successfully within ${staleAfter}.`];
  const lines = [`Stale: ${stale.length} tenant/endpoint pair(s) without a successful sync within ${staleAfter}:`];
  for (const s of stale) {
    const who = s.tenantName ? `${s.tenantName} (${s.tenantId})` : s.tenantId;
    lines.push(`  ${who} ${s.endpoint === '*' ? 'has never synced' : `${s.endpoint}: last success ${s.lastSuccessAt ?? 'never'}`}`);
  }
  return lines;
}
