/**
 * How workers tell a dead worker from a busy one. graphile-worker marks a job it runs with the id
 * of the worker pool that took it (`locked_by`, random, chosen by graphile-worker). Every Atlas
 * worker process holds, for each of its pools, a session advisory lock keyed by that id, on one
 * connection of its own, taken the moment graphile-worker announces the pool (`pool:create`).
 * Postgres drops the locks when the connection ends, so also when the process is SIGKILLed or its
 * machine dies: a pool id whose lock can be taken belongs to no running worker.
 *
 * The lock is taken within milliseconds of the pool's creation, but not atomically with it; the
 * rescue therefore only judges jobs locked for longer than a grace period (./rescue.ts).
 */
import type pg from 'pg';

export interface Liveness {
  /** Holds the lock of a pool id of this process until `release`. */
  adopt(poolId: string): Promise<void>;
  release(): Promise<void>;
}

/** The two advisory-lock keys of a pool id in a queue schema. */
function lockKeys(workerSchema: string, poolId: string): [string, string] {
  return [`atlas-worker:${workerSchema}`, poolId];
}

export async function holdLiveness(pool: pg.Pool, workerSchema: string): Promise<Liveness> {
  const client = await pool.connect();
  const held: string[] = [];
  return {
    async adopt(poolId) {
      await client.query('select pg_advisory_lock(hashtext($1), hashtext($2))', lockKeys(workerSchema, poolId));
      held.push(poolId);
    },
    async release() {
      try {
        for (const poolId of held.splice(0)) {
          await client.query('select pg_advisory_unlock(hashtext($1), hashtext($2))', lockKeys(workerSchema, poolId));
        }
      } finally {
        client.release();
      }
    },
  };
}

/** Whether the worker pool with this id is gone (nobody holds its lock). Never leaves the lock taken. */
export async function isWorkerGone(client: pg.PoolClient, workerSchema: string, poolId: string): Promise<boolean> {
  const keys = lockKeys(workerSchema, poolId);
  const { rows } = await client.query('select pg_try_advisory_lock(hashtext($1), hashtext($2)) as free', keys);
  if (!rows[0].free) return false;
  await client.query('select pg_advisory_unlock(hashtext($1), hashtext($2))', keys);
  return true;
}
