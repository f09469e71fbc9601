/**
 * Hands the jobs of dead workers back to the queue. graphile-worker itself frees a job locked by a
 * vanished worker only after four hours; Atlas workers look every few seconds instead, using
 * liveness locks (./liveness.ts), and call graphile-worker's `force_unlock_workers` for the ids of
 * workers that are gone. The freed sync is then taken by any worker and resumes from the cursors
 * its predecessor committed; the tenant lock still guards against two syncs of one tenant.
 */
import type pg from 'pg';
import { quoteIdent } from '../db/identifiers.js';
import { isWorkerGone } from './liveness.js';

/** Jobs locked more recently than this are not judged: their worker may not have taken its liveness lock yet. */
export const RESCUE_GRACE_SECONDS = 10;

/** Frees the jobs of gone workers; returns the ids of the workers whose jobs were freed. */
export async function rescueJobsOfGoneWorkers(pool: pg.Pool, workerSchema: string): Promise<string[]> {
  const schema = quoteIdent(workerSchema);
  const client = await pool.connect();
  try {
    const { rows } = await client.query(
      `select distinct locked_by from ${schema}.jobs where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
      [RESCUE_GRACE_SECONDS],
    );
    const gone: string[] = [];
    for (const { locked_by: workerId } of rows as Array<{ locked_by: string }>) {
      if (await isWorkerGone(client, workerSchema, workerId)) gone.push(workerId);
    }
    if (gone.length > 0) await client.query(`select ${schema}.force_unlock_workers($1::text[])`, [gone]);
    return gone;
  } finally {
    client.release();
  }
}
