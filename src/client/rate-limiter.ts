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
 * Ownership: there is no registry. A ServiceTitanClient creates its own bucket unless it is given
 * one (`ClientOptions.rateLimiter`); `atlas build` / `sync` create one client per tenant, shared by
 * all of that tenant's endpoints, so each (app key, tenant) has exactly one bucket. Whoever creates
 * several clients for the same pair must create one bucket and pass it to each of them: separate
 * buckets would each allow the full ceiling.
 */
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
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private readonly requestsPerSecond: number;
  /** Theoretical arrival time of the next request at the sustained rate (epoch ms). */
  private tat = 0;
  private pausedUntilMs = 0;

  /** The ceiling is fixed for the bucket's life: the tenant's `requestsPerSecond`, chosen by its creator. */
  constructor(
    requestsPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    const shape = bucketShape(requestsPerSecond);
    this.requestsPerSecond = requestsPerSecond;
    this.intervalMs = 1000 / shape.refillPerSecond;
    this.toleranceMs = (shape.burst - 1) * this.intervalMs;
  }

  get ceiling(): number {
    return this.requestsPerSecond;
  }

  get pausedUntil(): number {
    return this.pausedUntilMs;
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
}
