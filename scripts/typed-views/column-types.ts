/**
 * How one OpenAPI field becomes a typed column. The rules (each cast is safe: odd data gives null,
 * never an error; see src/models/safe-casts.ts):
 *
 *   integer (int32, int64)                      bigint       {{ marts }}._to_bigint
 *   number (decimal, double)                    numeric      {{ marts }}._to_numeric (exact, never float)
 *   string named …Total/Amount/Balance/Tax/Cost/Price, no format
 *                                               numeric      accounting sends money as decimal strings ("389.13")
 *   boolean                                     boolean      {{ marts }}._to_boolean
 *   string, format date                         date         {{ marts }}._to_date
 *   string, format date-time, BUSINESS DATE     date         the YYYY-MM-DD as sent, no zone conversion
 *   string, format date-time, otherwise         timestamptz  {{ marts }}._to_timestamptz (no offset = UTC)
 *   string, any other format or enum            text         enums are open strings
 *   array, object without properties, untyped   jsonb
 *
 * BUSINESS DATE: a date-time field named `date`, `from` or `to`, or ending in `Date`, except
 * `cancellationDate` — ServiceTitan sends these as midnight (invoiceDate, dueDate, payment date,
 * membership from/to, billDate, postDate, startDate, followUpDate, …); analyst-marts.md names
 * `cancellationDate` a true timestamp.
 */
import type { ConcreteSchema } from '../openapi/spec-reader.js';

export type ColumnType = 'bigint' | 'numeric' | 'boolean' | 'date' | 'timestamptz' | 'text' | 'jsonb';

const MONEY_NAME = /(total|amount|balance|tax|cost|price)$/i;

export function isBusinessDate(field: string): boolean {
  return field === 'date' || field === 'from' || field === 'to' || (/Date$/.test(field) && field !== 'cancellationDate');
}

/** The column type of a scalar or nested field; objects with properties are flattened by the caller. */
export function columnTypeOf(field: string, schema: ConcreteSchema): ColumnType {
  switch (schema.type) {
    case 'integer':
      return 'bigint';
    case 'number':
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'string':
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return isBusinessDate(field) ? 'date' : 'timestamptz';
      if (!schema.format && !schema.enum && MONEY_NAME.test(field)) return 'numeric';
      return 'text';
    default:
      return 'jsonb';
  }
}

/** The SQL expression reading `path` (field names from the record root) from `data` as `type`. */
export function columnExpression(path: string[], type: ColumnType): string {
  const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const parents = path
    .slice(0, -1)
    .map((p) => `->${literal(p)}`)
    .join('');
  const last = literal(path[path.length - 1]);
  if (type === 'jsonb') return `s.data${parents}->${last}`;
  const text = `s.data${parents}->>${last}`;
  const cast: Record<Exclude<ColumnType, 'jsonb' | 'text'>, string> = {
    bigint: '_to_bigint',
    numeric: '_to_numeric',
    boolean: '_to_boolean',
    date: '_to_date',
    timestamptz: '_to_timestamptz',
  };
  return type === 'text' ? text : `{{ marts }}.${cast[type]}(${text})`;
}
