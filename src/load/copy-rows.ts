/**
 * COPY of prepared rows into a per-connection temp table (CSV format: every value quoted, so
 * JSON text needs no escaping beyond doubled quotes). The temp table is shaped by the key types
 * alone, so one table per connection serves every staging table with the same key shape, and
 * `on commit delete rows` empties it with the transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { quoteIdent } from '../db/identifiers.js';
import type { PreparedRow } from './prepare-page.js';
import type { StagingTarget } from './staging-target.js';

export function pageTableName(target: StagingTarget): string {
  return 'atlas_page_' + target.keyTypes.map((type) => (type === 'bigint' ? 'b' : 't')).join('') + (target.hasParent ? '_p' : '');
}

/** Page-table columns besides the keys, in COPY order. */
function valueColumns(target: StagingTarget): string[] {
  return [...(target.hasParent ? ['parent_key'] : []), 'data', 'modified_on', 'active'];
}

export function pageKeyColumns(target: StagingTarget): string[] {
  return target.keyColumns.map((_, i) => `k${i}`);
}

function csv(value: string): string {
  return '"' + value.replace(/"/g, '""') + '"';
}

function* csvLines(rows: PreparedRow[], withParent: boolean): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk +=
      row.keyValues.map(csv).join(',') +
      ',' +
      (withParent ? (row.parentKey === null ? '' : csv(row.parentKey)) + ',' : '') +
      csv(row.json) +
      ',' +
      (row.modifiedOn === null ? '' : csv(row.modifiedOn)) +
      ',' +
      (row.active ? 't' : 'f') +
      '\n';
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Copies `rows` into the connection's page table for `target` (created on first use). */
export async function copyIntoPageTable(client: pg.PoolClient, target: StagingTarget, rows: PreparedRow[]): Promise<string> {
  const table = pageTableName(target);
  const keys = pageKeyColumns(target);
  const keyDefs = keys.map((column, i) => `${column} ${target.keyTypes[i]}`).join(', ');
  await client.query(
    `create temp table if not exists ${quoteIdent(table)} (${keyDefs},${target.hasParent ? ' parent_key bigint,' : ''} data jsonb, modified_on timestamptz, active boolean) on commit delete rows`,
  );
  const stream = client.query(
    copyStreams.from(`copy pg_temp.${quoteIdent(table)} (${[...keys, ...valueColumns(target)].join(', ')}) from stdin with (format csv)`),
  );
  await pipeline(Readable.from(csvLines(rows, target.hasParent)), stream);
  return table;
}
