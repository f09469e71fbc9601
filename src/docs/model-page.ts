/**
 * The page of one model (mart, intermediate model or typed view): what a row is, its key and
 * description, its columns with type and meaning, where it comes from (for marts and intermediate
 * models, the graph of just what it reads), what reads it, its tests and its SQL.
 */
import type { DocsFacts, DocsModel } from './facts.js';
import { type Html, html, trustedHtml } from './html.js';
import { layout } from './layout.js';
import { modelChecks, modelColumns } from './model-columns.js';
import { lineageDot, lineageGraph } from './lineage.js';
import { renderSvg } from './render-svg.js';
import { pagePath, rootFrom } from './site-paths.js';

const LAYER_LABEL = { mart: 'mart', intermediate: 'intermediate model', view: 'typed view' } as const;

export async function modelPage(facts: DocsFacts, entry: DocsModel): Promise<{ path: string; content: string }> {
  const { model, layer } = entry;
  const path = pagePath(layer, model.name);
  const root = rootFrom(path);
  const layerOf = new Map(facts.models.map((m) => [m.model.name, m.layer]));
  const modelLink = (name: string) => html`<a href="${root}${pagePath(layerOf.get(name)!, name)}"><code>${name}</code></a>`;
  const readBy = facts.models.filter((m) => m.model.dependsOn.includes(model.name)).map((m) => m.model.name);
  const build = facts.database?.builds.get(model.name);
  const columns = modelColumns(facts, entry);
  const typed = columns.some((c) => c.type !== null);
  let upstream: Html = html``;
  if (layer !== 'view') {
    const svg = await renderSvg(lineageDot(lineageGraph(facts, [model.name]), root));
    upstream = html`<h2>Where it comes from</h2><div class="graph" id="upstream-graph">${trustedHtml(svg)}</div>`;
  }
  const body = html`
<h1><code>${model.name}</code><span class="badge">${LAYER_LABEL[layer]}</span></h1>
${model.header.description ? html`<p class="lead">${model.header.description}</p>` : ''}
<dl class="facts">
  <dt>Grain</dt><dd>${model.header.grain}</dd>
  <dt>Key</dt><dd><code>${model.header.key.map((k) => (model.header.nullableKey.includes(k) ? `${k}?` : k)).join(', ')}</code>${model.header.nullableKey.length ? html` <span class="muted">(? may be null)</span>` : ''}</dd>
  <dt>Relation</dt><dd><code>${facts.martsSchema}.${model.name}</code> (${model.header.materialized})</dd>
  <dt>File</dt><dd><code>models/${model.file}</code></dd>
  ${entry.endpoint ? html`<dt>Endpoint</dt><dd><a href="${root}${pagePath('staging', model.stagingTables[0])}"><code>${entry.endpoint}</code></a> via staging table <code>${facts.schema}.${model.stagingTables[0]}</code></dd>` : ''}
  <dt>Reads</dt><dd>${[...model.dependsOn.map((name) => html`${modelLink(name)} `), ...model.stagingTables.map((t) => html`<a href="${root}${pagePath('staging', t)}"><code>${facts.schema}.${t}</code></a> `)]}</dd>
  <dt>Read by</dt><dd>${readBy.length ? readBy.map((name) => html`${modelLink(name)} `) : html`<span class="muted">no model</span>`}</dd>
  ${facts.database ? html`<dt>Last built</dt><dd>${build ? `${build.builtAt.slice(0, 19)}${build.rows === null ? '' : `, ${build.rows} rows`}` : 'never'}</dd>` : ''}
</dl>
<h2>Columns</h2>
${typed ? '' : html`<p class="muted">Types are shown when the docs are generated with a reachable, built database.</p>`}
<table class="columns">
<thead><tr><th>column</th><th>type</th><th>meaning</th></tr></thead>
<tbody>${columns.map((c) => html`<tr id="column-${c.name}"><td><code>${c.name}</code></td><td><code>${c.type ?? ''}</code></td><td>${c.meaning}</td></tr>`)}</tbody>
</table>
${upstream}
<h2>Tests</h2>
<p class="muted">Run by <code>atlas models test</code>: the key, then the header's checks.</p>
<ul class="tests">${modelChecks(entry).map((check) => html`<li><code>${check}</code></li>`)}</ul>
<h2>SQL</h2>
<pre><code>${model.body.trim()}</code></pre>`;
  return { path, content: layout({ path, title: model.name, body }) };
}
