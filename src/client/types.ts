/**
 * Public shapes of the ServiceTitan client. Kept apart from the implementation so the extractor
 * and tests can import types without pulling in got.
 */
import type { TenantConfig } from '../config/types.js';
import type { Logger } from '../log/logger.js';
import type { SecretSet } from '../log/secret-set.js';
import type { TokenBucket } from './rate-limiter.js';

export interface BackoffOptions {
  /** First retry waits up to `baseMs`; each further retry doubles the ceiling. */
  baseMs: number;
  /** Ceiling of any single backoff wait. */
  maxMs: number;
}

export interface ClientOptions {
  tenant: TenantConfig;
  logger?: Logger;
  /** First try + retries for retriable failures (5xx, resets, timeouts, unparseable 200s). Default 8. */
  maxAttempts?: number;
  /** Per HTTP request, whole exchange including the body. Default 100_000 (ServiceTitan's own limit). */
  timeoutMs?: number;
  /** Full-jitter exponential backoff. Default { baseMs: 500, maxMs: 30_000 }. */
  backoff?: BackoffOptions;
  userAgent?: string;
  /**
   * The bucket for this tenant's (app key, tenant) pair, when several clients must share one
   * budget; its own ceiling applies and `tenant.requestsPerSecond` is not read. Default: a bucket
   * of the client's own, at `tenant.requestsPerSecond` (right when one client serves the tenant).
   */
  rateLimiter?: TokenBucket;
  /**
   * Where the client keeps its client secret, app key and current access token for redaction;
   * pass one to mask them in your own output too (clients may share one). Default: a set of its
   * own. It stays bounded: each client's renewed token replaces that client's previous one.
   */
  secrets?: SecretSet;
}

export interface ApiResponse<T = unknown> {
  /** Parsed JSON body (null for 204 No Content). */
  body: T;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** HTTP requests sent for this call, including retries, 429 waits and the 401 re-auth retry. */
  attempts: number;
  /** The requested URL, passed through redaction (no secrets; continuation tokens are kept). */
  url: string;
}

export interface RequestContext {
  /** Name used in logs and error messages (e.g. a catalog name such as `crm/export/customers`). */
  endpoint?: string;
  /** Cancels waiting and the in-flight request; the call then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Default GET. POST sends `json` as the body (the Reporting API's data call). */
  method?: 'GET' | 'POST';
  /** JSON request body, for POST. */
  json?: unknown;
  /**
   * Statuses handed back to the caller at once as ApiError API_REQUEST_FAILED (with `status` and,
   * for 429, `details.retryAfterMs`) instead of being retried here: report calls use it for 429 and
   * 409, whose waits belong to one report, not to the tenant's whole rate limiter.
   */
  finalStatuses?: number[];
}

export interface ClientStats {
  /** HTTP requests sent to the API (every attempt counts; token requests do not). */
  requests: number;
  /** Attempts beyond the first, for any reason (5xx, network, timeout, 429, 401 re-auth). */
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Tokens fetched to replace an earlier one (expiry or 401); the first token is not a renewal. */
  tokenRenewals: number;
}

export type QueryValue = string | number | boolean | undefined;
export type Query = Record<string, QueryValue>;
