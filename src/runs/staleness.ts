/**
 * `atlas status --stale-after <duration>`: which tenant/endpoint pairs have not synced
 * successfully within the threshold — by their last successful endpoint run — and which
 * configured tenants never synced at all (reported with endpoint `*`).
 */
import type { EndpointStatus } from './status.js';

export interface StaleEndpoint {
  tenantId: string;
  /** The configured tenant's name, when the config names it. */
  tenantName: string | null;
  /** `*` for a configured tenant with no run at all. */
  endpoint: string;
  lastSuccessAt: string | null;
}

export function findStale(
  endpoints: EndpointStatus[],
  configuredTenants: Array<{ name: string; tenantId: string }>,
  staleAfterSeconds: number,
  now: Date = new Date(),
): StaleEndpoint[] {
  const names = new Map(configuredTenants.map((t) => [t.tenantId, t.name]));
  const cutoff = now.getTime() - staleAfterSeconds * 1000;
  const stale: StaleEndpoint[] = endpoints
    .filter((e) => e.lastSuccessAt === null || Date.parse(e.lastSuccessAt) < cutoff)
    .map((e) => ({
      tenantId: e.tenantId,
      tenantName: names.get(e.tenantId) ?? null,
      endpoint: e.endpoint,
      lastSuccessAt: e.lastSuccessAt,
    }));
  const seen = new Set(endpoints.map((e) => e.tenantId));
  for (const tenant of configuredTenants.filter((t) => !seen.has(t.tenantId))) {
    stale.push({ tenantId: tenant.tenantId, tenantName: tenant.name, endpoint: '*', lastSuccessAt: null });
  }
  return stale;
}

/** A duration such as `90s`, `30m`, `2h`, `1d` in seconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(text.trim());
  if (!match) return null;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : null;
}
