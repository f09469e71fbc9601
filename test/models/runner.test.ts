/**
 * The model runner against a real Postgres: build order, views replaced only when their SQL
 * changes, incompatible view changes recreating dependents, table swaps keeping indexes and grants,
 * `atlas models test` checks, and the errors for broken model folders.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { buildModels, knownStagingTables, loadModels, testModels } from '../../src/models/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { modelsFolder, writeModels } from './support.js';

const logger = createLogger({ level: 'warn', format: 'text' });

const customers = `-- grain: one row per tenant and customer
-- key: tenant_id, id
select tenant_id, id, data->>'name' as name, active from {{ staging }}.crm_customers
`;
const counts = `-- grain: one row per tenant
-- key: tenant_id
-- materialized: table
-- indexes: (tenant_id)
select tenant_id, count(*)::bigint as customers from {{ marts }}.fixture_customers group by tenant_id
`;
const countsView = `-- grain: one row per tenant
-- key: tenant_id
-- accepted_values: size in ('small')
select tenant_id, customers, case when customers < 3 then 'small' else 'large' end as size from {{ marts }}.fixture_counts
`;

describe('model runner', () => {
  let warehouse: Warehouse;
  let url: string;
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = modelsFolder(files);
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    url = await createTestDatabase();
    warehouse = await openWarehouse(url);
  });
  afterAll(async () => {
    await warehouse?.close();
    await dropTestDatabases();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('builds in dependency order, swaps tables, keeps indexes and grants, and rebuilds only what changed', async () => {
    const config = testConfig(url, []);
    const dir = folder({
      'staging/fixture_customers.sql': customers,
      'marts/fixture_counts.sql': counts,
      'marts/fixture_sizes.sql': countsView,
    });
    const first = await buildModels(config, warehouse, { changes: 'all', modelsDir: dir }, logger);
    expect(first.models.map((m) => [m.model, m.status])).toEqual([
      ['fixture_customers', 'built'],
      ['fixture_counts', 'built'],
      ['fixture_sizes', 'built'],
    ]);
    await warehouse.pool.query(
      `insert into atlas.crm_customers (tenant_id, id, data, run_id) values (1, 1, '{"name":"a"}', 1), (1, 2, '{"name":"b"}', 1)`,
    );
    await warehouse.pool.query(`drop role if exists fixture_reader; create role fixture_reader`);
    await warehouse.pool.query(
      `grant usage on schema atlas_marts to fixture_reader; grant select on atlas_marts.fixture_counts to fixture_reader`,
    );

    // No staging change, no SQL change: nothing is rebuilt.
    const idle = await buildModels(config, warehouse, { changes: { stagingTables: new Set() }, modelsDir: dir }, logger);
    expect(idle.models.map((m) => m.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);

    // crm_customers changed: the table reading it is swapped; the views stay.
    const synced = await buildModels(config, warehouse, { changes: { stagingTables: new Set(['crm_customers']) }, modelsDir: dir }, logger);
    expect(synced.models.map((m) => m.status)).toEqual(['unchanged', 'built', 'unchanged']);
    expect((await warehouse.pool.query('select customers from atlas_marts.fixture_counts')).rows).toEqual([{ customers: 2 }]);
    expect((await warehouse.pool.query('select size from atlas_marts.fixture_sizes')).rows).toEqual([{ size: 'small' }]);
    const indexes = await warehouse.pool.query(
      `select indexname from pg_indexes where schemaname = 'atlas_marts' and tablename = 'fixture_counts'`,
    );
    expect(indexes.rows).toEqual([{ indexname: 'fixture_counts_tenant_id_idx' }]);
    const grants = await warehouse.pool.query(
      `select has_table_privilege('fixture_reader', 'atlas_marts.fixture_counts', 'select') as reads`,
    );
    expect(grants.rows).toEqual([{ reads: true }]);

    // A view losing a column cannot be `create or replace`d: it and its dependents are recreated.
    writeModels(dir, { 'staging/fixture_customers.sql': customers.replace(", data->>'name' as name", '') });
    const changed = await buildModels(config, warehouse, { changes: { stagingTables: new Set() }, modelsDir: dir }, logger);
    expect(changed.models.map((m) => [m.model, m.status])).toEqual([
      ['fixture_customers', 'built'],
      ['fixture_counts', 'built'],
      ['fixture_sizes', 'unchanged'],
    ]);
    const columns = await warehouse.pool.query(
      `select column_name from information_schema.columns where table_schema = 'atlas_marts' and table_name = 'fixture_customers' order by ordinal_position`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual(['tenant_id', 'id', 'active']);
    expect((await warehouse.pool.query('select size from atlas_marts.fixture_sizes')).rows).toEqual([{ size: 'small' }]);
  });

  it('models test names the model, the check and the offending keys', async () => {
    const config = testConfig(url, []);
    const dir = folder({
      'a/fixture_customers.sql': customers,
      'b/fixture_counts.sql': counts,
      'b/fixture_sizes.sql': countsView.replace("in ('small')", "in ('large')"),
    });
    await buildModels(config, warehouse, { changes: 'all', modelsDir: dir }, logger);
    await warehouse.pool.query(
      `insert into atlas.crm_customers (tenant_id, id, data, run_id) values (2, 1, '{}', 1) on conflict do nothing`,
    );
    const results = await testModels(warehouse.pool, 'atlas_marts', loadModels(knownStagingTables(), dir));
    const failed = results.filter((r) => !r.ok);
    expect(failed).toEqual([
      { model: 'fixture_sizes', check: "accepted_values size in ('large')", ok: false, offending: ['tenant_id=1 size=small'] },
    ]);
    expect(results.filter((r) => r.ok).length).toBe(results.length - 1);
  });

  it('refuses broken model folders with an error naming the file', () => {
    const tables = knownStagingTables();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'x.sql': 'select 1 as a' }, /x\.sql: the header has no "-- grain/],
      [{ 'x.sql': '-- grain: g\nselect 1 as a' }, /x\.sql: the header has no "-- key/],
      [
        { 'x.sql': '-- grain: g\n-- key: a\n-- materialised: table\nselect 1 as a' },
        /x\.sql, line 3: unknown header entry "materialised:"/,
      ],
      [{ 'x.sql': '-- grain: g\n-- key: a\nselect 1 as a; select 2' }, /x\.sql: a model is exactly one SELECT statement/],
      [{ 'x.sql': '-- grain: g\n-- key: a\ndrop table t' }, /x\.sql: a model is a query; found "drop"/],
      [{ 'x.sql': '-- grain: g\n-- key: a\nselect * from {{ marts }}.nope' }, /x\.sql: \{\{ marts \}\}\.nope is not a model/],
      [
        { 'x.sql': '-- grain: g\n-- key: a\nselect * from {{ staging }}.crm_nope' },
        /x\.sql: \{\{ staging \}\}\.crm_nope is not a staging table/,
      ],
      [
        { 'a/x.sql': '-- grain: g\n-- key: a\nselect 1 as a', 'b/x.sql': '-- grain: g\n-- key: a\nselect 1 as a' },
        /a\/x\.sql and b\/x\.sql both define the model "x"/,
      ],
      [
        { 'x.sql': '-- grain: g\n-- key: a\nselect * from {{ marts }}.y', 'y.sql': '-- grain: g\n-- key: a\nselect * from {{ marts }}.x' },
        /cycle: x\.sql -> y\.sql -> x\.sql/,
      ],
    ];
    for (const [files, message] of cases) expect(() => loadModels(tables, folder(files))).toThrow(message);
  });
});
