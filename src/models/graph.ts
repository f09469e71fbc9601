/**
 * The dependency graph between models: build order, selection with everything upstream, the
 * staging tables a model reads directly or through other models, and the views that depend on a
 * model (which Postgres will not let us drop without dropping them first).
 */
import { AtlasError } from '../errors.js';
import type { Model } from './model.js';

/**
 * Models in build order: each after the models it reads; otherwise by name, so the order is stable.
 * A cycle is an error naming the files on it.
 */
export function orderModels(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const ordered: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (model: Model, path: Model[]): void => {
    if (state.get(model.name) === 'done') return;
    if (state.get(model.name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(model)), model].map((m) => m.file);
      throw new AtlasError('MODEL_INVALID', `models depend on each other in a cycle: ${cycle.join(' -> ')}`);
    }
    state.set(model.name, 'visiting');
    for (const dependency of model.dependsOn) {
      const upstream = byName.get(dependency);
      if (upstream) visit(upstream, [...path, model]);
    }
    state.set(model.name, 'done');
    ordered.push(model);
  };
  for (const model of [...models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(model, []);
  return ordered;
}

/** The named models plus everything they read, in build order. An unknown name is an error. */
export function selectWithUpstream(ordered: Model[], names: string[]): Model[] {
  const byName = new Map(ordered.map((m) => [m.name, m]));
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dependency of byName.get(name)!.dependsOn) add(dependency);
  };
  for (const name of names) {
    if (!byName.has(name))
      throw new AtlasError('MODEL_INVALID', `--select ${name}: there is no model of that name (see \`atlas models list\`)`);
    add(name);
  }
  return ordered.filter((m) => wanted.has(m.name));
}

/** Staging tables a model reads, directly or through the models it reads. */
export function upstreamStagingTables(ordered: Model[], model: Model): Set<string> {
  const byName = new Map(ordered.map((m) => [m.name, m]));
  const tables = new Set<string>();
  const seen = new Set<string>();
  const walk = (current: Model): void => {
    if (seen.has(current.name)) return;
    seen.add(current.name);
    for (const table of current.stagingTables) tables.add(table);
    for (const dependency of current.dependsOn) walk(byName.get(dependency)!);
  };
  walk(model);
  return tables;
}

/**
 * Views that Postgres records as depending on `model`: models materialized as views that read it,
 * directly or through other such views (a table built from a query keeps no dependency). In build order.
 */
export function dependentViews(ordered: Model[], model: Model): Model[] {
  const found = new Set<string>([model.name]);
  const views: Model[] = [];
  for (const candidate of ordered) {
    if (candidate.header.materialized !== 'view' || found.has(candidate.name)) continue;
    if (candidate.dependsOn.some((name) => found.has(name))) {
      found.add(candidate.name);
      views.push(candidate);
    }
  }
  return views;
}
