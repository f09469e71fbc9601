/**
 * Fault-suite figures: staging compared with the sandbox's truth, counted rather than only
 * asserted, so the figures can be printed and quoted (docs/reliability.md). `lost`: truth records
 * with no row; `wronglyDeleted`: truth records whose row is marked deleted; `duplicated`: live rows
 * beyond one per truth record (extra keys included). The full data comparison stays
 * `expectStagingEqualsTruth`'s; this only counts.
 */
import type pg from 'pg';
import { findEndpoint } from '../../src/catalog/index.js';
import { columnNameFor, qualified } from '../../src/db/identifiers.js';
import type { Sandbox } from '../../sandbox/index.js';
import { defaultEndpoints, truthRows } from './harness.js';

export interface TruthFigures {
  compared: number;
  lost: number;
  duplicated: number;
  wronglyDeleted: number;
}

export async function truthFigures(pool: pg.Pool, schema: string, sandbox: Sandbox, endpoints = defaultEndpoints()): Promise<TruthFigures> {
  const figures: TruthFigures = { compared: 0, lost: 0, duplicated: 0, wronglyDeleted: 0 };
  for (const endpoint of endpoints) {
    const descriptor = findEndpoint(endpoint)!;
    const columns = descriptor.key.map(columnNameFor);
    const { rows } = await pool.query<Record<string, string> & { deleted: boolean }>(
      `select ${columns.map((c) => `"${c}"::text as "${c}"`).join(', ')}, deleted_at is not null as deleted
         from ${qualified(schema, descriptor.extract!.table)} where tenant_id = $1`,
      [sandbox.tenantId],
    );
    const truth = truthRows(sandbox, endpoint);
    const live = new Map<string, number>();
    const deleted = new Set<string>();
    for (const row of rows) {
      const key = columns.map((c) => row[c]).join('|');
      if (row.deleted) deleted.add(key);
      else live.set(key, (live.get(key) ?? 0) + 1);
    }
    for (const key of truth.keys()) {
      if (live.has(key)) continue;
      if (deleted.has(key)) figures.wronglyDeleted += 1;
      else figures.lost += 1;
    }
    for (const [key, count] of live) figures.duplicated += truth.has(key) ? count - 1 : count;
    figures.compared += truth.size;
  }
  return figures;
}

/** One line a reader of the test output can copy into docs/reliability.md. */
export function printFaultFigures(scenario: string, figures: Record<string, number | string>): void {
  console.info(
    `fault figures | ${scenario} | ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}
