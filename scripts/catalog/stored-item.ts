/**
 * The schema of what a staging row stores for an endpoint: the response item, or for an endpoint
 * whose records sit in an array of the item (./overrides.ts `unnestedRecords`) the array's element
 * with the carried fields of the item added; for a windowed endpoint or one with a record identity
 * (./overrides.ts), the item with the fields the extractor adds (window day, segmentation type and
 * segment id, origin), all strings. The catalog's key checks and the typed views both read this, so
 * a key always names a field the stored row has.
 */
import { resolveSchema, type OpenApiDocument, type ResolvedSchema } from '../openapi/spec-reader.js';
import { recordIdentities, windowedEndpoints } from './overrides.js';

type Properties = NonNullable<ResolvedSchema['schema']['properties']>;

/** The fields the extractor adds to the records of `name`, with their schemas (see src/extract/stamp-records.ts). */
export function addedFields(name: string): Properties {
  const added: Properties = {};
  const window = windowedEndpoints[name];
  if (window?.dayField)
    added[window.dayField] = { type: 'string', format: 'date', description: 'The UTC day the row covers (the window it was read in).' };
  if (window?.segments) {
    const { field, idField, values } = window.segments;
    added[field] = {
      type: 'string',
      description: `The ${window.segments.param} it was read with: ${values.map((v) => v.value).join(', ')}.`,
    };
    added[idField] = {
      type: 'string',
      description: `The segment's id: ${values.map((v) => `${v.value} ${v.idPaths.join(' / ')}`).join('; ')}.`,
    };
  }
  const identity = recordIdentities[name];
  if (identity)
    added[identity.field] = {
      type: 'string',
      description: `What the record came from: \`<path>:<value>\` for the first present of ${identity.paths.join(', ')}.`,
    };
  return added;
}

export function storedItemSchema(
  doc: OpenApiDocument,
  item: ResolvedSchema,
  unnest: { field: string; carry: readonly string[] } | undefined,
  where: string,
): ResolvedSchema {
  const stored = unnest ? unnestedItem(doc, item, unnest, where) : item;
  const added = addedFields(where);
  if (Object.keys(added).length === 0) return stored;
  return { ...stored, schema: { ...stored.schema, properties: { ...stored.schema.properties, ...added } } };
}

function unnestedItem(
  doc: OpenApiDocument,
  item: ResolvedSchema,
  unnest: { field: string; carry: readonly string[] },
  where: string,
): ResolvedSchema {
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
