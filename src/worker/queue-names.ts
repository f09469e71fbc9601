/**
 * The names Atlas gives its work on the graphile-worker queue. The queue lives in the warehouse
 * database, in a schema of its own next to the staging schema (`atlas` → `atlas_worker`), so two
 * Atlas schemas in one database keep separate queues.
 *
 * Each tenant's syncs share a job queue (graphile-worker runs the jobs of one named queue one at a
 * time, across every worker) and a job key (a tick while a sync is waiting replaces it instead of
 * piling up a second one). Both are keyed by the tenant id, which is what rows are keyed by.
 */
import { assertIdentifier } from '../db/identifiers.js';

/** The graphile-worker task that syncs one tenant; its payload is `SyncPayload`. */
export const SYNC_TASK = 'atlas_sync';

export interface SyncPayload {
  tenantId: string;
}

/** Postgres truncates identifiers longer than this. */
const MAX_IDENTIFIER_LENGTH = 63;

/** The queue's schema for a staging schema (which is already a checked plain identifier). */
export function workerSchemaFor(stagingSchema: string): string {
  const schema = `${stagingSchema}_worker`;
  if (schema.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`the worker schema "${schema}" would be longer than ${MAX_IDENTIFIER_LENGTH} characters: choose a shorter schema`);
  }
  return assertIdentifier(schema, 'worker schema');
}

/** The serial job queue of one tenant's syncs. */
export function syncQueueName(tenantId: string): string {
  return `${SYNC_TASK}:${tenantId}`;
}

/** The job key of one tenant's next sync. */
export function syncJobKey(tenantId: string): string {
  return `${SYNC_TASK}:${tenantId}`;
}

/** The tenant id of a sync queue name, or null for another queue. */
export function tenantIdOfQueue(queueName: string | null): string | null {
  const prefix = `${SYNC_TASK}:`;
  return queueName?.startsWith(prefix) ? queueName.slice(prefix.length) : null;
}
