/**
 * Compares a mart in the warehouse with the rows its oracle expects, row for row and column for
 * column: numerics as canonical exact decimals (no trailing zeros), dates as `YYYY-MM-DD`, nulls as
 * null. Reports the first few missing, extra and differing rows by key.
 */
import type pg from 'pg';
import { expect } from 'vitest';
import { qualified, quoteIdent } from '../../src/db/identifiers.js';
import { dec, text } from './oracle/decimal.js';
import type { MartRow } from './oracle/tenant.js';

const DECIMAL = /^-?\d+\.\d+$/;

function canonicalValue(value: string | null): string | null {
  return value !== null && DECIMAL.test(value) ? text(dec(value)) : value;
}

function canonicalRow(row: MartRow): MartRow {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonicalValue(v)]));
}

/** A mart's column names, in order. */
export async function martColumns(pool: pg.Pool, schema: string, mart: string): Promise<string[]> {
  const probe = await pool.query(`select * from ${qualified(schema, mart)} limit 0`);
  return probe.fields.map((f) => f.name);
}

/** Every row of a mart with every column as text. */
export async function martRows(pool: pg.Pool, schema: string, mart: string): Promise<{ columns: string[]; rows: MartRow[] }> {
  const relation = qualified(schema, mart);
  const columns = await martColumns(pool, schema, mart);
  const asText = columns.map((c) => `${quoteIdent(c)}::text as ${quoteIdent(c)}`).join(', ');
  const { rows } = await pool.query(`select ${asText} from ${relation}`);
  return { columns, rows: rows as MartRow[] };
}

const keyOf = (row: MartRow, key: string[]): string => key.map((k) => row[k] ?? '∅').join('|');

/** Asserts the mart holds exactly the expected rows; returns how many rows were compared. */
export async function expectMartEqualsOracle(
  pool: pg.Pool,
  schema: string,
  mart: string,
  key: string[],
  expected: MartRow[],
): Promise<number> {
  const { columns, rows } = await martRows(pool, schema, mart);
  const wanted = new Map(expected.map((r) => [keyOf(r, key), canonicalRow(r)]));
  expect({ mart, uniqueExpectedKeys: wanted.size }).toEqual({ mart, uniqueExpectedKeys: expected.length });
  expect({ mart, columns }).toEqual({ mart, columns: Object.keys(expected[0] ?? Object.fromEntries(columns.map((c) => [c, null]))) });
  const actual = new Map(rows.map((r) => [keyOf(r, key), canonicalRow(r)]));
  const missing = [...wanted.keys()].filter((k) => !actual.has(k));
  const extra = [...actual.keys()].filter((k) => !wanted.has(k));
  const differing = [...wanted.entries()]
    .filter(([k, row]) => actual.has(k) && JSON.stringify(actual.get(k)) !== JSON.stringify(row))
    .map(([k, row]) => ({ key: k, expected: row, actual: actual.get(k) }));
  expect({ mart, missing: missing.slice(0, 5), extra: extra.slice(0, 5), differing: differing.slice(0, 3), rows: actual.size }).toEqual({
    mart,
    missing: [],
    extra: [],
    differing: [],
    rows: wanted.size,
  });
  return wanted.size;
}
