/**
 * The POST operations Atlas reads as data. The catalog is otherwise every GET path of the
 * documents; a POST joins it only when listed here, explicitly, with where its rows are in the
 * response and their key (the documents say neither). Today one: dispatch capacity, the
 * forward-looking availability dispatchers plan with, posted one day at a time (reference
 * section 5.2; src/extract/capacity-walker.ts).
 */
import type { EndpointDescriptor } from '../../src/catalog/types.js';
import {
  locate,
  resolveSchema,
  responseSchema,
  type OpenApiDocument,
  type OperationObject,
  type ResolvedSchema,
  type Spec,
} from '../openapi/spec-reader.js';
import { tableNameFor } from './table-name.js';

interface PostEndpoint {
  /** The response property holding the rows (an array of records). */
  rows: string;
  /**
   * Record key. Capacity: an availability is one time frame (`startUtc`–`endUtc`) for a set of
   * business units (`businessUnitIds`, stored as its ids joined by commas in the order sent).
   */
  key: readonly string[];
}

export const postEndpoints: Readonly<Record<string, PostEndpoint>> = {
  'dispatch/capacity': { rows: 'availabilities', key: ['startUtc', 'endUtc', 'businessUnitIds'] },
};

export interface PostOperation {
  name: string;
  doc: OpenApiDocument;
  operation: OperationObject;
  /** The schema of one row. */
  item: ResolvedSchema;
  descriptor: EndpointDescriptor;
}

/** The listed POST operations found in the documents, each with its descriptor (opt-in snapshot plan). */
export function postOperations(specs: Spec[]): PostOperation[] {
  const found: PostOperation[] = [];
  for (const { file, doc } of specs) {
    const server = doc.servers?.[0]?.url;
    if (!server) throw new Error(`${file}: no servers[0].url`);
    for (const [openApiPath, pathItem] of Object.entries(doc.paths ?? {})) {
      const operation = pathItem.post;
      if (!operation) continue;
      const location = locate(server, openApiPath);
      const name = `${location.module}/${location.path}`;
      const listed = postEndpoints[name];
      if (!listed) continue;
      const item = rowItem(doc, operation, listed.rows, name);
      const fields = Object.keys(item.schema.properties ?? {});
      for (const field of listed.key)
        if (!fields.includes(field)) throw new Error(`${name}: key field "${field}" is not in the row schema`);
      const descriptor: EndpointDescriptor = {
        name,
        module: location.module,
        version: location.version,
        path: location.path,
        kind: 'list',
        method: 'POST',
        pathParams: [],
        key: [...listed.key],
        keyTypes: Object.fromEntries(listed.key.map((field) => [field, 'text' as const])),
        changeField: null,
        defaultQuery: {},
        queryParams: [],
        summary: (operation.summary ?? '').replace(/\s+/g, ' ').trim(),
        extract: { mode: 'snapshot', table: tableNameFor(location.module, location.path), optIn: true },
      };
      found.push({ name, doc, operation, item, descriptor });
    }
  }
  // A listed POST missing from the documents is reported by the catalog check (./build.ts).
  return found;
}

function rowItem(doc: OpenApiDocument, operation: OperationObject, rows: string, name: string): ResolvedSchema {
  const schema = responseSchema(operation);
  if (!schema) throw new Error(`${name}: no 200 response schema`);
  const body = resolveSchema(doc, schema);
  const property = body.schema.properties?.[rows];
  const array = property === undefined ? undefined : resolveSchema(doc, property, body);
  if (array?.schema.type !== 'array') throw new Error(`${name}: response property "${rows}" is not an array`);
  const item = resolveSchema(doc, array.schema.items, array);
  if (!item.schema.properties) throw new Error(`${name}: the rows of "${rows}" are not records`);
  return item;
}
