// The limiter's contract on a simulated clock (vitest's fake timers stand in for the platform
// clock; the bucket itself is the real one): no one-second window at the server holds more than
// the configured ceiling even when every request reaches it after a random delay of up to
// JITTER_ALLOWANCE_MS, a 429 costs exactly its Retry-After, and the bucket adapts to a server
// whose real limit is lower than configured (fewer 429s, most of that limit still used).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DECREASE, HEADROOM, JITTER_ALLOWANCE_MS, TokenBucket } from '../../src/client/index.js';
import { SlidingWindowLimit } from '../../sandbox/http/rate-window.js';
import { seededRandom } from '../support/seeded-random.js';
import { maxInWindow } from './support/fixtures.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Simulation {
  /** When each request reached the server (ms), admitted or not. */
  arrivals: number[];
  limited: number;
  admitted: number;
}

/**
 * `workers` concurrent callers share one bucket for `durationMs`: acquire, reach the server after
 * a random delay up to `jitterMs`, and either get a 429 (the bucket pauses for its Retry-After)
 * or an answer `latencyMs` later.
 */
async function simulate(options: {
  bucket: TokenBucket;
  server?: SlidingWindowLimit;
  workers: number;
  latencyMs: number;
  jitterMs: number;
  durationMs: number;
  seed: number;
}): Promise<Simulation> {
  const random = seededRandom(options.seed);
  const end = Date.now() + options.durationMs;
  const result: Simulation = { arrivals: [], limited: 0, admitted: 0 };
  const worker = async (): Promise<void> => {
    while (Date.now() < end) {
      await options.bucket.acquire();
      await wait(random() * options.jitterMs);
      result.arrivals.push(Date.now());
      const verdict = options.server?.admit(Date.now()) ?? { admitted: true as const };
      if (verdict.admitted) {
        result.admitted++;
        await wait(options.latencyMs);
      } else {
        result.limited++;
        options.bucket.pause(verdict.retryAfterSeconds * 1000);
      }
    }
  };
  let finished = false;
  const running = Promise.all(Array.from({ length: options.workers }, worker)).finally(() => {
    finished = true;
  });
  // Workers queued at the end still finish their last request: advance until they all have.
  while (!finished) await vi.advanceTimersByTimeAsync(1_000);
  await running;
  return result;
}

describe('TokenBucket contract (simulated clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([1, 7, 20, 60, 250])('never puts more than %i arrivals in a server second under jitter up to the allowance', async (rps) => {
    const run = await simulate({
      bucket: new TokenBucket(rps),
      workers: Math.max(16, Math.ceil(rps / 3)), // enough callers that the bucket, not they, sets the pace
      latencyMs: 150,
      jitterMs: JITTER_ALLOWANCE_MS,
      durationMs: rps < 5 ? 30_000 : 10_000,
      seed: rps,
    });
    expect(maxInWindow(run.arrivals, 1000)).toBeLessThanOrEqual(rps);
    // A limiter, not a brake: close to the headroom rate over the run.
    expect(run.arrivals.length / ((rps < 5 ? 30_000 : 10_000) / 1000)).toBeGreaterThan(rps * HEADROOM * 0.9);
  });

  it('against a strict window at the ceiling with the same jitter: no 429 at all', async () => {
    const rps = 20;
    const run = await simulate({
      bucket: new TokenBucket(rps),
      server: new SlidingWindowLimit(rps),
      workers: 8,
      latencyMs: 150,
      jitterMs: JITTER_ALLOWANCE_MS,
      durationMs: 30_000,
      seed: 3,
    });
    expect(run.limited).toBe(0);
    expect(run.admitted).toBeGreaterThan(30 * rps * HEADROOM * 0.95);
  });

  it('a 429 costs exactly its Retry-After: the next start is when the pause ends, then the rate is cut once', async () => {
    const bucket = new TokenBucket(20);
    await bucket.acquire();
    const before = bucket.rateAt();
    const pausedAt = Date.now();
    bucket.pause(1000);
    bucket.pause(1000); // a second 429 from a request already in flight: same episode
    const starts: number[] = [];
    const waiting = Promise.all(
      Array.from({ length: 5 }, async () => {
        await bucket.acquire();
        starts.push(Date.now());
      }),
    );
    await vi.advanceTimersByTimeAsync(3_000);
    await waiting;
    expect(Math.min(...starts) - pausedAt).toBe(1000);
    expect(bucket.rateAt(pausedAt + 1000)).toBeCloseTo(before * DECREASE);
    // The five are spaced at the cut rate, not bunched after the pause.
    const sorted = starts.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(Math.floor(1000 / bucket.rateAt(sorted[i])));
  });

  it('recovers gradually to the headroom rate once the 429s stop', async () => {
    const bucket = new TokenBucket(20);
    const at = Date.now();
    bucket.pause(1000);
    const cut = bucket.rateAt(at + 1000);
    expect(cut).toBeCloseTo(20 * HEADROOM * DECREASE);
    expect(bucket.rateAt(at + 2000)).toBeGreaterThan(cut);
    expect(bucket.rateAt(at + 2000)).toBeLessThan(20 * HEADROOM);
    expect(bucket.rateAt(at + 60_000)).toBeCloseTo(20 * HEADROOM);
  });

  it('adapts to a server whose real limit is half the configured one: few 429s, most of the real limit used', async () => {
    const configured = 20;
    const real = 10;
    const seconds = 120;
    const run = await simulate({
      bucket: new TokenBucket(configured),
      server: new SlidingWindowLimit(real),
      workers: 8,
      latencyMs: 150,
      jitterMs: 50,
      durationMs: seconds * 1000,
      seed: 9,
    });
    const total = run.admitted + run.limited;
    // Without adaptation (pausing for Retry-After only) this run has about 9 % of requests
    // refused and uses about 64 % of the real limit.
    expect(run.limited / total).toBeLessThan(0.04);
    expect(run.admitted / seconds).toBeGreaterThan(real * 0.7);
  });
});
