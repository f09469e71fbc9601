/**
 * `atlas models test`: for every model, its key is unique and never null, plus the checks its header
 * declares (`not_null`, `accepted_values`). A failing check reports the model, the check and up
 * to five offending keys.
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import type { Model } from './model.js';
import { errorMessage } from '../errors.js';

export interface CheckResult {
  model: string;
  check: string;
  ok: boolean;
  /** Up to five offending rows, as `column=value` lists of the key (and the checked column). */
  offending: string[];
  error?: string;
}

interface Check {
  name: string;
  sql: string;
  params: unknown[];
}

const SAMPLE = 5;

function checksOf(model: Model, relation: string): Check[] {
  const key = model.header.key.map(quoteIdent);
  const keyList = key.join(', ');
  const checks: Check[] = [
    {
      name: `key (${model.header.key.join(', ')}) unique`,
      sql: `select ${keyList}, count(*) as copies from ${relation} group by ${keyList} having count(*) > 1 limit ${SAMPLE}`,
      params: [],
    },
  ];
  const required = model.header.key.filter((k) => !model.header.nullableKey.includes(k));
  if (required.length > 0) {
    checks.push({
      name: `key (${required.join(', ')}) not null`,
      sql: `select ${keyList} from ${relation} where ${required.map((k) => `${quoteIdent(k)} is null`).join(' or ')} limit ${SAMPLE}`,
      params: [],
    });
  }
  for (const column of model.header.notNull) {
    checks.push({
      name: `not_null ${column}`,
      sql: `select ${keyList} from ${relation} where ${quoteIdent(column)} is null limit ${SAMPLE}`,
      params: [],
    });
  }
  for (const { column, values } of model.header.acceptedValues) {
    const c = quoteIdent(column);
    checks.push({
      name: `accepted_values ${column} in (${values.map((v) => `'${v}'`).join(', ')})`,
      sql: `select ${keyList}, ${c} from ${relation} where ${c} is not null and ${c}::text <> all($1::text[]) limit ${SAMPLE}`,
      params: [values],
    });
  }
  return checks;
}

function describeRow(row: Record<string, unknown>): string {
  return Object.entries(row)
    .map(([column, value]) => `${column}=${value === null ? 'null' : value instanceof Date ? value.toISOString() : String(value)}`)
    .join(' ');
}

export async function testModels(pool: pg.Pool, martsSchema: string, models: Model[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const model of models) {
    for (const check of checksOf(model, qualified(martsSchema, model.name))) {
      try {
        const { rows } = await pool.query(check.sql, check.params);
        results.push({ model: model.name, check: check.name, ok: rows.length === 0, offending: rows.map(describeRow) });
      } catch (error) {
        const message = errorMessage(error);
        results.push({ model: model.name, check: check.name, ok: false, offending: [], error: message });
      }
    }
  }
  return results;
}
