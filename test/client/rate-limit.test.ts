// Rate limiting against the sandbox over real HTTP: the client keeps under the configured
// requests/second (measured from the sandbox's request-log arrival times), clients given the same
// limiter share one budget (and clients with their own do not), and 429s are honoured — Retry-After waited for by every
// request of the pair — with a bounded budget.
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { ServiceTitanClient, TokenBucket } from '../../src/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { arrivalTimes, exportPath, fast, maxInWindow, tenantFor } from './support/fixtures.js';

describe('rate limiting', () => {
  // One sandbox per scenario, each with its own tenant id, so no scenario's requests or faults
  // reach another's.
  const sandboxes: Sandbox[] = [];
  let tenantSeq = 0;
  const sandboxFor = async (options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> => {
    const sandbox = await startSandbox({ scale: 0.02, seed: 31, tenantId: String(3100000000 + ++tenantSeq), ...options });
    sandboxes.push(sandbox);
    return sandbox;
  };
  afterAll(async () => {
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  it('keeps requests per second under the configured ceiling', async () => {
    const sandbox = await sandboxFor();
    const rps = 40;
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, { requestsPerSecond: rps }), ...fast });
    await client.request(exportPath(sandbox)); // token fetched; start measuring from a warm client
    sandbox.clearRequests();
    await Promise.all(Array.from({ length: 120 }, () => client.request(exportPath(sandbox))));
    const times = arrivalTimes(sandbox);
    expect(times).toHaveLength(120);
    // Arrivals are stamped when the sandbox's handler runs, which a busy machine delays by a few
    // milliseconds (tens under load): count in windows 50 ms short of a second, plus one.
    expect(maxInWindow(times, 950)).toBeLessThanOrEqual(rps + 1);
    const span = Math.max(...times) - Math.min(...times);
    expect(((times.length - 1) / span) * 1000).toBeLessThanOrEqual(rps);
    // And it is a limiter, not a brake: the sustained rate stays close to the ceiling.
    expect(((times.length - 1) / span) * 1000).toBeGreaterThan(rps * 0.8);
  });

  it('shares one budget among clients given the same limiter', async () => {
    const sandbox = await sandboxFor();
    const rps = 20;
    const rateLimiter = new TokenBucket(rps);
    const a = new ServiceTitanClient({ tenant: tenantFor(sandbox, { requestsPerSecond: rps }), ...fast, rateLimiter });
    const second = tenantFor(sandbox, { requestsPerSecond: rps, name: 'second-worker' });
    const b = new ServiceTitanClient({ tenant: second, ...fast, rateLimiter });
    await Promise.all([a.request(exportPath(sandbox)), b.request(exportPath(sandbox))]);
    sandbox.clearRequests();
    await Promise.all([
      ...Array.from({ length: 30 }, () => a.request(exportPath(sandbox))),
      ...Array.from({ length: 30 }, () => b.request(exportPath(sandbox))),
    ]);
    expect(maxInWindow(arrivalTimes(sandbox), 950)).toBeLessThanOrEqual(rps + 1);
  });

  it('clients with limiters of their own each get the full ceiling (no hidden process-wide registry)', async () => {
    const sandbox = await sandboxFor();
    const rps = 20;
    const a = new ServiceTitanClient({ tenant: tenantFor(sandbox, { requestsPerSecond: rps }), ...fast });
    const b = new ServiceTitanClient({ tenant: tenantFor(sandbox, { requestsPerSecond: rps, name: 'second-worker' }), ...fast });
    await Promise.all([a.request(exportPath(sandbox)), b.request(exportPath(sandbox))]);
    sandbox.clearRequests();
    await Promise.all([
      ...Array.from({ length: 30 }, () => a.request(exportPath(sandbox))),
      ...Array.from({ length: 30 }, () => b.request(exportPath(sandbox))),
    ]);
    const times = arrivalTimes(sandbox);
    const span = Math.max(...times) - Math.min(...times);
    // Two independent buckets of 20/s send 60 requests in about 1.5 s; one shared bucket needs about 3 s.
    expect(((times.length - 1) / span) * 1000).toBeGreaterThan(rps * 1.3);
  });

  it('on 429 waits at least Retry-After before the retry, and pauses every request of the pair', async () => {
    const sandbox = await sandboxFor({ faults: { rate429: 0.3, retryAfterSeconds: 1 } });
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox), ...fast });
    const responses = await Promise.all(Array.from({ length: 8 }, () => client.request(exportPath(sandbox))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const log = sandbox.requests().map((r) => ({ at: Date.parse(r.at), status: r.status }));
    const limited = log.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(client.stats.rateLimited).toBe(limited.length);
    for (const hit of limited) {
      // Requests already on the wire when the 429 was sent may arrive a few ms later; after
      // that, nothing arrives until Retry-After (1 s) has passed.
      const during = log.filter((r) => r.at > hit.at + 50 && r.at < hit.at + 1_000);
      expect(during).toEqual([]);
    }
    // The 429'd request's own retry came at least Retry-After later.
    const first429 = limited[0].at;
    const next = log.find((r) => r.at > first429 + 50);
    expect(next).toBeDefined();
    expect(next!.at - first429).toBeGreaterThanOrEqual(1_000);
  });

  it('a single request honours Retry-After', async () => {
    const sandbox = await sandboxFor();
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox), ...fast });
    await client.request(exportPath(sandbox)); // token fetched before timing starts
    sandbox.setFaults({ rate429: 1, retryAfterSeconds: 1 });
    sandbox.clearRequests();
    const pending = client.request(exportPath(sandbox));
    // Let the first 429 land, then stop limiting: the retry must still wait out Retry-After.
    await new Promise((resolve) => setTimeout(resolve, 200));
    sandbox.setFaults({});
    const response = await pending;
    const [limited, retried] = sandbox.requests();
    expect(limited.status).toBe(429);
    expect(retried.status).toBe(200);
    expect(Date.parse(retried.at) - Date.parse(limited.at)).toBeGreaterThanOrEqual(1_000);
    expect(response.attempts).toBe(2);
  });

  it('a permanent 429 ends with API_RETRIES_EXHAUSTED after maxAttempts * 2 responses', async () => {
    const sandbox = await sandboxFor({ faults: { rate429: 1, retryAfterSeconds: 0 } });
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox), ...fast, maxAttempts: 3 });
    const error = await client.request(exportPath(sandbox), undefined, { endpoint: 'crm/export/customers' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('API_RETRIES_EXHAUSTED');
    expect((error as ApiError).message).toMatch(
      /^GET crm\/export\/customers failed after 6 attempts; last: 429 Too Many Requests: Too many requests/,
    );
    expect(sandbox.requests().map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 429]);
    expect(client.stats.rateLimited).toBe(6);
  });
});
