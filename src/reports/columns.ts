/**
 * A report's fields as staging columns. Field names come from ServiceTitan (and report owners can
 * name them anything: "Conversion Rate %", "Revenue/Hour"), so each is normalised to a plain
 * lowercase identifier, kept clear of Atlas's own columns and made unique. Declared types map to
 * Postgres types; a value that does not fit its declared type makes its row a reject.
 */
export type ReportDataType = 'String' | 'Number' | 'Boolean' | 'Date' | 'Time';

export interface ReportColumn {
  /** The field's name as ServiceTitan sends it. */
  field: string;
  column: string;
  dataType: ReportDataType;
  sqlType: 'text' | 'numeric' | 'boolean' | 'timestamp';
}

/** Columns every report table has besides its fields. */
export const RESERVED_COLUMNS = ['tenant_id', 'window_from', 'window_to', 'parameters', 'row_number', 'run_id', 'extracted_at'];

const SQL_TYPES: Record<ReportDataType, ReportColumn['sqlType']> = {
  String: 'text',
  Number: 'numeric',
  Boolean: 'boolean',
  Date: 'timestamp',
  // Times come as "08:15:00" or as durations past 24 h: kept as text.
  Time: 'text',
};

export function normaliseFieldName(field: string): string {
  const snake = field
    .replace(/%/g, ' pct ')
    .replace(/#/g, ' number ')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const named = snake === '' ? 'field' : /^[0-9]/.test(snake) ? `f_${snake}` : snake;
  return named.slice(0, 59).replace(/_+$/, '');
}

/** Columns for the fields, in field order; unknown data types are kept as text. */
export function reportColumns(fields: Array<{ name: string; dataType?: string }>): ReportColumn[] {
  const used = new Set(RESERVED_COLUMNS);
  return fields.map(({ name, dataType }) => {
    let base = normaliseFieldName(name);
    if (used.has(base)) base = `${base}_field`;
    let column = base;
    for (let n = 2; used.has(column); n++) column = `${base}_${n}`;
    used.add(column);
    const type = (dataType && dataType in SQL_TYPES ? dataType : 'String') as ReportDataType;
    return { field: name, column, dataType: type, sqlType: SQL_TYPES[type] };
  });
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The value as its column stores it (JSON scalar), or `{reason}` when it does not fit. */
export function columnValue(column: ReportColumn, value: unknown): { value: string | number | boolean | null } | { reason: string } {
  if (value === null || value === undefined) return { value: null };
  const misfit = { reason: `field ${JSON.stringify(column.field)} is declared ${column.dataType} but holds ${JSON.stringify(value)}` };
  switch (column.dataType) {
    case 'Number':
      if (typeof value === 'number' && Number.isFinite(value)) return { value };
      return typeof value === 'string' && NUMBER.test(value.trim()) ? { value: value.trim() } : misfit;
    case 'Boolean':
      if (typeof value === 'boolean') return { value };
      return value === 'true' || value === 'false' ? { value: value === 'true' } : misfit;
    case 'Date':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))) ? { value } : misfit;
    default: {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      return text.includes('\u0000') ? { reason: `field ${JSON.stringify(column.field)} holds a NUL character` } : { value: text };
    }
  }
}
