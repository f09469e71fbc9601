// The limiter on the real clock through an event-loop stall: callers whose slots fall inside the
// stall wake late and together, and must not all start at once. The bound is on real start times
// (Date.now() when acquire resolved), measured here directly: a busy loop blocks the event loop.
import { describe, expect, it } from 'vitest';
import { HEADROOM, TokenBucket } from '../../src/client/index.js';
import { maxInWindow } from './support/fixtures.js';

function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: no timer can run
  }
}

describe('TokenBucket through an event-loop stall', () => {
  it('keeps real starts within the rate in force in every second', async () => {
    const rps = 20;
    const bucket = new TokenBucket(rps);
    const starts: number[] = [];
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 6; i++) {
        await bucket.acquire();
        starts.push(Date.now());
      }
    };
    const running = Promise.all(Array.from({ length: 8 }, worker));
    // Let the first burst go, then stall for 600 ms while a dozen slots come due.
    await new Promise((resolve) => setTimeout(resolve, 300));
    blockEventLoop(600);
    await running;
    expect(starts).toHaveLength(48);
    // Stamped here a moment after the bucket let each one go: windows 10 ms short absorb that.
    expect(maxInWindow(starts, 990)).toBeLessThanOrEqual(Math.floor(rps * HEADROOM));
  });
});
