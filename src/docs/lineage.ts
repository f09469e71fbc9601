/**
 * The lineage graph: ServiceTitan endpoints → staging tables → typed views → intermediate models →
 * marts. The whole graph holds everything upstream of a mart or intermediate model (typed views no
 * model reads are left out, else the picture is a wall of a hundred unconnected chains); a model's
 * own graph holds just what it reads, directly or not.
 */
import type { DocsFacts, ModelLayer } from './facts.js';
import { TENANTS_PAGE_TABLE } from './facts.js';
import { pagePath } from './site-paths.js';

export type LineageKind = 'endpoint' | 'staging' | ModelLayer;

export interface LineageNode {
  /** `<kind>:<name>`, unique; also the SVG element id. */
  id: string;
  kind: LineageKind;
  label: string;
  /** The node's page, relative to the site root. */
  href: string;
}

export interface LineageEdge {
  from: string;
  to: string;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

export const nodeId = (kind: LineageKind, name: string): string => `${kind}:${name}`;
export const edgeId = (edge: LineageEdge): string => `edge:${edge.from}>${edge.to}`;

/** Every node and edge in the facts, then cut to what `roots` read (all marts and intermediate models when absent). */
export function lineageGraph(facts: Omit<DocsFacts, 'database'>, roots?: string[]): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const upstream = new Map<string, string[]>();
  const link = (from: string, to: string) => upstream.set(to, [...(upstream.get(to) ?? []), from]);
  const endpointOfTable = new Map(facts.staging.map((s) => [s.table, s.endpoint.name]));
  for (const { table, endpoint } of facts.staging) {
    nodes.set(nodeId('endpoint', endpoint.name), {
      id: nodeId('endpoint', endpoint.name),
      kind: 'endpoint',
      label: endpoint.name,
      href: pagePath('staging', table),
    });
    nodes.set(nodeId('staging', table), { id: nodeId('staging', table), kind: 'staging', label: table, href: pagePath('staging', table) });
    link(nodeId('endpoint', endpoint.name), nodeId('staging', table));
  }
  nodes.set(nodeId('staging', TENANTS_PAGE_TABLE), {
    id: nodeId('staging', TENANTS_PAGE_TABLE),
    kind: 'staging',
    label: `${TENANTS_PAGE_TABLE} (config)`,
    href: pagePath('staging', TENANTS_PAGE_TABLE),
  });
  for (const { model, layer } of facts.models) {
    const id = nodeId(layer, model.name);
    nodes.set(id, { id, kind: layer, label: model.name, href: pagePath(layer, model.name) });
    for (const table of model.stagingTables)
      if (endpointOfTable.has(table) || table === TENANTS_PAGE_TABLE) link(nodeId('staging', table), id);
  }
  const layerOfModel = new Map(facts.models.map((m) => [m.model.name, m.layer]));
  for (const { model, layer } of facts.models) {
    for (const dependency of model.dependsOn) link(nodeId(layerOfModel.get(dependency)!, dependency), nodeId(layer, model.name));
  }
  const starts = roots
    ? roots.map((name) => nodeId(layerOfModel.get(name)!, name))
    : facts.models.filter((m) => m.layer !== 'view').map((m) => nodeId(m.layer, m.model.name));
  const kept = new Set<string>();
  const edges: LineageEdge[] = [];
  const walk = (id: string) => {
    if (kept.has(id)) return;
    kept.add(id);
    for (const from of upstream.get(id) ?? []) {
      edges.push({ from, to: id });
      walk(from);
    }
  };
  for (const id of starts) walk(id);
  return { nodes: [...nodes.values()].filter((n) => kept.has(n.id)), edges };
}

/** A DOT string literal: backslashes and quotes escaped, no newlines. */
function dotString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]/g, ' ')}"`;
}

const STYLE: Record<LineageKind, string> = {
  endpoint: 'shape=box, style="rounded,filled", fillcolor="#eef2f7", color="#8a9bb0"',
  staging: 'shape=cylinder, style=filled, fillcolor="#fdf3e1", color="#c9a35a"',
  view: 'shape=box, style=filled, fillcolor="#e6f4ea", color="#5c9d6e"',
  intermediate: 'shape=box, style="filled,dashed", fillcolor="#f1ecf9", color="#8c6bbf"',
  mart: 'shape=box, style="filled,bold", fillcolor="#dbe9fb", color="#2f6db5"',
};

/** Left-to-right DOT; each node's URL is its page relative to a page at `root` (`''` or `'../'`). */
export function lineageDot(graph: LineageGraph, root: string): string {
  const lines = [
    'digraph lineage {',
    '  rankdir=LR; ranksep=0.6; nodesep=0.12; bgcolor="transparent";',
    '  node [fontname="Helvetica", fontsize=11, height=0.3, margin="0.12,0.04"];',
    '  edge [color="#9aa5b1", arrowsize=0.6];',
  ];
  for (const node of graph.nodes) {
    lines.push(
      `  ${dotString(node.id)} [label=${dotString(node.label)}, id=${dotString(node.id)}, class=${dotString(`lineage-node ${node.kind}`)}, URL=${dotString(root + node.href)}, tooltip=${dotString(`${node.kind}: ${node.label}`)}, ${STYLE[node.kind]}];`,
    );
  }
  // One column per kind, so endpoints, staging tables, typed views, intermediate models and marts line up left to right.
  for (const kind of ['endpoint', 'staging', 'view', 'intermediate', 'mart'] as const) {
    const ids = graph.nodes.filter((n) => n.kind === kind).map((n) => dotString(n.id));
    if (ids.length) lines.push(`  { rank=same; ${ids.join('; ')}; }`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)} [id=${dotString(edgeId(edge))}, class="lineage-edge"];`);
  }
  lines.push('}');
  return lines.join('\n');
}
