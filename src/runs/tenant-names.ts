/**
 * The name each tenant id was last run under (`_runs.tenant_name`), for displays that would
 * otherwise show bare ids. Empty when the warehouse has no runs table yet.
 */
import type pg from 'pg';
import { qualified } from '../db/identifiers.js';

export async function recordedTenantNames(pool: pg.Pool, schema: string): Promise<Map<string, string>> {
  const { rows: present } = await pool.query("select 1 from information_schema.tables where table_schema = $1 and table_name = '_runs'", [
    schema,
  ]);
  if (present.length === 0) return new Map();
  const { rows } = await pool.query(
    `select distinct on (tenant_id) tenant_id::text as tenant_id, tenant_name from ${qualified(schema, '_runs')} order by tenant_id, id desc`,
  );
  return new Map(rows.map((row) => [row.tenant_id as string, row.tenant_name as string]));
}
