/**
 * What the data dictionary shows, gathered once: the models (marts, intermediate models, typed
 * views) with their headers, SQL and dependencies; the staging tables with the endpoint that fills
 * each; the typed views' column types and OpenAPI field descriptions (generated data, see
 * scripts/generate-dictionary.ts); and, when a database was reachable, what it holds.
 */
import { extractedEndpoints, type EndpointDescriptor } from '../catalog/index.js';
import { knownStagingTables, loadModels, type Model } from '../models/index.js';
import { TENANTS_TABLE } from '../models/bookkeeping.js';
import typedViewColumns from './data/typed-view-columns.json' with { type: 'json' };
import type { DatabaseFacts } from './database-facts.js';

/** Where a model sits: its folder under models/ (`staging/` holds the typed views). */
export type ModelLayer = 'mart' | 'intermediate' | 'view';

export interface DictionaryColumn {
  name: string;
  type: string;
  description?: string;
}

export interface DocsModel {
  model: Model;
  layer: ModelLayer;
  /** Typed views only: the endpoint behind the staging table it reads. */
  endpoint?: string;
}

export interface StagingTableFacts {
  table: string;
  endpoint: EndpointDescriptor;
}

export interface DocsFacts {
  models: DocsModel[];
  staging: StagingTableFacts[];
  /** Typed view name → columns with type and OpenAPI description. */
  typedViewColumns: Record<string, { endpoint: string; columns: DictionaryColumn[] }>;
  /** Null when no database was reachable: pages then show what the files alone tell. */
  database: DatabaseFacts | null;
  /** The staging schema's name, for the SQL shown on staging pages. */
  schema: string;
  martsSchema: string;
}

export function layerOf(model: Model): ModelLayer {
  if (model.file.startsWith('marts/')) return 'mart';
  if (model.file.startsWith('intermediate/')) return 'intermediate';
  return 'view';
}

/** The models and the catalog, without a database. `modelsDir` defaults to the shipped models/. */
export function fileFacts(schema: string, martsSchema: string, modelsDir?: string): Omit<DocsFacts, 'database'> {
  const views = typedViewColumns as DocsFacts['typedViewColumns'];
  const models = loadModels(knownStagingTables(), modelsDir).map((model): DocsModel => {
    const layer = layerOf(model);
    return layer === 'view' ? { model, layer, endpoint: views[model.name]?.endpoint } : { model, layer };
  });
  const staging = extractedEndpoints({ includeOptIn: true })
    .map((endpoint) => ({ table: endpoint.extract!.table, endpoint }))
    .sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  return { models, staging, typedViewColumns: views, schema, martsSchema };
}

/** The configured-tenants table models read for time zones; not filled by an endpoint. */
export const TENANTS_PAGE_TABLE = TENANTS_TABLE;
