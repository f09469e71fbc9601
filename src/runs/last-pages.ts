/**
 * Pages each endpoint took in the tenant's most recent successful walk of it: the expected
 * length of its next walk (see src/pipeline/endpoint-order.ts). Empty on a first build.
 */
import type pg from 'pg';
import { qualified } from '../db/identifiers.js';

export async function lastPagesByEndpoint(pool: pg.Pool, schema: string, tenantId: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ endpoint: string; pages: number }>(
    `select distinct on (e.endpoint) e.endpoint, e.pages
       from ${qualified(schema, '_run_endpoints')} e
       join ${qualified(schema, '_runs')} r on r.id = e.run_id
      where r.tenant_id = $1 and e.status = 'succeeded'
      order by e.endpoint, e.run_id desc`,
    [tenantId],
  );
  return new Map(rows.map((row) => [row.endpoint, Number(row.pages)]));
}
