/**
 * Generates the typed views: one model file `models/staging/<table>.sql` per staging table a
 * build can fill (opt-in per-parent tables included), from the item schema of its endpoint's GET
 * (or, for the POSTs read as data, of its rows: scripts/catalog/post-endpoints.ts).
 */
import { extractedEndpoints } from '../../src/catalog/index.js';
import { stagingTargetFor, type StagingTarget } from '../../src/load/staging-target.js';
import { canonicalNames } from '../catalog/names.js';
import { postOperations } from '../catalog/post-endpoints.js';
import { storedItemSchema } from '../catalog/stored-item.js';
import { getOperations, readSpecs, responseItem } from '../openapi/spec-reader.js';
import { renderTypedView } from './render-view.js';
import { viewColumns, type ViewColumn } from './view-columns.js';

/** One typed view to generate: its staging target and its columns in order. */
export interface TypedViewSource {
  target: StagingTarget;
  columns: ViewColumn[];
}

/** Every extracted endpoint's typed view, in catalog order. */
export function typedViewSources(openapiDir: string): TypedViewSource[] {
  const specs = readSpecs(openapiDir);
  const operations = specs.flatMap(getOperations);
  const names = canonicalNames(operations.map((o) => o.location));
  const byName = new Map(operations.map((o, i) => [names[i], o]));
  const posts = new Map(postOperations(specs).map((p) => [p.name, p]));
  return extractedEndpoints({ includeOptIn: true }).map((descriptor) => {
    const post = descriptor.method === 'POST' ? posts.get(descriptor.name) : undefined;
    if (post) {
      // A POST read as data (dispatch capacity): its rows sit in a named array of the response.
      const target = stagingTargetFor(descriptor, 'atlas');
      const columns = viewColumns(
        { doc: post.doc, item: post.item, keyColumns: target.keyColumns, hasParent: target.hasParent },
        descriptor.name,
      );
      return { target, columns };
    }
    const operation = byName.get(descriptor.name);
    if (!operation) throw new Error(`${descriptor.name}: not in the OpenAPI documents of ${openapiDir}`);
    const response = responseItem(operation.doc, operation.operation);
    if (!response?.item.schema.properties) throw new Error(`${descriptor.name}: its GET response has no item schema with properties`);
    const target = stagingTargetFor(descriptor, 'atlas');
    // What a staging row holds: the item, or the array element of an unnested endpoint (job history entries).
    const item = storedItemSchema(operation.doc, response.item, descriptor.extract?.unnest, descriptor.name);
    const columns = viewColumns({ doc: operation.doc, item, keyColumns: target.keyColumns, hasParent: target.hasParent }, descriptor.name);
    return { target, columns };
  });
}

/** File name (`<table>.sql`) → content, for every extracted endpoint. */
export function generateTypedViews(openapiDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const { target, columns } of typedViewSources(openapiDir)) {
    files.set(
      `${target.table}.sql`,
      renderTypedView({ table: target.table, endpoint: target.endpoint, keyColumns: target.keyColumns, columns }),
    );
  }
  return files;
}
