/**
 * The data dictionary's view of the typed views (`atlas docs`): per typed view, its endpoint and
 * every column with its Postgres type and the OpenAPI field description. Generated into
 * src/docs/data/typed-view-columns.json because only dist/ and models/ ship, not openapi/.
 */
import { PARENT_COLUMN } from '../../src/load/staging-target.js';
import { typedViewSources } from './generate.js';

export interface DictionaryColumn {
  name: string;
  type: string;
  /** The OpenAPI field description; absent when ServiceTitan documents none. */
  description?: string;
}

export interface DictionaryView {
  endpoint: string;
  columns: DictionaryColumn[];
}

/** Types of the staging bookkeeping columns a typed view passes through (see src/load/staging-table.ts). */
const STAGING_TYPES: Record<string, string> = {
  tenant_id: 'bigint',
  active: 'boolean',
  deleted_at: 'timestamptz',
  [PARENT_COLUMN]: 'bigint',
  data: 'jsonb',
};

/** Typed view name → its endpoint and columns, names sorted for a stable file. */
export function typedViewDictionary(openapiDir: string): Record<string, DictionaryView> {
  const entries = typedViewSources(openapiDir).map(({ target, columns }): [string, DictionaryView] => {
    const keyTypes = new Map(target.keyColumns.map((column, i) => [column, target.keyTypes[i]]));
    return [
      target.table,
      {
        endpoint: target.endpoint,
        columns: columns.map((column) => ({
          name: column.name,
          type: column.type === 'staging' ? (keyTypes.get(column.name) ?? STAGING_TYPES[column.name] ?? 'text') : column.type,
          ...(column.description ? { description: column.description } : {}),
        })),
      },
    ];
  });
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
