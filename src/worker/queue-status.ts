/**
 * The sync queue as `atlas status` shows it: per tenant, jobs waiting for their time (scheduled),
 * running, waiting to retry after a failure, and failed for good (out of attempts until the next
 * tick replaces the job), with the next run time and the last error. Read from graphile-worker's
 * public `jobs` view; null when no worker has ever created the queue.
 */
import type pg from 'pg';
import { quoteIdent } from '../db/identifiers.js';
import { isoOrNull } from '../db/timestamps.js';
import { SYNC_TASK, tenantIdOfQueue } from './queue-names.js';

export interface TenantQueueStatus {
  tenantId: string;
  scheduled: number;
  running: number;
  retrying: number;
  failed: number;
  nextRunAt: string | null;
  lastError: string | null;
}

export async function readQueueStatus(pool: pg.Pool, workerSchema: string): Promise<TenantQueueStatus[] | null> {
  const exists = await pool.query(`select 1 from information_schema.views where table_schema = $1 and table_name = 'jobs'`, [workerSchema]);
  if (!exists.rowCount) return null;
  const { rows } = await pool.query(
    `select queue_name,
            count(*) filter (where locked_at is null and attempts < max_attempts and last_error is null)::int as scheduled,
            count(*) filter (where locked_at is not null)::int as running,
            count(*) filter (where locked_at is null and attempts < max_attempts and last_error is not null)::int as retrying,
            count(*) filter (where locked_at is null and attempts >= max_attempts)::int as failed,
            min(run_at) filter (where locked_at is null and attempts < max_attempts) as next_run_at,
            (array_agg(last_error order by updated_at desc) filter (where last_error is not null))[1] as last_error
     from ${quoteIdent(workerSchema)}.jobs where task_identifier = $1 group by queue_name order by queue_name`,
    [SYNC_TASK],
  );
  return rows.flatMap((row) => {
    const tenantId = tenantIdOfQueue(row.queue_name);
    if (tenantId === null) return [];
    const { scheduled, running, retrying, failed } = row;
    return [{ tenantId, scheduled, running, retrying, failed, nextRunAt: isoOrNull(row.next_run_at), lastError: row.last_error }];
  });
}
