/**
 * The record ("item") schema of a GET operation's 200 response, and how the response wraps it.
 * Wrappers vary in name (`ExportResponse_Of_…`, `PaginatedResponse_Of_…`, `CollectionResult_Of_…`,
 * `JournalEntryPagingResponse_Of_…`, `InstalledEquipmentListExportResponse`) but all carry the rows
 * in a `data` array; their other properties tell the kinds apart.
 */
import { resolveSchema, type ResolvedSchema } from './resolve.js';
import type { OpenApiDocument, OperationObject, SchemaObject } from './types.js';

export type Envelope =
  /** `{ data: [item], continueFrom, hasMore }`: an export feed page. */
  | 'export'
  /** `{ page, pageSize, hasMore, totalCount, data: [item] }`: a page-numbered list. */
  | 'page'
  /** Any other object whose `data` is an array of items. */
  | 'collection'
  /** A bare array of items. */
  | 'array'
  /** `{ data: item }`: one record under `data` (`Result_Of_…`). */
  | 'wrapped'
  /** The body is the item: one record, or a scalar or binary body (an item without properties). */
  | 'record';

export interface ResponseItem {
  envelope: Envelope;
  /** The item, resolved as the root of a walk (its `within` starts at the item itself). */
  item: ResolvedSchema;
}

/** The schema of the 200 response as written (`application/json`, else the first media type); undefined when none. */
export function responseSchema(operation: OperationObject): SchemaObject | undefined {
  const content = operation.responses?.['200']?.content;
  if (!content) return undefined;
  return (content['application/json'] ?? Object.values(content)[0])?.schema;
}

/** The item of the 200 response and its envelope; undefined when the operation declares no 200 response schema. */
export function responseItem(doc: OpenApiDocument, operation: OperationObject): ResponseItem | undefined {
  const schema = responseSchema(operation);
  if (!schema) return undefined;
  const body = resolveSchema(doc, schema);
  if (body.schema.type === 'array') return { envelope: 'array', item: resolveSchema(doc, body.schema.items) };
  const properties = body.schema.properties ?? {};
  if (properties.data !== undefined) {
    const data = resolveSchema(doc, properties.data);
    if (data.schema.type === 'array') return { envelope: rowsEnvelope(properties), item: resolveSchema(doc, data.schema.items) };
    if (data.schema.properties) return { envelope: 'wrapped', item: data };
  }
  return { envelope: 'record', item: body };
}

function rowsEnvelope(properties: Record<string, SchemaObject>): Envelope {
  if ('continueFrom' in properties) return 'export';
  if ('page' in properties && 'hasMore' in properties) return 'page';
  return 'collection';
}
