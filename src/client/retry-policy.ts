/**
 * Retry policy: what is worth retrying, and how long to wait.
 *
 * - 5xx, 408, resets/drops, timeouts and unparseable 200 bodies are retried with full-jitter
 *   exponential backoff (AWS "full jitter": wait uniformly in [0, min(max, base·2^(n-1))]) so that
 *   many clients failing together do not retry in lockstep.
 * - 429 waits for `Retry-After` (ServiceTitan tells us exactly when to come back) instead of
 *   backoff, on a separate, larger budget.
 * - 401 gets one re-authentication; other 4xx are final (retrying cannot fix the request).
 */
import type { BackoffOptions } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_TIMEOUT_MS = 100_000;
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };
/** Wait used when a 429 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;
/**
 * Longest `Retry-After` honoured. A tenant's lock is held while it waits, so an unbounded answer
 * (sixteen answers of 3600 held a tenant for 16 hours) would stall every run behind it; past
 * this a retry simply finds out sooner, and the bounded 429 budget still ends the request.
 */
export const MAX_RETRY_AFTER_MS = 60_000;
/** 429s are not the endpoint's fault, so they get their own budget — but a bounded one. */
export const RATE_LIMIT_BUDGET_FACTOR = 2;

/** Wait before retry number `retry` (1 = first retry). `random` is injectable for tests. */
export function backoffDelay(retry: number, backoff: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in milliseconds: delta-seconds (`"5"`, `"1.5"`) or an HTTP-date. Returns
 * undefined when absent or unreadable; never negative, never above MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(value) * 1000));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}

export type ResponseClass = 'ok' | 'unauthorized' | 'rate-limited' | 'retriable' | 'final';

export function classifyStatus(status: number): ResponseClass {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status >= 500 || status === 408) return 'retriable';
  return 'final';
}
