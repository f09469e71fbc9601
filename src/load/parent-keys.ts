/**
 * The parents of a per-parent walk: keys of the tenant's live rows in the parent endpoint's
 * staging table, in key order, a batch at a time (never the whole table in memory). The parent
 * is keyed by one bigint column (checked by the per-parent walker against the catalog).
 */
import { qualified, quoteIdent } from '../db/identifiers.js';
import type { Queryable } from '../db/queryable.js';
import type { StagingTarget } from './staging-target.js';

/** Whether the target's staging table exists (a parent endpoint never extracted has none). */
export async function stagingTableExists(db: Queryable, target: StagingTarget): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [
    target.schema,
    target.table,
  ]);
  return Boolean(rowCount);
}

/** Up to `limit` parent keys (as text) after `after` (null: from the first), in key order. */
export async function parentKeysAfter(
  db: Queryable,
  parents: StagingTarget,
  tenantId: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const key = quoteIdent(parents.keyColumns[0]);
  const { rows } = await db.query<{ key: string }>(
    `select ${key}::text as key from ${qualified(parents.schema, parents.table)}
     where tenant_id = $1 and deleted_at is null and ($2::bigint is null or ${key} > $2::bigint) order by ${key} limit $3`,
    [tenantId, after, limit],
  );
  return rows.map((row) => row.key);
}
