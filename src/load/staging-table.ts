/**
 * Staging table DDL. One table per extracted endpoint, one row per (tenant, record key):
 *   tenant_id, <key columns>, [parent_id for per-parent endpoints], data jsonb (the record as received), modified_on, active,
 *   deleted_at (set when a full-refresh list stops returning the row), run_id, extracted_at.
 * Created on demand by the loader (the set of tables follows the catalog, not a migration).
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { withTransaction } from '../db/transaction.js';
import { PARENT_COLUMN, type StagingTarget } from './staging-target.js';

export function stagingTableDdl(target: StagingTarget): string {
  const keys = target.keyColumns.map((column, i) => `${quoteIdent(column)} ${target.keyTypes[i]} not null`);
  const primaryKey = ['tenant_id', ...target.keyColumns].map(quoteIdent).join(', ');
  return `create table if not exists ${qualified(target.schema, target.table)} (
  tenant_id bigint not null,
  ${keys.join(',\n  ')},${target.hasParent ? `\n  ${PARENT_COLUMN} bigint,` : ''}
  data jsonb not null,
  modified_on timestamptz,
  active boolean not null default true,
  deleted_at timestamptz,
  run_id bigint not null,
  extracted_at timestamptz not null default now(),
  primary key (${primaryKey})
)`;
}

/**
 * Creates the missing staging tables in one transaction. Concurrent `create table if not exists`
 * of one table can still collide in the catalog (tenants, or two Atlas processes, starting
 * together), so creation is serialised per schema with a transaction-scoped advisory lock.
 */
export async function ensureStagingTables(pool: pg.Pool, targets: StagingTarget[]): Promise<void> {
  if (targets.length === 0) return;
  await withTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`atlas-ddl:${targets[0].schema}`]);
    for (const target of targets) await client.query(stagingTableDdl(target));
  });
}
