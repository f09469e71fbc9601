/**
 * The strict server-side rate limit the sandbox can enforce (`rateLimit` option, `--rate-limit`):
 * a sliding one-second window per server. A request is admitted when fewer than `perSecond`
 * admitted requests arrived in the last 1,000 ms; otherwise it is answered 429 with the whole
 * seconds until the oldest of them leaves the window as `Retry-After` (at least 1). Refused
 * requests do not count, as a limiter that counted its own refusals would lock a busy client out.
 * Arrival is the moment the request reaches the limiter (after the simulated inbound jitter).
 */
export class SlidingWindowLimit {
  /** Arrival times (ms) of the admitted requests still inside the window, oldest first. */
  private readonly arrivals: number[] = [];

  constructor(readonly perSecond: number) {
    if (!(perSecond > 0)) throw new RangeError('sandbox: rateLimit must be a positive number of requests per second');
  }

  /** Admits the request arriving at `now` (ms), or returns the Retry-After seconds of its 429. */
  admit(now: number): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    while (this.arrivals.length > 0 && this.arrivals[0] <= now - 1000) this.arrivals.shift();
    if (this.arrivals.length < this.perSecond) {
      this.arrivals.push(now);
      return { admitted: true };
    }
    const leavesInMs = this.arrivals[0] + 1000 - now;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(leavesInMs / 1000)) };
  }
}
