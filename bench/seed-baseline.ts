/**
 * The seed's loader (Titanpy's `stage_then_merge`), re-implemented in TypeScript as faithfully as
 * the language allows, as the baseline of "Atlas vs the seed's approach". For every page:
 *   1. pandas `json_normalize`: nested objects become dotted columns (`address.city`); lists stay
 *      one value (here their JSON text); every value goes in as text;
 *   2. `to_sql(..., if_exists='replace', method='multi')`: drop and create a staging table for the
 *      page with a column per key seen, then multi-row INSERTs (at most 65,535 parameters each);
 *   3. add any new column to the target, `MERGE` the page into it on `id`, drop the page's table;
 *   one transaction per page.
 */
import type pg from 'pg';
import type { Warehouse } from '../src/db/connection.js';
import { withTransaction } from '../src/db/transaction.js';
import type { BenchFeed } from './realistic-records.js';

const MAX_PARAMETERS = 65_535;

function normalize(record: Record<string, unknown>, prefix = '', into: Record<string, string | null> = {}): Record<string, string | null> {
  for (const [key, value] of Object.entries(record)) {
    const column = prefix + key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      normalize(value as Record<string, unknown>, `${column}.`, into);
    else into[column] = value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return into;
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function loadSeedPage(client: pg.PoolClient, schema: string, table: string, page: Record<string, unknown>[]): Promise<void> {
  const rows = page.map((record) => normalize(record));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const stage = `${schema}.${ident(`stage_${table}`)}`;
  const target = `${schema}.${ident(table)}`;
  await client.query(`drop table if exists ${stage}`);
  await client.query(`create table ${stage} (${columns.map((c) => `${ident(c)} text`).join(', ')})`);
  const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perInsert) {
    const chunk = rows.slice(start, start + perInsert);
    const values: (string | null)[] = [];
    const tuples = chunk.map((row) => `(${columns.map((column) => `$${values.push(row[column] ?? null)}`).join(', ')})`);
    await client.query(`insert into ${stage} (${columns.map(ident).join(', ')}) values ${tuples.join(', ')}`, values);
  }
  await client.query(`create table if not exists ${target} (id bigint primary key)`);
  for (const column of columns.filter((c) => c !== 'id'))
    await client.query(`alter table ${target} add column if not exists ${ident(column)} text`);
  const others = columns.filter((c) => c !== 'id');
  await client.query(
    `merge into ${target} t using ${stage} s on t.id = s.id::bigint
     when matched then update set ${others.map((c) => `${ident(c)} = s.${ident(c)}`).join(', ')}
     when not matched then insert (id, ${others.map(ident).join(', ')}) values (s.id::bigint, ${others.map((c) => `s.${ident(c)}`).join(', ')})`,
  );
  await client.query(`drop table ${stage}`);
}

/** Loads every page the seed's way into a fresh schema; returns seconds. */
export async function seedBaseline(warehouse: Warehouse, schema: string, feeds: BenchFeed[]): Promise<number> {
  await warehouse.pool.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  const started = process.hrtime.bigint();
  for (const feed of feeds) {
    for (const page of feed.pages) {
      await withTransaction(warehouse.pool, (client) => loadSeedPage(client, schema, feed.descriptor.extract!.table, page));
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
