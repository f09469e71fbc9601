/**
 * The physical limit the loader is measured against: the same records serialised once and sent
 * with one plain `COPY … from stdin` per table into a logged table shaped like the staging table
 * (same columns, same primary key), in one transaction per table. No temp table, no upsert.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import copyStreams from 'pg-copy-streams';
import type { Warehouse } from '../src/db/connection.js';
import { withTransaction } from '../src/db/transaction.js';
import { stagingTableDdl } from '../src/load/staging-table.js';
import { stagingTargetFor } from '../src/load/staging-target.js';
import type { BenchFeed } from './realistic-records.js';

const csv = (value: string): string => `"${value.replace(/"/g, '""')}"`;

function* lines(feed: BenchFeed): Generator<string> {
  for (const page of feed.pages) {
    let chunk = '';
    for (const record of page) {
      const modifiedOn = typeof record.modifiedOn === 'string' ? csv(record.modifiedOn) : '';
      chunk += `1,${record.id},${csv(JSON.stringify(record))},${modifiedOn},${record.active === false ? 'f' : 't'},1\n`;
    }
    yield chunk;
  }
}

/** Creates the tables (not timed), then times the COPYs; returns seconds. */
export async function copyBaseline(warehouse: Warehouse, schema: string, feeds: BenchFeed[]): Promise<number> {
  await warehouse.pool.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  for (const feed of feeds) await warehouse.pool.query(stagingTableDdl(stagingTargetFor(feed.descriptor, schema)));
  const started = process.hrtime.bigint();
  for (const feed of feeds) {
    const table = `${schema}.${feed.descriptor.extract!.table}`;
    await withTransaction(warehouse.pool, async (client) => {
      const stream = client.query(
        copyStreams.from(`copy ${table} (tenant_id, id, data, modified_on, active, run_id) from stdin with (format csv)`),
      );
      await pipeline(Readable.from(lines(feed)), stream);
    });
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
