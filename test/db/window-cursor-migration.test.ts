/**
 * Migration 007 (window cursors): a window walk's cursor, in a walk or idle, is stored and read back
 * whole; `walk_segment` belongs to window cursors only; `down` deletes window cursors (the older
 * kinds cannot hold them), keeps every other cursor and restores the old kinds; `up` again works.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { exportCursor, windowCursor } from '../../src/load/cursor.js';
import { readCursor, writeCursor } from '../../src/load/cursor-store.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { rollbackThrough } from '../support/migrations.js';

afterAll(dropTestDatabases);

const tenant = '42';
const walking = windowCursor('2026-05-31', { window: '2026-05-27', segment: 'AdGroup', page: 3 });

describe('migration 007: window cursors', () => {
  it('stores window cursors whole, and down removes only them', async () => {
    const warehouse = await openWarehouse(await createTestDatabase());
    try {
      await migrate(warehouse.knex, 'atlas');
      const run = await warehouse.pool.query(
        `insert into atlas._runs (tenant_id, tenant_name, command, status) values ($1, 'test', 'build', 'running') returning id`,
        [tenant],
      );
      const runId = Number(run.rows[0].id);
      await writeCursor(warehouse.pool, 'atlas', tenant, 'marketingads/performance', walking, runId);
      await writeCursor(warehouse.pool, 'atlas', tenant, 'marketingads/attributed-leads', windowCursor(null), runId);
      await writeCursor(warehouse.pool, 'atlas', tenant, 'crm/export/customers', exportCursor('tok', null), runId);
      expect(await readCursor(warehouse.pool, 'atlas', tenant, 'marketingads/performance')).toEqual(walking);
      expect(await readCursor(warehouse.pool, 'atlas', tenant, 'marketingads/attributed-leads')).toEqual(windowCursor(null));

      await expect(
        warehouse.pool.query(`update atlas._cursors set walk_segment = 'Campaign' where endpoint = 'crm/export/customers'`),
      ).rejects.toThrow(/_cursors_walk_segment_window/);

      expect(await rollbackThrough(warehouse.knex, 'atlas', '007_window_cursors')).toContain('007_window_cursors');
      const { rows } = await warehouse.pool.query('select endpoint, kind from atlas._cursors order by endpoint');
      expect(rows).toEqual([{ endpoint: 'crm/export/customers', kind: 'export' }]);
      await expect(
        warehouse.pool.query(`update atlas._cursors set kind = 'window', continue_from = null where endpoint = 'crm/export/customers'`),
      ).rejects.toThrow(/_cursors_kind/);

      await migrate(warehouse.knex, 'atlas');
      await writeCursor(warehouse.pool, 'atlas', tenant, 'marketingads/performance', walking, runId);
      expect(await readCursor(warehouse.pool, 'atlas', tenant, 'marketingads/performance')).toEqual(walking);
    } finally {
      await warehouse.close();
    }
  });
});
