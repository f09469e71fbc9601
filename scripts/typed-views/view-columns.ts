/**
 * The columns of one typed view, in order: `tenant_id`, the staging key column(s), every item
 * field as snake_case (nested single objects flattened one level as `<parent>_<child>`), then the
 * staging bookkeeping columns `active`, `deleted_at`, `parent_id` (per-parent tables) and the raw
 * `data` (where fields ServiceTitan adds later can be read before the view is regenerated).
 *
 * Names are never duplicated. Precedence: staging columns (tenant_id, key, active, deleted_at,
 * parent_id, data) over item fields — the staging `active` is also false for deleted and merged
 * records, so it replaces the record's own `active` — and top-level fields over flattened ones
 * (a top-level `customerId` wins over `customer.id`; the flattened column is left out).
 */
import type { OpenApiDocument, ResolvedSchema } from '../openapi/spec-reader.js';
import { resolveSchema } from '../openapi/spec-reader.js';
import { columnExpression, columnTypeOf, type ColumnType } from './column-types.js';

export interface ViewColumn {
  name: string;
  /** SQL over the staging row `s`. */
  expression: string;
  type: ColumnType | 'staging';
  /** For the header's `-- column` lines, where the name does not say it all. */
  note?: string;
  /** The OpenAPI field's own description, when it has one (for the data dictionary, `atlas docs`). */
  description?: string;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** `businessUnit` → `business_unit`; `ID`-style runs stay one word (`externalID` → `external_id`). */
export function snakeCase(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase();
}

export interface ViewSource {
  doc: OpenApiDocument;
  item: ResolvedSchema;
  keyColumns: string[];
  hasParent: boolean;
}

export function viewColumns(source: ViewSource, where: string): ViewColumn[] {
  const trailing = ['active', 'deleted_at', ...(source.hasParent ? ['parent_id'] : []), 'data'];
  const reserved = new Set(['tenant_id', ...source.keyColumns, ...trailing]);
  const fields = Object.entries(source.item.schema.properties ?? {});
  const topLevel = new Set(fields.map(([field]) => snakeCase(field)));
  const taken = new Set<string>();
  const columns: ViewColumn[] = [];
  const add = (column: ViewColumn) => {
    if (!identifier.test(column.name))
      throw new Error(`${where}: column name "${column.name}" is not a plain identifier of at most 63 characters`);
    if (reserved.has(column.name) || taken.has(column.name)) return;
    taken.add(column.name);
    columns.push(column);
  };
  for (const [field, raw] of fields) {
    const resolved = resolveSchema(source.doc, raw, source.item);
    const children = resolved.recursive ? [] : Object.entries(resolved.schema.properties ?? {});
    if (resolved.schema.type !== 'array' && children.length > 0) {
      for (const [child, childRaw] of children) {
        const name = `${snakeCase(field)}_${snakeCase(child)}`;
        if (topLevel.has(name)) continue; // the top-level field of that name wins
        const childSchema = resolveSchema(source.doc, childRaw, resolved);
        const type = childSchema.recursive || childSchema.schema.properties ? 'jsonb' : columnTypeOf(child, childSchema.schema);
        const description = descriptionOf(childRaw, childSchema.schema);
        add({ name, expression: columnExpression([field, child], type), type, note: dateNote(type, `${field}.${child}`), description });
      }
      continue;
    }
    const type = columnTypeOf(field, resolved.schema);
    add({
      name: snakeCase(field),
      expression: columnExpression([field], type),
      type,
      note: dateNote(type, field),
      description: descriptionOf(raw, resolved.schema),
    });
  }
  const staging = (name: string): ViewColumn => ({ name, expression: `s.${name}`, type: 'staging' });
  // A key column holding a date (the day a windowed read covered, stored as text `YYYY-MM-DD`) is typed as one.
  const key = (name: string): ViewColumn => {
    const entry = fields.find(([field]) => snakeCase(field) === name);
    const schema = entry && resolveSchema(source.doc, entry[1], source.item).schema;
    if (!entry || !schema || columnTypeOf(entry[0], schema) !== 'date') return staging(name);
    return { name, expression: `s.${name}::date`, type: 'date', description: descriptionOf(entry[1], schema) };
  };
  return [
    staging('tenant_id'),
    ...source.keyColumns.map(key),
    ...columns,
    { ...staging('active'), note: 'false for records deactivated, deleted or merged away (staging bookkeeping)' },
    { ...staging('deleted_at'), note: 'set when a full-refresh list stopped returning the record' },
    ...(source.hasParent ? [{ ...staging('parent_id'), note: 'key of the parent record this row was read under' }] : []),
    { ...staging('data'), note: 'the record as received; fields added after generation appear here' },
  ];
}

/** A field's description: on the property itself (beside a `$ref`) or on the schema it resolves to. */
function descriptionOf(raw: unknown, resolved: { description?: unknown }): string | undefined {
  const own = (raw as { description?: unknown } | null)?.description;
  const text = typeof own === 'string' ? own : typeof resolved.description === 'string' ? resolved.description : undefined;
  return text?.trim() || undefined;
}

function dateNote(type: ColumnType, field: string): string | undefined {
  return type === 'date' ? `business date ${field}, the date as sent (no time zone conversion)` : undefined;
}
