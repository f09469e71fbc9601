/** Human-readable summary of a build or sync, printed when it ends. */
import type { BuildSummary } from '../pipeline/outcomes.js';
import { sumFigures } from '../runs/run-figures.js';

const n = (value: number) => value.toLocaleString('en-US');

export function formatRunSummary(summary: BuildSummary): string {
  const lines: string[] = [];
  for (const tenant of summary.tenants) {
    if (!('endpoints' in tenant)) {
      lines.push(`✗ tenant ${tenant.tenant} (${tenant.tenantId}): ${tenant.error}`);
      continue;
    }
    const total = sumFigures(tenant.endpoints);
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
