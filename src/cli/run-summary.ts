/** Human-readable summary of a build or sync, printed when it ends. */
import type { BuildSummary } from '../pipeline/build.js';

const n = (value: number) => value.toLocaleString('en-US');

export function formatRunSummary(summary: BuildSummary): string {
  const lines: string[] = [];
  for (const tenant of summary.tenants) {
    if (!('endpoints' in tenant)) {
      lines.push(`✗ tenant ${tenant.tenant} (${tenant.tenantId}): ${tenant.error}`);
      continue;
    }
    const total = tenant.endpoints.reduce(
      (acc, e) => ({
        received: acc.received + e.received, inserted: acc.inserted + e.inserted, updated: acc.updated + e.updated,
        unchanged: acc.unchanged + e.unchanged, rejected: acc.rejected + e.rejected, deleted: acc.deleted + e.deleted,
        requests: acc.requests + e.requests, retries: acc.retries + e.retries, pages: acc.pages + e.pages,
      }),
      { received: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, deleted: 0, requests: 0, retries: 0, pages: 0 },
    );
    const mark = tenant.status === 'succeeded' ? '✓' : '✗';
    lines.push(
      `${mark} tenant ${tenant.tenant} (${tenant.tenantId}): ${tenant.status}, run ${tenant.runId}, ${tenant.endpoints.length} endpoints, ` +
        `${n(total.received)} rows received in ${n(total.pages)} pages (${n(total.inserted)} new, ${n(total.updated)} changed, ${n(total.unchanged)} unchanged` +
        `${total.rejected ? `, ${n(total.rejected)} rejected — see _rejects` : ''}${total.deleted ? `, ${n(total.deleted)} marked deleted` : ''}), ` +
        `${n(total.requests)} requests, ${n(total.retries)} retries`,
    );
    for (const endpoint of tenant.endpoints) {
      if (endpoint.status === 'failed') lines.push(`    ✗ ${endpoint.endpoint}: ${endpoint.error}`);
      for (const note of endpoint.notes) lines.push(`    ! ${endpoint.endpoint}: ${note}`);
    }
  }
  return lines.join('\n');
}
