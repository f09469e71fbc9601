// Pure pieces of the client's policy: backoff bounds, Retry-After parsing, bucket shape and body
// summaries. No network here; the behaviour over HTTP is tested against the sandbox.
import { describe, expect, it } from 'vitest';
import { backoffDelay, bucketShape, parseRetryAfter, TokenBucket } from '../../src/client/index.js';
import { describeBody, summarizeBody } from '../../src/client/body.js';
import { renewalMarginSeconds } from '../../src/client/auth.js';
import { MAX_RETRY_AFTER_MS } from '../../src/client/retry-policy.js';

describe('backoffDelay (full jitter)', () => {
  const backoff = { baseMs: 100, maxMs: 1_000 };
  it('stays within [0, min(max, base·2^(n-1))]', () => {
    expect(backoffDelay(1, backoff, () => 0.999)).toBeLessThan(100);
    expect(backoffDelay(3, backoff, () => 0.999)).toBeLessThan(400);
    expect(backoffDelay(3, backoff, () => 0.999)).toBeGreaterThan(390);
    expect(backoffDelay(10, backoff, () => 0.999)).toBeLessThan(1_000);
    expect(backoffDelay(10, backoff, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP-dates, ignores junk', () => {
    expect(parseRetryAfter('5')).toBe(5_000);
    expect(parseRetryAfter('1.5')).toBe(1_500);
    expect(parseRetryAfter(['2'])).toBe(2_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('token renewal margin', () => {
  it('is 60 s for long-lived tokens and 10 % of short ones', () => {
    expect(renewalMarginSeconds(900)).toBe(60);
    expect(renewalMarginSeconds(2)).toBeCloseTo(0.2);
  });
});

describe('bucketShape', () => {
  it('never lets burst + sustained rate exceed the ceiling in a second', () => {
    for (const rps of [0.5, 1, 5, 10, 19, 20, 60, 100, 250]) {
      const { burst, refillPerSecond } = bucketShape(rps);
      expect(burst).toBeGreaterThanOrEqual(1);
      expect(burst).toBeLessThanOrEqual(5);
      expect(burst + refillPerSecond - 1).toBeCloseTo(rps);
    }
  });
  it('rejects a non-positive ceiling', () => {
    expect(() => bucketShape(0)).toThrow(RangeError);
  });
});

describe('TokenBucket', () => {
  it('admits at most rps starts in any 1-second window, then pauses everyone for a 429', async () => {
    const bucket = new TokenBucket(100);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 150 }, async () => {
        await bucket.acquire();
        starts.push(Date.now());
      }),
    );
    starts.sort((a, b) => a - b);
    // A start is stamped when its continuation runs, which a busy machine can delay by a few
    // milliseconds: a window 50 ms short of a second keeps that noise out of the count.
    for (const from of starts) {
      expect(starts.filter((t) => t >= from && t < from + 950).length).toBeLessThanOrEqual(100);
    }
    expect(starts[starts.length - 1] - starts[0]).toBeGreaterThanOrEqual(1000); // 150 starts: a burst of 5, then 96/s
    const pausedAt = Date.now();
    bucket.pause(300);
    const after = await Promise.all(
      [1, 2, 3].map(async () => {
        await bucket.acquire();
        return Date.now();
      }),
    );
    for (const at of after) expect(at - pausedAt).toBeGreaterThanOrEqual(300);
  });

  it('stops waiting when the signal aborts', async () => {
    const bucket = new TokenBucket(1);
    await bucket.acquire();
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('body summaries', () => {
  it('strips tags and scripts, collapses whitespace, caps at 200 characters', () => {
    const html = `<!DOCTYPE html><html><head><style>p{}</style><script>var s = 1;</script></head><body><h1>502 Bad Gateway</h1>\n\n<p>${'x'.repeat(500)}</p></body></html>`;
    const summary = summarizeBody(html);
    expect(summary.startsWith('502 Bad Gateway x')).toBe(true);
    expect(summary).not.toMatch(/[<>]|var s/);
    expect(summary.length).toBeLessThanOrEqual(201);
    expect(describeBody(html, 'text/html')).toMatch(/^ \(HTML page: "502 Bad Gateway/);
  });
  it('reads RFC 7807 title and errors, flags truncated JSON and empty bodies', () => {
    const problem = JSON.stringify({ type: 'x', title: 'Validation failed', status: 400, traceId: 't', errors: { pageSize: ['too big'] } });
    expect(describeBody(problem, 'application/json')).toBe(': Validation failed — pageSize: too big');
    expect(describeBody('{"data":[1,', 'application/json')).toMatch(/truncated or invalid JSON/);
    expect(describeBody('', undefined)).toBe(' (empty body)');
  });
});

describe('parseRetryAfter cap (issue 9, finding 9)', () => {
  it('never waits longer than MAX_RETRY_AFTER_MS, however long the server asks', () => {
    expect(parseRetryAfter('3600')).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Thu, 01 Jan 2026 05:00:00 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(MAX_RETRY_AFTER_MS);
    expect(MAX_RETRY_AFTER_MS).toBeLessThanOrEqual(60_000);
  });
});
