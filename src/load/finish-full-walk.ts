/**
 * Ends a complete sweeping walk (a full-refresh list, an incremental list's sweep, a per-parent
 * walk) in one transaction: every row of the tenant that the walk did not see is marked deleted
 * (`deleted_at`, `active = false`; the row and its last data stay), the walk's key list is
 * dropped, the count is added to the run's figures and the cursor closes the walk.
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import type { Queryable } from '../db/queryable.js';
import { withTransaction } from '../db/transaction.js';
import { addRunFigures } from '../runs/run-records.js';
import type { Cursor } from './cursor.js';
import { writeCursor } from './cursor-store.js';
import type { StagingTarget } from './staging-target.js';

/** Forgets the keys recorded by earlier sweeps of this (tenant, endpoint): a new sweep starts empty. */
export async function clearSeenKeys(db: Queryable, target: StagingTarget, tenantId: string): Promise<void> {
  await db.query(`delete from ${qualified(target.schema, '_seen_keys')} where tenant_id = $1 and endpoint = $2`, [
    tenantId,
    target.endpoint,
  ]);
}

/** Marks the rows walk `walkId` did not see as deleted, closes the walk with `cursor`; returns how many were marked. */
export async function finishFullWalk(
  pool: pg.Pool,
  target: StagingTarget,
  tenantId: string,
  runId: number,
  walkId: string,
  cursor: Cursor,
): Promise<number> {
  return withTransaction(pool, async (client) => {
    const keyArray = `jsonb_build_array(${target.keyColumns.map((c) => 's.' + quoteIdent(c)).join(', ')})`;
    // `not in` over the walk's keys plans as a hashed subplan: one pass over each table, where a
    // correlated `not exists` on a freshly filled, unanalysed key table degrades to a nested loop.
    const marked = await client.query(
      `update ${qualified(target.schema, target.table)} as s set deleted_at = now(), active = false, run_id = $4
       where s.tenant_id = $1 and s.deleted_at is null and ${keyArray} not in (
         select k.key from ${qualified(target.schema, '_seen_keys')} k
         where k.tenant_id = $1 and k.endpoint = $2 and k.walk_id = $3)`,
      [tenantId, target.endpoint, walkId, runId],
    );
    await clearSeenKeys(client, target, tenantId);
    const deleted = marked.rowCount ?? 0;
    await addRunFigures(client, target.schema, runId, target.endpoint, { deleted });
    await writeCursor(client, target.schema, tenantId, target.endpoint, cursor, runId);
    return deleted;
  });
}
