/**
 * Reads a model file's header: the leading `--` lines. Entries are `key: value`; `column <name>:`
 * lines describe columns; other comment lines are free prose. An unknown entry key, a missing
 * `grain:` or `key:`, or a malformed value is an error naming the file and the line.
 */
import { AtlasError } from '../errors.js';
import { isPlainIdentifier } from '../db/identifiers.js';
import type { AcceptedValues, ModelHeader } from './model.js';

const ENTRY_KEYS = ['grain', 'key', 'materialized', 'description', 'indexes', 'not_null', 'accepted_values'] as const;
type EntryKey = (typeof ENTRY_KEYS)[number];

export interface SplitModel {
  header: ModelHeader;
  /** The text after the header. */
  body: string;
}

export function parseModelFile(file: string, text: string): SplitModel {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let bodyStart = 0;
  while (bodyStart < lines.length && (lines[bodyStart].trim() === '' || lines[bodyStart].trim().startsWith('--'))) bodyStart++;
  const header = parseHeaderLines(file, lines.slice(0, bodyStart));
  return { header, body: lines.slice(bodyStart).join('\n') };
}

function parseHeaderLines(file: string, lines: string[]): ModelHeader {
  const fail = (line: number, what: string): never => {
    throw new AtlasError('MODEL_INVALID', `${file}, line ${line + 1}: ${what}`);
  };
  const entries = new Map<EntryKey, string>();
  const header: ModelHeader = {
    grain: '',
    key: [],
    nullableKey: [],
    materialized: 'view',
    indexes: [],
    notNull: [],
    acceptedValues: [],
    columns: {},
  };
  lines.forEach((raw, n) => {
    const line = raw
      .trim()
      .replace(/^--\s?/, '')
      .trim();
    const column = /^column\s+([a-z_][a-z0-9_]*)\s*:\s*(.*)$/.exec(line);
    if (column) {
      header.columns[column[1]] = column[2];
      return;
    }
    const entry = /^([a-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!entry) return; // prose
    const key = entry[1] as EntryKey;
    if (!ENTRY_KEYS.includes(key)) fail(n, `unknown header entry "${entry[1]}:" (known: ${ENTRY_KEYS.join(', ')}, column <name>)`);
    const value = entry[2].trim();
    if (value === '') fail(n, `header entry "${key}:" is empty`);
    if (key === 'not_null') header.notNull.push(...columnList(value, (what) => fail(n, `not_null: ${what}`)));
    else if (key === 'accepted_values') header.acceptedValues.push(acceptedValues(value, (what) => fail(n, `accepted_values: ${what}`)));
    else if (key === 'indexes') header.indexes.push(...indexList(value, (what) => fail(n, `indexes: ${what}`)));
    else if (entries.has(key)) fail(n, `header entry "${key}:" appears twice`);
    entries.set(key, value);
  });
  const grain = entries.get('grain');
  const key = entries.get('key');
  if (!grain) throw new AtlasError('MODEL_INVALID', `${file}: the header has no "-- grain: …" line (what one row is)`);
  if (!key) throw new AtlasError('MODEL_INVALID', `${file}: the header has no "-- key: …" line (the columns that identify a row)`);
  header.grain = grain;
  const keyColumns = key.split(',').map((c) => c.trim());
  header.nullableKey = keyColumns.filter((c) => c.endsWith('?')).map((c) => c.slice(0, -1));
  header.key = columnList(keyColumns.map((c) => c.replace(/\?$/, '')).join(','), (what) => {
    throw new AtlasError('MODEL_INVALID', `${file}: key: ${what}`);
  });
  const materialized = entries.get('materialized') ?? 'view';
  if (materialized !== 'view' && materialized !== 'table') {
    throw new AtlasError('MODEL_INVALID', `${file}: materialized: "${materialized}" is neither "view" nor "table"`);
  }
  header.materialized = materialized;
  if (header.indexes.length > 0 && materialized !== 'table') {
    throw new AtlasError('MODEL_INVALID', `${file}: indexes: only a "materialized: table" model can have indexes`);
  }
  const description = entries.get('description');
  if (description) header.description = description;
  return header;
}

function columnList(value: string, fail: (what: string) => never): string[] {
  const columns = value.split(',').map((c) => c.trim());
  for (const c of columns) if (!isPlainIdentifier(c)) fail(`"${c}" is not a plain lowercase column name`);
  return columns;
}

/** `(tenant_id, invoice_date); (tenant_id, business_unit_id)` */
function indexList(value: string, fail: (what: string) => never): string[][] {
  return value.split(';').map((part) => {
    const match = /^\s*\(([^()]*)\)\s*$/.exec(part);
    if (!match) fail(`"${part.trim()}" is not a parenthesised column list such as (tenant_id, invoice_date)`);
    return columnList(match![1], fail);
  });
}

/** `recency in ('active', 'at_risk')` */
function acceptedValues(value: string, fail: (what: string) => never): AcceptedValues {
  const match = /^([a-z_][a-z0-9_]*)\s+in\s+\((.*)\)$/i.exec(value);
  if (!match) return fail(`"${value}" is not of the form column in ('a', 'b')`);
  const values = [...match[2].matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
  const leftover = match[2].replace(/'((?:[^']|'')*)'/g, '').replace(/[\s,]/g, '');
  if (values.length === 0 || leftover !== '') fail(`the values of "${value}" must be quoted strings separated by commas`);
  return { column: match[1], values };
}
