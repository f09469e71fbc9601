/**
 * The index (every mart, intermediate model, typed view and staging table, one line each) and the
 * lineage page (the whole graph, every node a link to its page).
 */
import type { DocsFacts, ModelLayer } from './facts.js';
import { html, trustedHtml } from './html.js';
import { layout } from './layout.js';
import { lineageDot, lineageGraph } from './lineage.js';
import { renderSvg } from './render-svg.js';
import { pagePath } from './site-paths.js';
import { walkKind } from './staging-page.js';

export function indexPage(facts: DocsFacts): { path: string; content: string } {
  const path = 'index.html';
  const models = (layer: ModelLayer) => facts.models.filter((m) => m.layer === layer);
  const modelTable = (layer: ModelLayer) => html`<table><thead><tr><th>name</th><th>grain</th><th>description</th></tr></thead><tbody>
${models(layer).map((m) => html`<tr><td><a href="${pagePath(layer, m.model.name)}"><code>${m.model.name}</code></a></td><td>${m.model.header.grain}</td><td>${m.model.header.description ?? ''}</td></tr>`)}
</tbody></table>`;
  const body = html`
<h1>Atlas data dictionary</h1>
<p class="lead">Every mart, intermediate model, typed view and staging table of the warehouse: what a row is, what each column means and where it comes from.
Analysts query schema <code>${facts.martsSchema}</code>; staging schema <code>${facts.schema}</code> holds the records as received.
See the <a href="lineage.html">lineage graph</a>. ${facts.database ? `Figures read from the database at ${facts.database.readAt.slice(0, 19)} UTC.` : 'No database was reachable when these pages were generated, so they show no row counts or types of marts.'}</p>
<h2>Marts (${models('mart').length})</h2>
${modelTable('mart')}
<h2>Intermediate models (${models('intermediate').length})</h2>
${modelTable('intermediate')}
<h2>Typed views (${models('view').length})</h2>
<table><thead><tr><th>name</th><th>endpoint</th></tr></thead><tbody>
${models('view').map((m) => html`<tr><td><a href="${pagePath('view', m.model.name)}"><code>${m.model.name}</code></a></td><td><code>${m.endpoint ?? ''}</code></td></tr>`)}
</tbody></table>
<h2>Staging tables (${facts.staging.length})</h2>
<table><thead><tr><th>table</th><th>endpoint</th><th>walk</th></tr></thead><tbody>
${facts.staging.map((s) => html`<tr><td><a href="${pagePath('staging', s.table)}"><code>${s.table}</code></a></td><td><code>${s.endpoint.name}</code></td><td>${walkKind(s.endpoint.extract!)}</td></tr>`)}
</tbody></table>`;
  return { path, content: layout({ path, title: 'Index', body }) };
}

export async function lineagePage(facts: DocsFacts): Promise<{ path: string; content: string }> {
  const path = 'lineage.html';
  const graph = lineageGraph(facts);
  const svg = await renderSvg(lineageDot(graph, ''));
  const legend: Array<[string, string]> = [
    ['ServiceTitan endpoint', '#eef2f7'],
    ['staging table', '#fdf3e1'],
    ['typed view', '#e6f4ea'],
    ['intermediate model', '#f1ecf9'],
    ['mart', '#dbe9fb'],
  ];
  const body = html`
<h1>Lineage</h1>
<p class="lead">ServiceTitan endpoints → staging tables → typed views → intermediate models → marts: everything a mart reads (${graph.nodes.length} nodes, ${graph.edges.length} edges). Click a box to open its page. Typed views no model reads are listed on the <a href="index.html">index</a>.</p>
<p class="legend">${legend.map(([label, color]) => html`<span><i style="background:${color}"></i>${label}</span>`)}</p>
<div class="graph" id="lineage-graph">${trustedHtml(svg)}</div>`;
  return { path, content: layout({ path, title: 'Lineage', body }) };
}
