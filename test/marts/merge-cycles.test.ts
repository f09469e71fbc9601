/**
 * Merge resolution on data ServiceTitan should never send but a warehouse may still hold: a merge
 * chain that loops (1 → 2 → 3 → 1), a customer merged into that loop, one merged into a customer
 * we do not hold, and a chain of four hops. The recursive query must end, give every customer exactly
 * one survivor, and agree with the oracle's resolution (test/marts/oracle/merges.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { buildModels } from '../../src/models/index.js';
import { sandboxTenantConfig } from '../../src/cli/sandbox-connection.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { survivors } from './oracle/merges.js';

const TENANT = '4200';
// A tenant that is never called: the models only need its id and time zone.
const offline = {
  apiUrl: 'http://127.0.0.1:9',
  authUrl: 'http://127.0.0.1:9/connect/token',
  tenantId: TENANT,
  credentials: { clientId: 'c', clientSecret: 's', appKey: 'a' },
};
const CUSTOMERS = [
  { id: 1, mergedToId: 2 },
  { id: 2, mergedToId: 3 },
  { id: 3, mergedToId: 1 },
  { id: 4, mergedToId: 1 },
  { id: 5, mergedToId: null },
  { id: 6, mergedToId: 99 },
  { id: 10, mergedToId: 11 },
  { id: 11, mergedToId: 12 },
  { id: 12, mergedToId: 13 },
  { id: 13, mergedToId: 14 },
  { id: 14, mergedToId: null },
];

let warehouse: Warehouse;

beforeAll(async () => {
  const url = await createTestDatabase();
  warehouse = await openWarehouse(url);
  const config = testConfig(url, [], { tenants: [sandboxTenantConfig(offline, 'offline', { timezone: 'Pacific/Honolulu' })] });
  await buildModels(config, warehouse, { changes: 'all' }, createLogger({ level: 'warn' }));
  for (const c of CUSTOMERS) {
    const data = { ...c, name: `Customer ${c.id}`, active: c.mergedToId === null };
    await warehouse.pool.query('insert into atlas.crm_customers (tenant_id, id, data, active, run_id) values ($1, $2, $3, $4, 1)', [
      TENANT,
      c.id,
      JSON.stringify(data),
      data.active,
    ]);
  }
});

afterAll(async () => {
  await warehouse?.close();
  await dropTestDatabases();
});

describe('customer_survivors', () => {
  it('ends on loops and gives every customer the survivor the oracle finds', async () => {
    const { rows } = await warehouse.pool.query(
      'select customer_id::int as id, survivor_id::int as survivor, merge_hops as hops from atlas_marts.customer_survivors order by 1',
    );
    const expected = survivors(CUSTOMERS.map((c) => ({ ...c })));
    const oracle = CUSTOMERS.map((c) => ({ id: c.id, survivor: expected.get(c.id)!.survivorId, hops: expected.get(c.id)!.hops }));
    expect(rows).toEqual(oracle.sort((a, b) => a.id - b.id));
    expect(rows.find((r) => r.id === 10)).toEqual({ id: 10, survivor: 14, hops: 4 });
    expect(rows.find((r) => r.id === 6)).toEqual({ id: 6, survivor: 6, hops: 0 });
  });

  it('credits a four-hop chain to its survivor in customer_lifetime', async () => {
    const { rows } = await warehouse.pool.query(
      'select customer_id::int as id, merged_customer_count::int as merged from atlas_marts.customer_lifetime order by 1',
    );
    expect(rows).toEqual([
      { id: 5, merged: 0 },
      { id: 14, merged: 4 },
    ]);
  });
});
