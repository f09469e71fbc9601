/**
 * Closes a snapshot walk (dispatch capacity, src/extract/capacity-walker.ts) in one transaction:
 * the tenant's rows whose frame starts within the horizon just read (`startUtc` at or after
 * `horizonStart`) and that the walk did not see are deleted outright — a forecast that is no
 * longer offered is superseded, not a record ServiceTitan deleted, so it is not kept as a mark.
 * Rows of days before the horizon (days that have passed) are left as they were last read: the
 * history of what was forecast. The walk's keys are dropped, the count is added to the run's
 * figures (`deleted`) and the cursor is written.
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { withTransaction } from '../db/transaction.js';
import { addRunFigures } from '../runs/run-records.js';
import type { Cursor } from './cursor.js';
import { writeCursor } from './cursor-store.js';
import { clearSeenKeys } from './finish-full-walk.js';
import type { StagingTarget } from './staging-target.js';

export interface SnapshotClose {
  runId: number;
  walkId: string;
  /** The first window's start (a UTC instant): rows starting at or after it belong to the horizon. */
  horizonStart: string;
  cursor: Cursor;
}

/** Deletes the horizon's rows the walk did not see; returns how many. */
export async function replaceSnapshotHorizon(
  pool: pg.Pool,
  target: StagingTarget,
  tenantId: string,
  close: SnapshotClose,
): Promise<number> {
  return withTransaction(pool, async (client) => {
    const keyArray = `jsonb_build_array(${target.keyColumns.map((c) => 's.' + quoteIdent(c)).join(', ')})`;
    const removed = await client.query(
      `delete from ${qualified(target.schema, target.table)} as s
       where s.tenant_id = $1 and (s.data->>'startUtc')::timestamptz >= $4::timestamptz and ${keyArray} not in (
         select k.key from ${qualified(target.schema, '_seen_keys')} k
         where k.tenant_id = $1 and k.endpoint = $2 and k.walk_id = $3)`,
      [tenantId, target.endpoint, close.walkId, close.horizonStart],
    );
    const deleted = removed.rowCount ?? 0;
    await clearSeenKeys(client, target, tenantId);
    await addRunFigures(client, target.schema, close.runId, target.endpoint, { deleted });
    await writeCursor(client, target.schema, tenantId, target.endpoint, close.cursor, close.runId);
    return deleted;
  });
}
