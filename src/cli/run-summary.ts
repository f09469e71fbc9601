/**
 * Human-readable summary of a build or sync, printed when it ends: the full one (a line per
 * tenant, then failed endpoints and notes) or, with `--quiet`, one line for the whole run. Both
 * give each tenant's elapsed time and rate (rows received per second of its run).
 */
import type { BuildSummary, TenantFailure, TenantOutcome } from '../pipeline/outcomes.js';
import { sumFigures } from '../runs/run-figures.js';

const n = (value: number) => value.toLocaleString('en-US');

/** `850 ms`, `12.3 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** Rows received per second of the tenant's run (0 for an empty run). */
export function rowsPerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0;
}

const timing = (rows: number, elapsedMs: number) => `${formatElapsed(elapsedMs)}, ${n(rowsPerSecond(rows, elapsedMs))} rows/s`;

export function formatRunSummary(summary: BuildSummary): string {
  const lines: string[] = [];
  for (const tenant of summary.tenants) {
    if (!('endpoints' in tenant)) {
      lines.push(`✗ tenant ${tenant.tenant} (${tenant.tenantId}): ${tenant.error}`);
      continue;
    }
    const total = sumFigures(tenant.endpoints);
    const mark = tenant.status === 'succeeded' ? '✓' : tenant.status === 'interrupted' ? '■' : '✗';
    lines.push(
      `${mark} tenant ${tenant.tenant} (${tenant.tenantId}): ${tenant.status}, run ${tenant.runId}, ${tenant.endpoints.length} endpoints, ` +
        `${n(total.received)} rows received in ${n(total.pages)} pages (${n(total.inserted)} new, ${n(total.updated)} changed, ${n(total.unchanged)} unchanged` +
        `${total.rejected ? `, ${n(total.rejected)} rejected — see _rejects` : ''}${total.deleted ? `, ${n(total.deleted)} marked deleted` : ''}), ` +
        `${n(total.requests)} requests, ${n(total.retries)} retries; ${timing(total.received, tenant.elapsedMs)}`,
    );
    for (const endpoint of tenant.endpoints) {
      if (endpoint.status === 'failed') lines.push(`    ✗ ${endpoint.endpoint}: ${endpoint.error}`);
      for (const note of endpoint.notes) lines.push(`    ! ${endpoint.endpoint}: ${note}`);
    }
  }
  return lines.join('\n');
}

function quietTenant(tenant: TenantOutcome | TenantFailure): string {
  if (!('endpoints' in tenant)) return `${tenant.tenant} failed (${tenant.error})`;
  const total = sumFigures(tenant.endpoints);
  const failed = tenant.endpoints.filter((e) => e.status === 'failed').length;
  const changes = `${n(total.inserted)} new, ${n(total.updated)} changed${total.deleted ? `, ${n(total.deleted)} deleted` : ''}`;
  return (
    `${tenant.tenant} ${tenant.status}${failed ? ` (${failed} of ${tenant.endpoints.length} endpoints failed)` : ''}: ` +
    `${n(total.received)} rows (${changes}) in ${timing(total.received, tenant.elapsedMs)}`
  );
}

/** The one line `--quiet` prints: the run's outcome, then each tenant's rows, time and rate. */
export function formatQuietSummary(command: 'build' | 'sync', summary: BuildSummary): string {
  const models = summary.models && !summary.models.ok ? '; models failed (atlas models build)' : '';
  return `${summary.ok ? '✓' : '✗'} ${command} ${summary.ok ? 'succeeded' : 'failed'}: ${summary.tenants.map(quietTenant).join('; ')}${models}`;
}
