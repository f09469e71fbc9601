import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';

afterAll(dropTestDatabases);

describe('migrate', () => {
  it('creates the bookkeeping tables in the configured schema, once', async () => {
    const warehouse = await openWarehouse(await createTestDatabase());
    try {
      expect(await migrate(warehouse.knex, 'wh_stage', 'wh_marts')).toEqual(['001_bookkeeping', '002_cursor_sweeps']);
      expect(await migrate(warehouse.knex, 'wh_stage', 'wh_marts')).toEqual([]);
      const { rows } = await warehouse.pool.query(
        `select table_name from information_schema.tables where table_schema = 'wh_stage' order by 1`,
      );
      expect(rows.map((r) => r.table_name)).toEqual(['_cursors', '_migrations', '_migrations_lock', '_rejects', '_run_endpoints', '_runs', '_seen_keys']);
      const marts = await warehouse.pool.query(`select 1 from information_schema.schemata where schema_name = 'wh_marts'`);
      expect(marts.rowCount).toBe(1);
      expect((await warehouse.pool.query('show time zone')).rows[0].TimeZone).toBe('UTC');
    } finally {
      await warehouse.close();
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const warehouse = await openWarehouse(await createTestDatabase());
    try {
      await expect(migrate(warehouse.knex, 'atlas"; drop table x; --')).rejects.toThrow(/not a plain identifier/);
    } finally {
      await warehouse.close();
    }
  });
});
