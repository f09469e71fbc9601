/**
 * Which endpoints the sandbox serves, with what record shape. Kept: every GET export feed, every GET
 * page-numbered list (`{page, pageSize, hasMore, totalCount, data}`), every GET placeholder-free
 * collection that declares `page` and `pageSize` but answers with `{data}` alone (WBS segments:
 * served as a list with `envelope: 'data'`), and every GET `…/{placeholder}`
 * whose parent path is such a list in the same module and version (the "id" form, which serves the
 * list's rows and so has no item of its own). Only derived data: paths, query parameter names,
 * field names and simple types, never the documents themselves.
 */
import { canonicalNames } from '../catalog/names.js';
import {
  documentedMaximum,
  getOperations,
  parametersOf,
  responseItem,
  responseSchema,
  type GetOperation,
  type OpenApiDocument,
  type OperationObject,
  type Spec,
} from '../openapi/spec-reader.js';
import { recordShape } from './record-shape.js';

export interface EndpointShapeEntry {
  /** Canonical name (../catalog/names.ts), computed over the kept endpoints only. */
  name: string;
  module: string;
  version: string;
  path: string;
  kind: 'export' | 'list' | 'id';
  query: string[];
  /** Record shape in the DSL of ./record-shape.ts; empty for `id` endpoints. */
  item: string;
  maxPageSize?: number;
  /** `data`: the response is `{data}` only, without paging fields (absent for the usual page envelope). */
  envelope?: 'data';
}

/** Every kept endpoint of the documents, in document and path order (exports and lists of a document before its ids). */
export function endpointShapes(specs: Spec[]): EndpointShapeEntry[] {
  const entries = specs.flatMap((spec) => shapesOf(getOperations(spec)));
  const names = canonicalNames(entries);
  return entries.map((entry, i) => ({ ...entry, name: names[i] }));
}

function shapesOf(operations: GetOperation[]): EndpointShapeEntry[] {
  const entries: EndpointShapeEntry[] = [];
  const listPaths = new Set<string>();
  for (const { doc, location, operation } of operations) {
    const found = responseItem(doc, operation);
    const query = queryNames(doc, operation);
    const bareList =
      found?.envelope === 'collection' && !location.path.includes('{') && query.includes('page') && query.includes('pageSize');
    if (found?.envelope !== 'export' && found?.envelope !== 'page' && !bareList) continue;
    const kind = found.envelope === 'export' ? 'export' : 'list';
    const item = recordShape(doc, found.item);
    const entry: EndpointShapeEntry = { ...location, name: '', kind, query, item };
    if (bareList) entry.envelope = 'data';
    if (kind === 'list') {
      listPaths.add(`${location.version} ${location.path}`);
      const max = documentedMaximum(parametersOf(doc, operation).find((p) => p.name === 'pageSize'));
      if (max !== undefined) entry.maxPageSize = max;
    }
    entries.push(entry);
  }
  for (const { doc, location, operation } of operations) {
    const parent = /^(.*)\/\{[^/}]+\}$/.exec(location.path)?.[1];
    if (parent === undefined || !listPaths.has(`${location.version} ${parent}`) || !responseSchema(operation)) continue;
    entries.push({ ...location, name: '', kind: 'id', query: queryNames(doc, operation), item: '' });
  }
  return entries;
}

function queryNames(doc: OpenApiDocument, operation: OperationObject): string[] {
  return parametersOf(doc, operation)
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
}
