/**
 * The loader's contract against a real Postgres: newest version wins by the change field (a tie
 * goes to the later one), unchanged rows are not rewritten, unloadable records are kept with
 * their reason, awkward JSON survives COPY byte for byte, and the cursor commits with the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointDescriptor } from '../../src/catalog/types.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { exportCursor } from '../../src/load/cursor.js';
import { readCursor } from '../../src/load/cursor-store.js';
import { loadPage } from '../../src/load/load-page.js';
import { preparePage } from '../../src/load/prepare-page.js';
import { ensureStagingTables } from '../../src/load/staging-table.js';
import { stagingTargetFor } from '../../src/load/staging-target.js';
import { createRun, startRunEndpoint } from '../../src/runs/run-records.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';

const descriptor: EndpointDescriptor = {
  name: 'test/export/things',
  module: 'test',
  version: 'v2',
  path: 'export/things',
  kind: 'export',
  pathParams: [],
  key: ['technicianId', 'jobId'],
  keyTypes: { technicianId: 'bigint', jobId: 'bigint' },
  changeField: 'modifiedOn',
  defaultQuery: {},
  queryParams: [],
  summary: '',
  extract: { mode: 'export', table: 'test_things', optIn: false },
};
const target = stagingTargetFor(descriptor, 'stage');
let warehouse: Warehouse;

beforeAll(async () => {
  warehouse = await openWarehouse(await createTestDatabase());
  await migrate(warehouse.knex, 'stage');
  await ensureStagingTables(warehouse.pool, [target]);
});

afterAll(async () => {
  await warehouse?.close();
  await dropTestDatabases();
});

/** A tenant of its own with a run of its own: each test starts from an empty table, cursor and figures. */
interface Scope {
  tenantId: string;
  runId: number;
}

let tenants = 0;
async function freshScope(): Promise<Scope> {
  const tenantId = String(100 + ++tenants);
  const runId = await createRun(warehouse.pool, 'stage', { tenantId, name: 't' }, 'build', {});
  await startRunEndpoint(warehouse.pool, 'stage', runId, descriptor.name, target.table);
  return { tenantId, runId };
}

/** Loads one page and returns the row counts it reports. */
async function load(scope: Scope, records: unknown[], token: string) {
  const figures = await loadPage(warehouse.pool, {
    target,
    ...scope,
    page: preparePage(records, target),
    cursor: exportCursor(token, null),
    requests: 1,
    retries: 0,
  });
  expect({ pages: figures.pages, received: figures.received, deleted: figures.deleted }).toEqual({
    pages: 1,
    received: records.length,
    deleted: 0,
  });
  const { inserted, updated, unchanged, rejected } = figures;
  return { inserted, updated, unchanged, rejected };
}

async function stored(scope: Scope, technicianId: number, jobId: number) {
  const { rows } = await warehouse.pool.query(
    'select data, modified_on, active, extracted_at from stage.test_things where tenant_id = $1 and technician_id = $2 and job_id = $3',
    [scope.tenantId, technicianId, jobId],
  );
  return rows[0];
}

describe('loadPage', () => {
  it('inserts, keeps the newest version, lets a tie go to the later one, and skips unchanged rows', async () => {
    const scope = await freshScope();
    const v1 = { technicianId: 1, jobId: 10, rating: 5, modifiedOn: '2025-03-14T17:22:05.4413372Z', active: true };
    expect(await load(scope, [v1], 't1')).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 0 });

    const older = { ...v1, rating: 1, modifiedOn: '2025-03-14T17:22:05.4413371Z' };
    expect(await load(scope, [older], 't2')).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect((await stored(scope, 1, 10)).data.rating).toBe(5);

    const tie = { ...v1, rating: 7 };
    expect(await load(scope, [tie], 't3')).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect((await stored(scope, 1, 10)).data.rating).toBe(7);

    const before = (await stored(scope, 1, 10)).extracted_at;
    expect(await load(scope, [tie], 't4')).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect((await stored(scope, 1, 10)).extracted_at).toEqual(before);

    const deactivated = { ...tie, active: false, modifiedOn: '2025-04-01T00:00:00Z' };
    await load(scope, [deactivated], 't5');
    expect((await stored(scope, 1, 10)).active).toBe(false);
  });

  it('collapses duplicates within a page to the newest', async () => {
    const scope = await freshScope();
    const a = { technicianId: 2, jobId: 20, n: 1, modifiedOn: '2025-01-02T00:00:00Z' };
    const b = { ...a, n: 2, modifiedOn: '2025-01-01T00:00:00Z' };
    const c = { ...a, n: 3, modifiedOn: '2025-01-02T00:00:00Z' };
    expect(await load(scope, [a, b, c], 't6')).toEqual({ inserted: 1, updated: 0, unchanged: 2, rejected: 0 });
    expect((await stored(scope, 2, 20)).data.n).toBe(3);
  });

  it('stores awkward JSON exactly', async () => {
    const scope = await freshScope();
    const awkward = {
      technicianId: 3,
      jobId: 30,
      modifiedOn: '2025-01-01T00:00:00',
      summary: '<p>Quote "this", a\\backslash, a tab\tand\nnewlines, commas, ; é ü 中文 🙂</p>',
      nested: { list: [null, 1.5, '"'] },
    };
    await load(scope, [awkward], 't7');
    const row = await stored(scope, 3, 30);
    expect(row.data).toEqual(awkward);
    expect(row.modified_on.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('keeps records it cannot load in _rejects with the reason', async () => {
    const scope = await freshScope();
    const counts = await load(
      scope,
      [
        { technicianId: 4, modifiedOn: '2025-01-01T00:00:00Z' },
        { technicianId: 'x', jobId: 1 },
        { technicianId: 5, jobId: 50, text: 'nul\u0000byte' },
        'not an object',
      ],
      't8',
    );
    expect(counts).toEqual({ inserted: 0, updated: 0, unchanged: 0, rejected: 4 });
    const { rows } = await warehouse.pool.query('select reason, record from stage._rejects where tenant_id = $1 order by id', [
      scope.tenantId,
    ]);
    expect(rows.map((r) => r.reason)).toEqual([
      'key field "jobId" is missing or not a 64-bit integer',
      'key field "technicianId" is missing or not a 64-bit integer',
      'contains a NUL character, which Postgres jsonb cannot store',
      'not a JSON object',
    ]);
    expect(rows[0].record).toContain('"technicianId":4');
  });

  it('commits the cursor with the data, and neither when the page fails', async () => {
    const scope = await freshScope();
    await load(scope, [{ technicianId: 8, jobId: 80, modifiedOn: '2025-01-01T00:00:00Z' }], 't-loaded');
    expect(await readCursor(warehouse.pool, 'stage', scope.tenantId, descriptor.name)).toEqual(exportCursor('t-loaded', null));
    const broken = { ...target, table: 'missing_table' };
    await expect(
      loadPage(warehouse.pool, {
        target: broken,
        ...scope,
        page: preparePage([{ technicianId: 9, jobId: 9 }], broken),
        cursor: exportCursor('t-lost', null),
        requests: 1,
        retries: 0,
      }),
    ).rejects.toThrow(/missing_table/);
    expect(await readCursor(warehouse.pool, 'stage', scope.tenantId, descriptor.name)).toEqual(exportCursor('t-loaded', null));
    const figures = await warehouse.pool.query('select pages, rows_inserted, rows_rejected from stage._run_endpoints where run_id = $1', [
      scope.runId,
    ]);
    expect(figures.rows[0]).toEqual({ pages: 1, rows_inserted: 1, rows_rejected: 0 });
  });
});
