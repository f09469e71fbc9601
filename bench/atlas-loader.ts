/**
 * Atlas's real loader on the benchmark's records: `preparePage` then `loadPage` (COPY into the
 * page table, one upsert, run figures and cursor in one transaction per page), as a walk does.
 */
import type { Warehouse } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { exportCursor } from '../src/load/cursor.js';
import { loadPage } from '../src/load/load-page.js';
import { preparePage } from '../src/load/prepare-page.js';
import { ensureStagingTables } from '../src/load/staging-table.js';
import { stagingTargetFor } from '../src/load/staging-target.js';
import { createRun, startRunEndpoint } from '../src/runs/run-records.js';
import type { BenchFeed } from './realistic-records.js';

export interface AtlasLoad {
  seconds: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Fresh schema with the bookkeeping tables and the three staging tables (not timed). */
export async function prepareAtlasSchema(warehouse: Warehouse, schema: string, feeds: BenchFeed[]): Promise<void> {
  await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
  await migrate(warehouse.knex, schema);
  await ensureStagingTables(
    warehouse.pool,
    feeds.map((feed) => stagingTargetFor(feed.descriptor, schema)),
  );
}

/** Loads every page of every feed under a new run; returns seconds and the figures. */
export async function atlasLoad(warehouse: Warehouse, schema: string, feeds: BenchFeed[]): Promise<AtlasLoad> {
  const runId = await createRun(warehouse.pool, schema, { tenantId: '1', name: 'bench' }, 'build', {});
  const result: AtlasLoad = { seconds: 0, inserted: 0, updated: 0, unchanged: 0 };
  for (const feed of feeds) {
    const target = stagingTargetFor(feed.descriptor, schema);
    await startRunEndpoint(warehouse.pool, schema, runId, feed.descriptor.name, target.table);
  }
  const started = process.hrtime.bigint();
  for (const feed of feeds) {
    const target = stagingTargetFor(feed.descriptor, schema);
    for (const [i, page] of feed.pages.entries()) {
      const figures = await loadPage(warehouse.pool, {
        target,
        tenantId: '1',
        runId,
        page: preparePage(page, target),
        cursor: exportCursor(`token-${i}`, null),
        requests: 1,
        retries: 0,
      });
      result.inserted += figures.inserted;
      result.updated += figures.updated;
      result.unchanged += figures.unchanged;
    }
  }
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return result;
}
