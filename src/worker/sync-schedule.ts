/**
 * The worker's crontab, built from config: one graphile-worker cron item per scheduled tenant
 * (its own `schedule`, else the global one), each adding that tenant's sync job. Tenants with no
 * schedule at all are left out (and reported), so `atlas worker` can also serve jobs added by hand.
 *
 * Backfill: a tick missed while no worker ran (within `BACKFILL_MS`) is added when a worker
 * starts; the job key folds several missed ticks of a tenant into one sync.
 */
import type { CronItem } from 'graphile-worker';
import type { AtlasConfig, TenantConfig } from '../config/types.js';
import { SYNC_TASK, syncJobKey, syncQueueName, type SyncPayload } from './queue-names.js';

/** How far back missed ticks are caught up at start. */
export const BACKFILL_MS = 60 * 60 * 1000;

/**
 * Attempts of one sync job before it stays failed until the next tick replaces it; retries wait
 * graphile-worker's exponential backoff (about 3 s, 7 s, 20 s, 55 s).
 */
export const SYNC_MAX_ATTEMPTS = 5;

/** The options every sync job of a tenant is added with, by cron or by `--sync-now`. */
export function syncJobSpec(tenant: TenantConfig) {
  return {
    queueName: syncQueueName(tenant.tenantId),
    jobKey: syncJobKey(tenant.tenantId),
    jobKeyMode: 'replace' as const,
    maxAttempts: SYNC_MAX_ATTEMPTS,
  };
}

export interface SyncSchedule {
  items: CronItem[];
  /** Names of the tenants no schedule applies to. */
  unscheduled: string[];
}

export function syncSchedule(config: Pick<AtlasConfig, 'tenants' | 'schedule'>): SyncSchedule {
  const items: CronItem[] = [];
  const unscheduled: string[] = [];
  for (const tenant of config.tenants) {
    const match = tenant.schedule ?? config.schedule;
    if (!match) {
      unscheduled.push(tenant.name);
      continue;
    }
    const payload: SyncPayload = { tenantId: tenant.tenantId };
    items.push({
      task: SYNC_TASK,
      match,
      identifier: `${SYNC_TASK}:${tenant.tenantId}`,
      payload: { ...payload },
      options: { ...syncJobSpec(tenant), backfillPeriod: BACKFILL_MS },
    });
  }
  return { items, unscheduled };
}
