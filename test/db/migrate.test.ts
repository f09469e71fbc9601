import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { migrate, rollbackAll } from '../../src/db/migrate.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';

afterAll(dropTestDatabases);

const allMigrations = [
  '001_bookkeeping',
  '002_cursor_sweeps',
  '003_cursor_kinds',
  '004_job_history_entries',
  '005_report_cursors',
  '006_page_sizes',
  '007_window_cursors',
];
const bookkeeping = ['_cursors', '_page_sizes', '_rejects', '_report_cursors', '_run_endpoints', '_runs', '_seen_keys'];

async function tablesIn(warehouse: Warehouse, schema: string): Promise<string[]> {
  const { rows } = await warehouse.pool.query('select table_name from information_schema.tables where table_schema = $1 order by 1', [
    schema,
  ]);
  return rows.map((r) => r.table_name);
}

/** Every column of the schema's tables with its type and comment: what a down-and-up round trip must restore. */
async function columnsIn(warehouse: Warehouse, schema: string): Promise<string[]> {
  const { rows } = await warehouse.pool.query(
    `select c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' || c.is_nullable || ' ' ||
            coalesce(col_description((quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass, c.ordinal_position), '') as d
     from information_schema.columns c where c.table_schema = $1 and c.table_name not like '\\_migrations%' order by 1`,
    [schema],
  );
  return rows.map((r) => r.d);
}

describe('migrate', () => {
  it('creates the bookkeeping tables in the configured schema, once', async () => {
    const warehouse = await openWarehouse(await createTestDatabase());
    try {
      expect(await migrate(warehouse.knex, 'wh_stage', 'wh_marts')).toEqual(allMigrations);
      expect(await migrate(warehouse.knex, 'wh_stage', 'wh_marts')).toEqual([]);
      const { rows } = await warehouse.pool.query(
        `select table_name from information_schema.tables where table_schema = 'wh_stage' order by 1`,
      );
      expect(rows.map((r) => r.table_name)).toEqual([
        '_cursors',
        '_migrations',
        '_migrations_lock',
        '_page_sizes',
        '_rejects',
        '_report_cursors',
        '_run_endpoints',
        '_runs',
        '_seen_keys',
      ]);
      const marts = await warehouse.pool.query(`select 1 from information_schema.schemata where schema_name = 'wh_marts'`);
      expect(marts.rowCount).toBe(1);
      expect((await warehouse.pool.query('show time zone')).rows[0].TimeZone).toBe('UTC');
    } finally {
      await warehouse.close();
    }
  });

  it('reverts every migration down to none, and applies them all again', async () => {
    const warehouse = await openWarehouse(await createTestDatabase());
    try {
      await migrate(warehouse.knex, 'atlas');
      const migrated = await columnsIn(warehouse, 'atlas');
      expect(migrated.length).toBeGreaterThan(30);
      expect(await rollbackAll(warehouse.knex, 'atlas')).toEqual([...allMigrations].reverse());
      const remaining = await tablesIn(warehouse, 'atlas');
      expect(remaining.filter((t) => bookkeeping.includes(t))).toEqual([]);
      const applied = await warehouse.pool.query('select count(*)::int as n from atlas._migrations');
      expect(applied.rows[0].n).toBe(0);

      expect(await migrate(warehouse.knex, 'atlas')).toEqual(allMigrations);
      expect(await tablesIn(warehouse, 'atlas')).toEqual(expect.arrayContaining(bookkeeping));
      expect(await columnsIn(warehouse, 'atlas')).toEqual(migrated);
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
