/**
 * Ends a sweeping walk (a full-refresh list, an incremental list's sweep, a per-parent walk) in
 * one transaction: every row of the tenant that the walk did not see is marked deleted
 * (`deleted_at`, `active = false`; the row and its last data stay), the walk's key list is
 * dropped, the count is added to the run's figures and the cursor closes the walk.
 *
 * Marking is withheld (nothing marked, the walk still closed, so the next run walks afresh) when
 * the walk was not complete (`guard.complete` false: a page came back empty while saying
 * `hasMore`), or when it would be a mass deletion (see mass-deletion.ts) the run does not allow.
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import type { Queryable } from '../db/queryable.js';
import { withTransaction } from '../db/transaction.js';
import { addRunFigures } from '../runs/run-records.js';
import type { Cursor } from './cursor.js';
import { isMassDeletion, MASS_DELETION_SHARE } from './mass-deletion.js';
import { writeCursor } from './cursor-store.js';
import type { StagingTarget } from './staging-target.js';

/** Forgets the keys recorded by earlier sweeps of this (tenant, endpoint): a new sweep starts empty. */
export async function clearSeenKeys(db: Queryable, target: StagingTarget, tenantId: string): Promise<void> {
  await db.query(`delete from ${qualified(target.schema, '_seen_keys')} where tenant_id = $1 and endpoint = $2`, [
    tenantId,
    target.endpoint,
  ]);
}

export interface DeletionGuard {
  /** False when the walk may have missed rows (an empty page said `hasMore`): nothing is marked. */
  complete: boolean;
  /** `--allow-mass-delete`: mark however many rows the walk did not see. */
  allowMassDelete: boolean;
}

/** What closing a walk did: rows marked deleted, or rows left unmarked and why. */
export type WalkDeletions =
  | { deleted: number; withheld: null }
  | { deleted: 0; withheld: { reason: 'incomplete' } | { reason: 'mass'; wouldMark: number; live: number } };

/** Marks the rows walk `walkId` did not see as deleted (unless `guard` withholds it), closes the walk with `cursor`. */
export async function finishFullWalk(
  pool: pg.Pool,
  target: StagingTarget,
  tenantId: string,
  runId: number,
  walkId: string,
  cursor: Cursor,
  guard: DeletionGuard,
): Promise<WalkDeletions> {
  return withTransaction(pool, async (client) => {
    let result: WalkDeletions = { deleted: 0, withheld: { reason: 'incomplete' } };
    if (guard.complete) {
      const table = qualified(target.schema, target.table);
      const live = await client.query<{ n: string }>(`select count(*) as n from ${table} where tenant_id = $1 and deleted_at is null`, [
        tenantId,
      ]);
      const keyArray = `jsonb_build_array(${target.keyColumns.map((c) => 's.' + quoteIdent(c)).join(', ')})`;
      // A savepoint lets a refused mass deletion be undone while the walk is still closed below.
      await client.query('savepoint mark_deleted');
      // `not in` over the walk's keys plans as a hashed subplan: one pass over each table, where a
      // correlated `not exists` on a freshly filled, unanalysed key table degrades to a nested loop.
      const marked = await client.query(
        `update ${table} as s set deleted_at = now(), active = false, run_id = $4
         where s.tenant_id = $1 and s.deleted_at is null and ${keyArray} not in (
           select k.key from ${qualified(target.schema, '_seen_keys')} k
           where k.tenant_id = $1 and k.endpoint = $2 and k.walk_id = $3)`,
        [tenantId, target.endpoint, walkId, runId],
      );
      const wouldMark = marked.rowCount ?? 0;
      const liveRows = Number(live.rows[0].n);
      if (!guard.allowMassDelete && isMassDeletion(wouldMark, liveRows)) {
        await client.query('rollback to savepoint mark_deleted');
        result = { deleted: 0, withheld: { reason: 'mass', wouldMark, live: liveRows } };
      } else {
        result = { deleted: wouldMark, withheld: null };
      }
    }
    await clearSeenKeys(client, target, tenantId);
    await addRunFigures(client, target.schema, runId, target.endpoint, { deleted: result.deleted });
    await writeCursor(client, target.schema, tenantId, target.endpoint, cursor, runId);
    return result;
  });
}

/** The run note for deletions a walk withheld, or null when it marked normally. */
export function withheldDeletionNote(deletions: WalkDeletions): string | null {
  const withheld = deletions.withheld;
  if (!withheld) return null;
  if (withheld.reason === 'incomplete') {
    return 'the walk ended early (a page came back empty while saying more pages follow); no rows were marked deleted';
  }
  return (
    `${withheld.wouldMark} of ${withheld.live} live rows were not seen by this walk; not marked deleted, since more than ` +
    `${MASS_DELETION_SHARE * 100}% of a table vanishing at once is more likely a faulty walk than real deletions (run with --allow-mass-delete if they are real)`
  );
}
