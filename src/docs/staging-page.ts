/**
 * The page of one staging table: the endpoint that fills it and how a build walks it, its key, its
 * DDL, the typed view over it and — when the database was reachable — rows, last successful sync
 * and cursor age per tenant. Also the page of `_tenants`, the configured tenants models read.
 */
import type { ExtractionPlan } from '../catalog/index.js';
import { stagingTableDdl } from '../load/staging-table.js';
import { stagingTargetFor } from '../load/staging-target.js';
import type { DocsFacts, StagingTableFacts } from './facts.js';
import { TENANTS_PAGE_TABLE } from './facts.js';
import { type Html, html } from './html.js';
import { layout } from './layout.js';
import { pagePath, rootFrom } from './site-paths.js';

/** How a build reads the endpoint, in words. */
export function walkKind(plan: ExtractionPlan): string {
  if (plan.parent) return `per-parent: one request per row of ${plan.parent.endpoint} (by its ${plan.parent.field}); opt-in`;
  if (plan.mode === 'snapshot')
    return 'snapshot: one POST per day from today to 14 days ahead; each run replaces those days, earlier days stay as last read; opt-in';
  if (plan.mode === 'export') return 'export feed: continuation tokens from the start date, then from the saved token';
  if (plan.mode === 'window' && plan.window) {
    const w = plan.window;
    const segments = w.segments ? `, once per ${w.segments.param} (${w.segments.values.map((v) => v.value).join(', ')})` : '';
    return `date windows: ${w.fromParam}/${w.toParam} one ${w.days === 1 ? 'day' : `${w.days}-day window`} at a time${segments}, from the start date to the API's present, re-reading the last ${w.lookbackDays} settled days`;
  }
  if (plan.unpaged) return 'snapshot: read whole (one unpaged response) every run; rows it stops returning are marked deleted';
  if (plan.mode === 'list-incremental')
    return `incremental list: pages of records with ${plan.incrementalParam} at or after the saved bookmark`;
  return 'full list: read whole every run; rows it stops returning are marked deleted';
}

/** Seconds as `45s`, `12m`, `3h`, `2d` (as `atlas status` shows cursor ages). */
export function ageText(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

function readers(facts: DocsFacts, table: string, root: string): Html {
  const models = facts.models.filter((m) => m.model.stagingTables.includes(table));
  if (models.length === 0) return html`<span class="muted">no model</span>`;
  return html`${models.map((m) => html`<a href="${root}${pagePath(m.layer, m.model.name)}"><code>${m.model.name}</code></a> `)}`;
}

function figures(facts: DocsFacts, endpoint: string): Html {
  if (!facts.database)
    return html`<p class="muted">No database was reachable when these pages were generated: rows and sync times are not shown.</p>`;
  const rows = facts.database.stagingStatus.get(endpoint) ?? [];
  if (rows.length === 0) return html`<p class="muted">No run has read this endpoint yet.</p>`;
  return html`<table class="figures"><thead><tr><th>tenant</th><th>rows</th><th>marked deleted</th><th>last successful sync</th><th>cursor age</th><th>last error</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr><td>${r.tenantId}</td><td>${r.rows}</td><td>${r.deletedRows}</td><td>${r.lastSuccessAt?.slice(0, 19) ?? 'never'}</td><td>${ageText(r.cursorAgeSeconds)}</td><td>${r.lastError ?? ''}</td></tr>`,
  )}</tbody></table>
<p class="muted">As of ${facts.database.readAt.slice(0, 19)} UTC.</p>`;
}

export function stagingPage(facts: DocsFacts, { table, endpoint }: StagingTableFacts): { path: string; content: string } {
  const path = pagePath('staging', table);
  const root = rootFrom(path);
  const plan = endpoint.extract!;
  const target = stagingTargetFor(endpoint, facts.schema);
  const view = facts.models.find((m) => m.layer === 'view' && m.model.name === table);
  const body = html`
<h1><code>${facts.schema}.${table}</code><span class="badge">staging table</span></h1>
<p class="lead">${endpoint.summary}</p>
<dl class="facts">
  <dt>Endpoint</dt><dd><code>${endpoint.name}</code> — <code>GET /${endpoint.module}/${endpoint.version}/tenant/{tenant}/${endpoint.path}</code></dd>
  <dt>Walk</dt><dd>${walkKind(plan)}</dd>
  <dt>Key</dt><dd><code>tenant_id, ${target.keyColumns.join(', ')}</code> (record fields ${endpoint.key.join(', ')})</dd>
  <dt>Versions ordered by</dt><dd>${endpoint.changeField ? html`<code>${endpoint.changeField}</code>` : 'arrival (no change field)'}</dd>
  <dt>Typed view</dt><dd>${view ? html`<a href="${root}${pagePath('view', table)}"><code>${facts.martsSchema}.${table}</code></a>` : 'none'}</dd>
  <dt>Read by</dt><dd>${readers(facts, table, root)}</dd>
</dl>
<h2>Per tenant</h2>
${figures(facts, endpoint.name)}
<h2>SQL</h2>
<pre><code>${stagingTableDdl(target)}</code></pre>`;
  return { path, content: layout({ path, title: table, body }) };
}

export function tenantsPage(facts: DocsFacts): { path: string; content: string } {
  const path = pagePath('staging', TENANTS_PAGE_TABLE);
  const root = rootFrom(path);
  const body = html`
<h1><code>${facts.schema}.${TENANTS_PAGE_TABLE}</code><span class="badge">configuration</span></h1>
<p class="lead">The configured tenants and their IANA time zones (UTC when none is configured), written from the config before every build; models read it to turn timestamps into local dates.</p>
<table class="columns"><thead><tr><th>column</th><th>type</th><th>meaning</th></tr></thead><tbody>
<tr><td><code>tenant_id</code></td><td><code>bigint</code></td><td>the ServiceTitan tenant id (primary key)</td></tr>
<tr><td><code>name</code></td><td><code>text</code></td><td>the tenant's name in the config</td></tr>
<tr><td><code>timezone</code></td><td><code>text</code></td><td>the tenant's IANA time zone</td></tr>
</tbody></table>
<dl class="facts"><dt>Read by</dt><dd>${readers(facts, TENANTS_PAGE_TABLE, root)}</dd></dl>`;
  return { path, content: layout({ path, title: TENANTS_PAGE_TABLE, body }) };
}
