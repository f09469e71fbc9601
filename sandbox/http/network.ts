/**
 * Simulated network and server time for API requests (`latency` option, `--latency`,
 * `--latency-jitter`). Every API request is answered `latencyMs` after it reached the server;
 * within that time it reaches the rate limiter after an inbound delay drawn uniformly from
 * [0, jitterMs] — the jitter between when a client sends a request and when the server counts
 * it, which is what makes a client that spends exactly its budget trip a strict window.
 * Timing is not seeded: it is noise on purpose; the data stays deterministic.
 */
export interface SandboxLatency {
  /** Time from a request's arrival to its answer (ms). */
  ms: number;
  /** Upper bound of the uniform inbound delay before the rate limiter counts the request (ms); default ms / 5, capped at ms. */
  jitterMs?: number;
}

const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export class SimulatedNetwork {
  private readonly ms: number;
  private readonly jitterMs: number;

  constructor(latency: SandboxLatency | undefined) {
    this.ms = Math.max(0, latency?.ms ?? 0);
    this.jitterMs = Math.min(this.ms, Math.max(0, latency?.jitterMs ?? this.ms / 5));
  }

  /** Waits out a request's inbound delay (until the rate limiter sees it). */
  arrive(): Promise<void> {
    return sleep(Math.random() * this.jitterMs);
  }

  /** Waits until `ms` after `receivedAt`, when the answer leaves. */
  answer(receivedAt: number): Promise<void> {
    return sleep(receivedAt + this.ms - Date.now());
  }
}
