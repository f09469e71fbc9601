// The sandbox's optional traffic behaviours over real HTTP: a strict sliding one-second window
// (`rateLimit`) and a per-request answer time with inbound jitter (`latency`); both off by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { Client } from './helpers.js';

describe('sandbox rate limit and latency options', () => {
  let limited: Sandbox;
  let plain: Sandbox;
  beforeAll(async () => {
    [limited, plain] = await Promise.all([
      startSandbox({ scale: 0.02, seed: 5, rateLimit: 10, latency: { ms: 120, jitterMs: 20 } }),
      startSandbox({ scale: 0.02, seed: 5 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([limited.close(), plain.close()]);
  });

  it('admits rateLimit requests in a second, answers the rest 429 with Retry-After, and the window slides', async () => {
    const client = await Client.create(limited);
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 16 }, () => client.get('jpm/job-types')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { status: number }).status).toBe(429);
    // Admitted requests are answered after the latency.
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    // Once the admitted ones have left the window, requests are admitted again.
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() - started) + 50));
    expect((await client.get('jpm/job-types')).status).toBe(200);
  });

  it('is off by default: a burst is answered without 429 or added latency', async () => {
    const client = await Client.create(plain);
    const responses = await Promise.all(Array.from({ length: 40 }, () => client.get('jpm/job-types')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
  });
});
