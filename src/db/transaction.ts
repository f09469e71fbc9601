/**
 * Runs `work` on one pooled connection inside a transaction: committed when `work` resolves,
 * rolled back when it throws (the original error is rethrown; a failing rollback is ignored,
 * since the connection's loss already discards the transaction). The client is always released,
 * and destroyed when its connection was lost.
 *
 * On a pool made by `reconnectingPool` (src/db/reconnect.ts) a transaction that fails for a lost
 * connection runs again, whole, on a fresh one. Only a lost COMMIT is ambiguous (the server may
 * have committed before the connection broke): the transaction's id is read when it begins, and
 * before running again Atlas asks the server whether it committed (`txid_status`), so a page is
 * never loaded (and counted) twice.
 */
import type pg from 'pg';
import { isConnectionLoss } from './database-failure.js';
import { reconnectOf } from './reconnect.js';

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, doing?: string): Promise<T> {
  const reconnecting = reconnectOf(pool);
  if (!reconnecting) return once(pool, work);
  let lostCommit: { xid: string; result: T } | null = null;
  return reconnecting.reconnect.attempt(doing ?? reconnecting.doing, async () => {
    if (lostCommit) {
      if (await committed(reconnecting.pool, lostCommit.xid)) return lostCommit.result;
      lostCommit = null;
    }
    return once(reconnecting.pool, work, (xid, result) => {
      lostCommit = { xid, result };
    });
  });
}

async function once<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  onLostCommit?: (xid: string, result: T) => void,
): Promise<T> {
  const client = await pool.connect();
  let lost = false;
  let committing: { xid: string; result: T } | null = null;
  try {
    const xid = await begin(client, onLostCommit !== undefined);
    const result = await work(client);
    committing = { xid, result };
    await client.query('commit');
    return result;
  } catch (error) {
    lost = isConnectionLoss(error);
    if (lost && committing) onLostCommit?.(committing.xid, committing.result);
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release(lost || undefined);
  }
}

/** Begins a transaction; with `withId`, returns its id (same round trip), else ''. */
async function begin(client: pg.PoolClient, withId: boolean): Promise<string> {
  if (!withId) {
    await client.query('begin');
    return '';
  }
  const results = (await client.query('begin; select txid_current()::text as xid')) as unknown as pg.QueryResult<{ xid: string }>[];
  return results[1].rows[0].xid;
}

/** Whether the transaction `xid` committed, asked on another connection. */
async function committed(pool: pg.Pool, xid: string): Promise<boolean> {
  const { rows } = await pool.query<{ status: string | null }>('select txid_status($1::bigint) as status', [xid]);
  return rows[0].status === 'committed';
}
