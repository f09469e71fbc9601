/**
 * Where and how one endpoint's records land: the staging table, its typed key columns and the
 * field that orders versions. Derived from the catalog descriptor, never from user input.
 */
import type { EndpointDescriptor } from '../catalog/types.js';
import { AtlasError } from '../errors.js';
import { assertIdentifier, columnNameFor } from '../db/identifiers.js';

export interface StagingTarget {
  endpoint: string;
  schema: string;
  table: string;
  /** Record fields that make the key, in order. */
  keyFields: string[];
  /** Their staging columns (snake_case), in the same order. */
  keyColumns: string[];
  keyTypes: Array<'bigint' | 'text'>;
  /** Field whose value orders versions of a record (null: the later one received wins). */
  changeField: string | null;
  /**
   * Per-parent endpoints: rows do not name their parent (a note has no customerId), so the staging
   * table has a `parent_id` column holding the parent's key the row was read under.
   */
  hasParent: boolean;
  /** Fields that identify a row sent without its single key field (see ./fallback-key.ts), or null. */
  keyFallback: string[] | null;
}

/** The staging column of a per-parent endpoint that holds the parent's key. */
export const PARENT_COLUMN = 'parent_id';

export function stagingTargetFor(descriptor: EndpointDescriptor, schema: string): StagingTarget {
  if (!descriptor.extract) throw new AtlasError('INTERNAL', `${descriptor.name} is not an extracted endpoint`);
  if (descriptor.key.length === 0) throw new AtlasError('INTERNAL', `${descriptor.name} has no record key in the catalog`);
  return {
    endpoint: descriptor.name,
    schema: assertIdentifier(schema, 'schema'),
    table: assertIdentifier(descriptor.extract.table, 'staging table'),
    keyFields: descriptor.key,
    keyColumns: descriptor.key.map(columnNameFor),
    keyTypes: descriptor.key.map((field) => descriptor.keyTypes[field] ?? 'text'),
    changeField: descriptor.changeField,
    hasParent: descriptor.extract.parent !== undefined,
    keyFallback: descriptor.extract.keyFallback ?? null,
  };
}
