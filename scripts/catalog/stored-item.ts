/**
 * The schema of what a staging row stores for an endpoint: the response item, or for an endpoint
 * whose records sit in an array of the item (./overrides.ts `unnestedRecords`) the array's element
 * with the carried fields of the item added. The catalog's key checks and the typed views both read
 * this, so a key always names a field the stored row has.
 */
import { resolveSchema, type OpenApiDocument, type ResolvedSchema } from '../openapi/spec-reader.js';

export function storedItemSchema(
  doc: OpenApiDocument,
  item: ResolvedSchema,
  unnest: { field: string; carry: readonly string[] } | undefined,
  where: string,
): ResolvedSchema {
  if (!unnest) return item;
  const properties = item.schema.properties ?? {};
  const array = properties[unnest.field] ? resolveSchema(doc, properties[unnest.field], item) : undefined;
  if (array?.schema.type !== 'array') throw new Error(`${where}: unnest field "${unnest.field}" is not an array of the item`);
  const element = resolveSchema(doc, array.schema.items, array);
  if (!element.schema.properties) throw new Error(`${where}: the elements of "${unnest.field}" are not records`);
  const carried: NonNullable<ResolvedSchema['schema']['properties']> = {};
  for (const field of unnest.carry) {
    if (!properties[field]) throw new Error(`${where}: carried field "${field}" is not in the item schema`);
    carried[field] = properties[field];
  }
  return { ...element, schema: { ...element.schema, properties: { ...carried, ...element.schema.properties } } };
}
