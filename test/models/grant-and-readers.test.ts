/**
 * Analysts' side: `atlas grant <role>` lets a login role read the marts schema and nothing in
 * staging, across table swaps and models created later; and readers querying every model in a loop
 * while models rebuild (tables swapped, a view recreated with its dependents) never get an error or
 * an empty result.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { buildModels, grantReader } from '../../src/models/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { modelsFolder, writeModels } from './support.js';

const logger = createLogger({ level: 'warn' });
const customers = (extra: string) => `-- grain: one row per tenant and customer
-- key: tenant_id, id
select tenant_id, id,${extra} data->>'name' as name from {{ staging }}.crm_customers
`;
const counts = `-- grain: one row per tenant
-- key: tenant_id
-- materialized: table
-- indexes: (tenant_id)
select tenant_id, count(*) as customers from {{ marts }}.fixture_customers group by tenant_id
`;
const summary = `-- grain: one row per tenant
-- key: tenant_id
select tenant_id, customers * 2 as doubled from {{ marts }}.fixture_counts
`;

describe('analysts', () => {
  let warehouse: Warehouse;
  let url: string;
  const role = `atlas_reader_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const dir = modelsFolder({ 'fixture_customers.sql': customers(''), 'fixture_counts.sql': counts, 'fixture_summary.sql': summary });
  const config = () => testConfig(url, []);

  beforeAll(async () => {
    url = await createTestDatabase();
    warehouse = await openWarehouse(url);
    await buildModels(config(), warehouse, { changes: 'all', modelsDir: dir }, logger);
    await warehouse.pool.query(
      `insert into atlas.crm_customers (tenant_id, id, data, run_id) select 1, g, jsonb_build_object('name', 'c' || g), 1 from generate_series(1, 50) g`,
    );
    await buildModels(config(), warehouse, { changes: 'all', modelsDir: dir }, logger);
    await warehouse.pool.query(`create role ${role} login password '${password}'`);
  });
  afterAll(async () => {
    await warehouse?.close();
    await dropTestDatabases();
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await admin
      .connect()
      .then(() => admin.query(`drop role if exists ${role}`))
      .finally(() => admin.end());
    rmSync(dir, { recursive: true, force: true });
  });

  const asRole = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const target = new URL(url);
    target.username = role;
    target.password = password;
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const denied = (client: pg.Client, sql: string) =>
    client.query(sql).then(
      () => 'allowed',
      (error) => (error.code === '42501' ? 'denied' : `error ${error.message}`),
    );

  it('grant lets the role read the marts schema and nothing in staging, across swaps and new models', async () => {
    await grantReader(warehouse.pool, { staging: 'atlas', marts: 'atlas_marts' }, role);
    const readAll = () =>
      asRole(async (client) => ({
        customers: (await client.query('select count(*)::int as n from atlas_marts.fixture_customers')).rows[0].n,
        counts: (await client.query('select customers::int as n from atlas_marts.fixture_counts')).rows[0].n,
        staging: await denied(client, 'select count(*) from atlas.crm_customers'),
        runs: await denied(client, 'select count(*) from atlas._runs'),
        cursors: await denied(client, 'select count(*) from atlas._cursors'),
        builds: await denied(client, 'select count(*) from atlas._model_builds'),
      }));
    const expected = { customers: 50, counts: 50, staging: 'denied', runs: 'denied', cursors: 'denied', builds: 'denied' };
    expect(await readAll()).toEqual(expected);

    // The table is swapped and a new model appears: still readable, staging still closed.
    writeModels(dir, { 'fixture_extra.sql': '-- grain: one row\n-- key: one\n-- materialized: table\nselect 1 as one' });
    const rebuilt = await buildModels(config(), warehouse, { changes: 'all', modelsDir: dir }, logger);
    expect(rebuilt.models.find((m) => m.model === 'fixture_counts')?.status).toBe('built');
    expect(await readAll()).toEqual(expected);
    expect(await asRole(async (client) => (await client.query('select one from atlas_marts.fixture_extra')).rows)).toEqual([{ one: 1 }]);
  });

  it('a role that does not exist is a clear error', async () => {
    await expect(grantReader(warehouse.pool, { staging: 'atlas', marts: 'atlas_marts' }, 'no_such_role_x')).rejects.toThrow(
      /role "no_such_role_x" does not exist/,
    );
  });

  it('readers never see a missing, empty or half-built model while models rebuild', async () => {
    const models = ['fixture_customers', 'fixture_counts', 'fixture_summary'];
    let stop = false;
    const problems: string[] = [];
    let queries = 0;
    const reader = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        while (!stop) {
          for (const model of models) {
            try {
              const { rows } = await client.query(`select count(*)::int as n from atlas_marts.${model}`);
              if (rows[0].n === 0) problems.push(`${model} empty`);
            } catch (error) {
              problems.push(`${model}: ${(error as Error).message}`);
            }
            queries++;
          }
        }
      } finally {
        await client.end();
      }
    };
    const readers = [reader(), reader()];
    try {
      for (let i = 0; i < 6; i++) {
        // Alternate the view's columns: an incompatible change forces drop and recreate with its dependents.
        writeModels(dir, { 'fixture_customers.sql': customers(i % 2 === 0 ? " data->>'name' || '!' as shout," : '') });
        const result = await buildModels(config(), warehouse, { changes: 'all', modelsDir: dir }, logger);
        expect(result.models.filter((m) => m.status === 'failed')).toEqual([]);
        expect(result.models.find((m) => m.model === 'fixture_customers')?.status).toBe('built');
      }
    } finally {
      stop = true;
      await Promise.all(readers);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(queries).toBeGreaterThan(models.length * 6);
  });
});
