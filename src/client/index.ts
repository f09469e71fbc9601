/**
 * The ServiceTitan client: auth, rate limiting, retries and transport behind one facade.
 * See client.ts for the request contract and docs/errors.md for the error codes it raises.
 */
export { ServiceTitanClient } from './client.js';
export type { ApiResponse, BackoffOptions, ClientOptions, ClientStats, Query, QueryValue, RequestContext } from './types.js';
export { bucketShape, DECREASE, FLOOR, HEADROOM, JITTER_ALLOWANCE_MS, RECOVERY_PER_SECOND, TokenBucket } from './rate-limiter.js';
export { SecretSet } from '../log/secret-set.js';
export { backoffDelay, parseRetryAfter } from './retry-policy.js';
