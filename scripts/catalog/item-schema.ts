/**
 * Finds the record ("item") schema of a GET operation: the schema of one element of the 200
 * response's `data` array. Wrappers vary — `ExportResponse_Of_…`, `PaginatedResponse_Of_…`,
 * `CollectionResult_Of_…`, `JournalEntryPagingResponse_Of_…`, `InstalledEquipmentListExportResponse`
 * — but all carry the rows in `data`. Bare arrays yield their element; a response without `data`
 * is a single record and is its own item schema. Binary, redirect-only and scalar responses have
 * no item schema (undefined).
 */
import { hasType, resolveSchema, type OpenApiDocument, type OperationObject, type SchemaObject } from './openapi.js';

export function itemSchemaOf(doc: OpenApiDocument, operation: OperationObject): SchemaObject | undefined {
  const content = operation.responses?.['200']?.content;
  if (!content) return undefined;
  const media = content['application/json'] ?? Object.values(content)[0];
  const body = resolveSchema(doc, media?.schema);
  if (!body) return undefined;
  if (hasType(body, 'array')) return objectOrUndefined(resolveSchema(doc, body.items));
  const data = resolveSchema(doc, body.properties?.data);
  if (data && hasType(data, 'array')) return objectOrUndefined(resolveSchema(doc, data.items));
  if (data?.properties) return data; // `Result_Of_…`: one record under `data`
  return objectOrUndefined(body);
}

function objectOrUndefined(schema: SchemaObject | undefined): SchemaObject | undefined {
  return schema?.properties ? schema : undefined;
}

/** The resolved schema of one property of an item, or undefined when the item has no such property. */
export function propertySchema(doc: OpenApiDocument, item: SchemaObject | undefined, field: string): SchemaObject | undefined {
  const property = item?.properties?.[field];
  return property === undefined ? undefined : (resolveSchema(doc, property) ?? property);
}
