/** Shared setup for the client tests: sandbox tenants, fast client options, log collection. */
import type { ClientOptions } from '../../../src/client/index.js';
import type { TenantConfig } from '../../../src/config/types.js';
import { createLogger, type Logger } from '../../../src/log/logger.js';
import type { Sandbox } from '../../../sandbox/index.js';

/** A TenantConfig for `sandbox`, optionally pointing API and auth at a proxy in front of it. */
export function tenantFor(sandbox: Sandbox, overrides: Partial<TenantConfig> = {}, via?: string): TenantConfig {
  return {
    name: 'client-test',
    tenantId: sandbox.tenantId,
    ...sandbox.credentials,
    timezone: 'UTC',
    environment: 'integration',
    apiUrl: via ?? sandbox.apiUrl,
    authUrl: `${via ?? sandbox.url}/connect/token`,
    requestsPerSecond: 1000,
    ...overrides,
  };
}

/** Small waits so retry tests stay fast; the policy is the same as production's. */
export const fast: Pick<ClientOptions, 'backoff' | 'timeoutMs' | 'maxAttempts'> = {
  backoff: { baseMs: 5, maxMs: 40 },
  timeoutMs: 5_000,
  maxAttempts: 8,
};

export interface CollectedLog {
  logger: Logger;
  lines: string[];
}

export function collectLog(format: 'text' | 'json' = 'text'): CollectedLog {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', format, write: (line) => lines.push(line) }) };
}

export function exportPath(sandbox: Sandbox, resource = 'customers'): string {
  return `crm/v2/tenant/${sandbox.tenantId}/export/${resource}`;
}

/** Milliseconds between consecutive sandbox request-log entries' arrival times. */
export function arrivalTimes(sandbox: Sandbox): number[] {
  return sandbox.requests().map((r) => Date.parse(r.at));
}

/** Largest number of arrivals inside any half-open window [t, t + windowMs) starting at an arrival. */
export function maxInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j] < sorted[i] + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}
