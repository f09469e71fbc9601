/**
 * Turns one GET operation into an EndpointDescriptor (without its extraction plan) plus the facts
 * the plan needs. Rules (see src/catalog/types.ts and the task brief):
 * - kind: `export` when a path segment is `export`, `id` when the path has a placeholder, else `list`;
 * - key: `['id']` when the item has an `id`, or the special key from ./overrides.ts, else `[]`;
 * - keyTypes: `bigint` for integer fields, `text` otherwise;
 * - changeField: `modifiedOn`, else `createdOn`, else null (overrides win);
 * - defaultQuery: page size and the "include inactive" flag for page-numbered collections,
 *   `active=Any` for exports that declare `active`. Only parameters the operation declares are used.
 */
import type { EndpointDescriptor, EndpointKind } from '../../src/catalog/types.js';
import {
  documentedMaximum,
  parametersOf,
  placeholdersOf,
  resolveSchema,
  responseItem,
  type Location,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ResolvedSchema,
} from '../openapi/spec-reader.js';
import { keyFallbacks, requiredQuery, specialChangeFields, specialKeys, unnestedRecords } from './overrides.js';
import { storedItemSchema } from './stored-item.js';

/** ServiceTitan's general page-size ceiling (reference section 5.1). */
export const DEFAULT_MAX_PAGE_SIZE = 5000;

/** "Include inactive rows" in each of the dialects list endpoints use (reference section 5.2). */
const includeInactive: ReadonlyArray<[param: string, value: string]> = [
  ['active', 'Any'],
  ['activeState', 'All'],
  ['includeInactive', 'true'],
  ['activeOnly', 'false'],
];

export interface EndpointFacts {
  /** The item declares these fields (used to validate overrides and plans). */
  itemFields: string[];
  /** Page-numbered collection: declares `page` and `pageSize`. */
  paged: boolean;
  /** Largest accepted page size when paged. */
  maxPageSize?: number;
  /** Declares `sort` and documents `Id` among its sort fields. */
  sortsById: boolean;
  /** The change field may be null in a row (the SPEC types it `[…, 'null']`). */
  changeFieldNullable: boolean;
  /** The 200 response is one record itself (no `data` array, no page): e.g. a job's booked log. */
  singleRecord: boolean;
}

export function describeOperation(
  doc: OpenApiDocument,
  name: string,
  location: Location,
  operation: OperationObject,
): { descriptor: EndpointDescriptor; facts: EndpointFacts } {
  const query = parametersOf(doc, operation).filter((p) => p.in === 'query');
  const queryParams = query.map((p) => p.name);
  const pathParams = placeholdersOf(location.path);
  const kind = kindOf(location.path, pathParams);
  const responseRecord = recordSchemaOf(doc, operation);
  const singleRecord = responseRecord !== undefined && responseItem(doc, operation)?.envelope === 'record';
  // Keys and change fields name fields of the stored row (an array element for unnested endpoints).
  const item = responseRecord && storedItemSchema(doc, responseRecord, unnestedRecords[name], name);
  const itemFields = Object.keys(item?.schema.properties ?? {});

  const key = [...(specialKeys[name] ?? (itemFields.includes('id') ? ['id'] : []))];
  for (const field of key) {
    if (!itemFields.includes(field)) throw new Error(`${name}: key field "${field}" is not in the item schema`);
  }
  for (const field of keyFallbacks[name] ?? []) {
    if (!itemFields.includes(field)) throw new Error(`${name}: key fallback field "${field}" is not in the item schema`);
  }
  if (keyFallbacks[name] && key.length !== 1) throw new Error(`${name}: a key fallback needs a single key field`);
  const keyTypes: Record<string, 'bigint' | 'text'> = {};
  for (const field of key) keyTypes[field] = propertySchema(doc, item, field)?.schema.type === 'integer' ? 'bigint' : 'text';

  const changeField =
    name in specialChangeFields
      ? specialChangeFields[name]
      : itemFields.includes('modifiedOn')
        ? 'modifiedOn'
        : itemFields.includes('createdOn')
          ? 'createdOn'
          : null;

  const changeFieldNullable = changeField !== null && propertySchema(doc, item, changeField)?.nullable === true;
  const paged = queryParams.includes('page') && queryParams.includes('pageSize');
  const maxPageSize = paged ? maxPageSizeOf(query.find((p) => p.name === 'pageSize')) : undefined;
  const sortsById = sortDocumentsId(query.find((p) => p.name === 'sort'));

  const defaultQuery: Record<string, string> = {};
  if (kind === 'export') {
    if (queryParams.includes('active')) defaultQuery.active = 'Any';
  } else if (kind === 'list' || paged) {
    // Per-parent collections (`customers/{id}/notes`) page like lists, so they get the same defaults.
    const inactive = includeInactive.find(([param]) => queryParams.includes(param));
    if (inactive) defaultQuery[inactive[0]] = inactive[1];
    if (maxPageSize !== undefined) defaultQuery.pageSize = String(maxPageSize);
  }
  Object.assign(defaultQuery, requiredQuery[name] ?? {});

  const descriptor: EndpointDescriptor = {
    name,
    module: location.module,
    version: location.version,
    path: location.path,
    kind,
    pathParams,
    key,
    keyTypes,
    changeField,
    defaultQuery,
    queryParams,
    summary: (operation.summary ?? '').replace(/\s+/g, ' ').trim(),
    extract: null,
  };
  return { descriptor, facts: { itemFields, paged, maxPageSize, sortsById, changeFieldNullable, singleRecord } };
}

export function kindOf(path: string, pathParams: string[]): EndpointKind {
  if (path.split('/').includes('export')) return 'export';
  return pathParams.length > 0 ? 'id' : 'list';
}

/** The documented ceiling (`maximum`, or "Maximum value is 500." in the description), else 5000. */
function maxPageSizeOf(parameter: ParameterObject | undefined): number {
  const declared = documentedMaximum(parameter);
  return declared !== undefined && declared < DEFAULT_MAX_PAGE_SIZE ? declared : DEFAULT_MAX_PAGE_SIZE;
}

/**
 * The item of the response when it is a record with properties; scalar, binary and property-less
 * items have none (undefined), so such endpoints get no key.
 */
function recordSchemaOf(doc: OpenApiDocument, operation: OperationObject): ResolvedSchema | undefined {
  const item = responseItem(doc, operation)?.item;
  return item?.schema.properties ? item : undefined;
}

/** The resolved schema of one property of an item, or undefined when the item has no such property. */
function propertySchema(doc: OpenApiDocument, item: ResolvedSchema | undefined, field: string): ResolvedSchema | undefined {
  const property = item?.schema.properties?.[field];
  return property === undefined ? undefined : resolveSchema(doc, property, item);
}

/**
 * True when the `sort` parameter's description lists `Id` (any case) as a sort field. Parenthesised
 * remarks are ignored so "Location (sorts by locations Id)" does not count as sorting by the row id.
 */
function sortDocumentsId(parameter: ParameterObject | undefined): boolean {
  if (!parameter) return false;
  const text = (parameter.description ?? '').replace(/\([^)]*\)/g, ' ');
  return text.split(/[^A-Za-z]+/).some((word) => word.toLowerCase() === 'id');
}
