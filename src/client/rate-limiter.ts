/**
 * Client-side rate limiting per (app key, tenant) — the unit ServiceTitan limits on.
 *
 * Contract, for a configured ceiling of `rps` requests per second:
 * - Headroom. The bucket spends at most `HEADROOM` (90 %) of the ceiling: no half-open 1-second
 *   window holds more than 0.9·rps request starts from this process. So a server counting
 *   arrivals in a strict one-second window sees at most `rps` in any window even when each
 *   request reaches it after a varying delay of up to `JITTER_ALLOWANCE_MS` (100 ms): that only
 *   stretches the window the starts can come from to 1.1 s, which holds at most rps starts.
 *   Spending exactly the ceiling (the previous contract) turned ordinary jitter into 429s.
 * - Adaptation. A 429 means the server's budget is lower than ours (a smaller real limit, or
 *   another application sharing the tenant's): the rate drops to `DECREASE` (70 %) of what it
 *   was, once per episode (429s of requests already in flight do not cut again), never below
 *   `FLOOR` (5 %) of the ceiling, then recovers linearly by `RECOVERY_PER_SECOND` (2 % of the
 *   ceiling per second) from the end of the pause, back to the headroom rate.
 * - A 429 costs only its Retry-After. The whole bucket pauses until Retry-After has passed (every
 *   waiter for the pair, including requests that already had a slot), and not a moment longer:
 *   the first request after it starts when the pause ends, then the (adapted) spacing follows.
 *
 * - Real starts, not only reserved ones. Slots are reserved ahead (below), but a caller whose
 *   timer fires late starts late; after an event-loop stall several do so at once. A log of the
 *   last second's real starts holds them back, so the bound above is on when requests really left.
 *
 * Shape: a token bucket in GCRA form (one "theoretical arrival time" instead of a token count): a
 * small burst `b` may go at once, then requests are spaced by 1/r'. With r' = E − b + 1 a window
 * holds at most b + r' − 1 = E starts, E being the rate in force. The burst is kept small (≤ 5)
 * because ServiceTitan's own limiter is described as a leaky bucket, which punishes bursts.
 *
 * Ownership: there is no registry. A ServiceTitanClient creates its own bucket unless it is given
 * one (`ClientOptions.rateLimiter`); `atlas build` / `sync` create one client per tenant, shared by
 * all of that tenant's endpoints, so each (app key, tenant) has exactly one bucket. Whoever creates
 * several clients for the same pair must create one bucket and pass it to each of them: separate
 * buckets would each allow the full ceiling.
 */
import { sleep } from './sleep.js';

/** Share of the configured ceiling the bucket spends when no 429 has been seen. */
export const HEADROOM = 0.9;
/** Arrival jitter the headroom absorbs: (1 / HEADROOM − 1) · 1 s, rounded down. */
export const JITTER_ALLOWANCE_MS = 100;
/** Factor applied to the rate in force on a 429 episode. */
export const DECREASE = 0.7;
/** The rate never drops below this share of the ceiling. */
export const FLOOR = 0.05;
/** Share of the ceiling regained per second without a 429, from the end of the last pause. */
export const RECOVERY_PER_SECOND = 0.02;

export interface BucketShape {
  burst: number;
  /** Sustained requests per second after the burst. */
  refillPerSecond: number;
}

/** Burst and sustained rate for a rate `requestsPerSecond` that no one-second window may exceed. */
export function bucketShape(requestsPerSecond: number): BucketShape {
  if (!(requestsPerSecond > 0)) throw new RangeError('requestsPerSecond must be a positive number');
  const burst = Math.max(1, Math.min(5, Math.floor(requestsPerSecond / 20)));
  return { burst, refillPerSecond: requestsPerSecond - burst + 1 };
}

export class TokenBucket {
  private readonly requestsPerSecond: number;
  /** Rate in force right after the last cut, and when the recovery from it starts (epoch ms). */
  private cutRate: number;
  private recoveringFrom = 0;
  /** Theoretical arrival time of the next request at the sustained rate (epoch ms). */
  private tat = 0;
  private pausedUntilMs = 0;
  /** When the requests of the last second really started (epoch ms), oldest first. */
  private readonly started: number[] = [];

  /** The ceiling is fixed for the bucket's life: the tenant's `requestsPerSecond`, chosen by its creator. */
  constructor(
    requestsPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    bucketShape(requestsPerSecond); // validates
    this.requestsPerSecond = requestsPerSecond;
    this.cutRate = this.targetRate;
  }

  /** The configured ceiling. */
  get ceiling(): number {
    return this.requestsPerSecond;
  }

  get pausedUntil(): number {
    return this.pausedUntilMs;
  }

  /** The rate the bucket spends at `at` (requests/s): the headroom rate, or less while recovering from a 429. */
  rateAt(at: number = this.now()): number {
    const recovered = this.cutRate + RECOVERY_PER_SECOND * this.requestsPerSecond * (Math.max(0, at - this.recoveringFrom) / 1000);
    return Math.min(this.targetRate, recovered);
  }

  /** Resolves when the caller may start one request; rejects with `signal.reason` if cancelled. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      const shape = bucketShape(this.rateAt(now));
      const intervalMs = 1000 / shape.refillPerSecond;
      const toleranceMs = (shape.burst - 1) * intervalMs;
      const start = Math.max(now, this.pausedUntilMs, this.tat - toleranceMs);
      this.tat = Math.max(this.tat, start) + intervalMs;
      // Re-check after every wake-up: timers may fire a millisecond early, and a 429 may have
      // paused the bucket while we slept (then our slot is void and we queue again).
      let current = now;
      while (current < start && this.pausedUntilMs <= start) {
        await sleep(start - current, signal);
        current = this.now();
      }
      if (this.pausedUntilMs > current) continue;
      if (this.startedInLastSecond(current) < Math.max(1, Math.floor(this.rateAt(current)))) {
        this.started.push(current);
        return;
      }
      // A stalled event loop (GC, a large page being parsed, a busy machine) woke several reserved
      // slots late and at once: starting them all would put more than the rate in force into one
      // real second. Wait for the oldest start of that second to age out, then queue again.
      await sleep(this.started[0] + 1000 - current, signal);
    }
  }

  /** Real starts in the second before `at` (the reserved slots say when starts should be; this, when they were). */
  private startedInLastSecond(at: number): number {
    while (this.started.length > 0 && at - this.started[0] >= 1000) this.started.shift();
    return this.started.length;
  }

  /**
   * A 429 with Retry-After `ms`: stops every request for this pair until then (pauses only ever
   * extend) and, once per episode, lowers the rate. A 429 that arrives while the bucket is
   * paused came from a request sent before the first one was answered: same episode.
   */
  pause(ms: number): void {
    const now = this.now();
    const until = now + ms;
    if (now >= this.pausedUntilMs) {
      this.cutRate = Math.max(FLOOR * this.requestsPerSecond, this.rateAt(now) * DECREASE);
    }
    if (until <= this.pausedUntilMs) return;
    this.pausedUntilMs = until;
    this.recoveringFrom = until;
    // Resume with one request at `until` — the slots reserved before the 429 are void, and
    // the ones after it follow at the new spacing: no burst straight after a 429, no extra wait.
    this.tat = until;
  }

  private get targetRate(): number {
    return HEADROOM * this.requestsPerSecond;
  }
}
