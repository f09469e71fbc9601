/**
 * Client-side rate limiting per (app key, tenant) — the unit ServiceTitan limits on.
 *
 * Contract: for a ceiling of `rps` requests per second, no half-open 1-second window ever holds
 * more than `rps` request starts from this process for that pair. Implemented as a token bucket in
 * GCRA form (one "theoretical arrival time" instead of a token count): a small burst `b` may go
 * at once, then requests are spaced by 1/r'. With r' = rps − b + 1 a window holds at most
 * b + r' − 1 = rps starts. The burst is kept small (≤ 5) because ServiceTitan's own limiter is
 * described as a leaky bucket, which punishes bursts.
 *
 * On a 429 the whole bucket pauses until Retry-After has passed: every waiter for the pair,
 * including requests that already had a slot, waits, and the bucket restarts without a burst.
 *
 * Buckets live in a module-level registry so several clients for the same pair (e.g. one per
 * endpoint worker) share one budget. The registry key holds a hash of the app key, never the key.
 */
import { createHash } from 'node:crypto';
import { sleep } from './sleep.js';

export interface BucketShape {
  burst: number;
  /** Sustained requests per second after the burst. */
  refillPerSecond: number;
}

export function bucketShape(requestsPerSecond: number): BucketShape {
  if (!(requestsPerSecond > 0)) throw new RangeError('requestsPerSecond must be a positive number');
  const burst = Math.max(1, Math.min(5, Math.floor(requestsPerSecond / 20)));
  return { burst, refillPerSecond: requestsPerSecond - burst + 1 };
}

export class TokenBucket {
  private intervalMs = 0;
  private toleranceMs = 0;
  private requestsPerSecond = 0;
  /** Theoretical arrival time of the next request at the sustained rate (epoch ms). */
  private tat = 0;
  private pausedUntilMs = 0;

  constructor(requestsPerSecond: number, private readonly now: () => number = Date.now) {
    this.configure(requestsPerSecond);
  }

  get ceiling(): number {
    return this.requestsPerSecond;
  }

  get pausedUntil(): number {
    return this.pausedUntilMs;
  }

  /** Lowers the ceiling (never raises it: when clients disagree the most careful one wins). */
  restrictTo(requestsPerSecond: number): void {
    if (requestsPerSecond < this.requestsPerSecond) this.configure(requestsPerSecond);
  }

  /** Resolves when the caller may start one request; rejects with `signal.reason` if cancelled. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      const start = Math.max(now, this.pausedUntilMs, this.tat - this.toleranceMs);
      this.tat = Math.max(this.tat, start) + this.intervalMs;
      // Re-check after every wake-up: timers may fire a millisecond early, and a 429 may have
      // paused the bucket while we slept (then our slot is void and we queue again).
      let current = now;
      while (current < start && this.pausedUntilMs <= start) {
        await sleep(start - current, signal);
        current = this.now();
      }
      if (this.pausedUntilMs <= current) return;
    }
  }

  /** Stops every request for this pair for `ms` (a 429's Retry-After). Pauses only ever extend. */
  pause(ms: number): void {
    const until = this.now() + ms;
    if (until <= this.pausedUntilMs) return;
    this.pausedUntilMs = until;
    // Resume with one request at `until`, then the sustained spacing: no burst straight after a 429.
    this.tat = Math.max(this.tat, until + this.toleranceMs);
  }

  private configure(requestsPerSecond: number): void {
    const shape = bucketShape(requestsPerSecond);
    this.requestsPerSecond = requestsPerSecond;
    this.intervalMs = 1000 / shape.refillPerSecond;
    this.toleranceMs = (shape.burst - 1) * this.intervalMs;
  }
}

const registry = new Map<string, TokenBucket>();

function registryKey(appKey: string, tenantId: string): string {
  return `${createHash('sha256').update(appKey).digest('hex').slice(0, 16)}:${tenantId}`;
}

/** The shared bucket for (appKey, tenantId), created on first use. */
export function rateLimiterFor(appKey: string, tenantId: string, requestsPerSecond: number): TokenBucket {
  const key = registryKey(appKey, tenantId);
  const existing = registry.get(key);
  if (existing) {
    existing.restrictTo(requestsPerSecond);
    return existing;
  }
  const bucket = new TokenBucket(requestsPerSecond);
  registry.set(key, bucket);
  return bucket;
}
