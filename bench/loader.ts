/**
 * Loader micro-benchmark: the same pages of 5,000 records loaded by Atlas's loader (COPY into a
 * temp table + one upsert + cursor, per page) and by a baseline that upserts row by row with a
 * parameterised `insert … on conflict` inside one transaction per page.
 */
import type { EndpointDescriptor } from '../src/catalog/types.js';
import type { Warehouse } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { exportCursor } from '../src/load/cursor.js';
import { loadPage } from '../src/load/load-page.js';
import { preparePage } from '../src/load/prepare-page.js';
import { ensureStagingTables } from '../src/load/staging-table.js';
import { stagingTargetFor } from '../src/load/staging-target.js';
import { createRun, startRunEndpoint } from '../src/runs/run-records.js';
import { median } from './stats.js';

const PAGES = 10;
const PAGE_SIZE = 5000;

function page(p: number): Record<string, unknown>[] {
  return Array.from({ length: PAGE_SIZE }, (_, i) => ({
    id: p * PAGE_SIZE + i + 1,
    name: `Customer ${p}-${i}`,
    active: true,
    balance: (i % 97) * 1.25,
    address: { street: `${i} Main St`, city: 'Mesa', state: 'AZ', zip: '85201' },
    customFields: [{ typeId: 1, name: 'Source', value: 'Web' }],
    modifiedOn: `2025-03-14T17:22:${String(i % 60).padStart(2, '0')}.4413372Z`,
  }));
}

export async function benchLoader(warehouse: Warehouse, repeat: number): Promise<string[]> {
  const schema = 'bench_loader';
  const descriptor: EndpointDescriptor = {
    name: 'bench/export/customers',
    module: 'bench',
    version: 'v2',
    path: 'export/customers',
    kind: 'export',
    pathParams: [],
    key: ['id'],
    keyTypes: { id: 'bigint' },
    changeField: 'modifiedOn',
    defaultQuery: {},
    queryParams: [],
    summary: '',
    extract: { mode: 'export', table: 'customers', optIn: false },
  };
  const target = stagingTargetFor(descriptor, schema);
  const pages = Array.from({ length: PAGES }, (_, p) => page(p));
  const atlas: number[] = [];
  const baseline: number[] = [];
  for (let r = 0; r < repeat; r++) {
    await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
    await migrate(warehouse.knex, schema);
    await ensureStagingTables(warehouse.pool, [target]);
    const runId = await createRun(warehouse.pool, schema, { tenantId: '1', name: 'bench' }, 'build', {});
    await startRunEndpoint(warehouse.pool, schema, runId, descriptor.name, target.table);
    let started = process.hrtime.bigint();
    for (const [i, records] of pages.entries()) {
      await loadPage(warehouse.pool, {
        target,
        tenantId: '1',
        runId,
        page: preparePage(records, target),
        cursor: exportCursor(`t${i}`, null),
        requests: 1,
        retries: 0,
      });
    }
    atlas.push(Number(process.hrtime.bigint() - started) / 1e9);

    await warehouse.pool.query(`truncate ${schema}.customers`);
    started = process.hrtime.bigint();
    for (const records of pages) {
      const client = await warehouse.pool.connect();
      try {
        await client.query('begin');
        for (const record of records) {
          await client.query(
            `insert into ${schema}.customers (tenant_id, id, data, modified_on, active, run_id) values (1, $1, $2, $3, true, $4)
             on conflict (tenant_id, id) do update set data = excluded.data, modified_on = excluded.modified_on where ${schema}.customers.data is distinct from excluded.data`,
            [record.id, JSON.stringify(record), record.modifiedOn, runId],
          );
        }
        await client.query('commit');
      } finally {
        client.release();
      }
    }
    baseline.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
  const rows = PAGES * PAGE_SIZE;
  const a = median(atlas);
  const b = median(baseline);
  return [
    `loader, ${rows.toLocaleString('en-US')} rows in pages of ${PAGE_SIZE}:`,
    `  row-by-row upsert (baseline): ${b.toFixed(2)} s  ${Math.round(rows / b).toLocaleString('en-US')} rows/s`,
    `  COPY + one upsert per page:   ${a.toFixed(2)} s  ${Math.round(rows / a).toLocaleString('en-US')} rows/s  (${(b / a).toFixed(2)}x the baseline)`,
  ];
}
