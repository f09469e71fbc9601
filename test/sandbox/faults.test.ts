import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { Client, urlFor } from './helpers.js';

let sb: Sandbox;
let client: Client;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.02 });
  client = await Client.create(sb);
});
afterAll(async () => {
  await sb.close();
});

describe('sandbox faults', () => {
  it('answers 429 with Retry-After and a "try again in N seconds" title', async () => {
    sb.setFaults({ rate429: 1, retryAfterSeconds: 2.3 });
    const res = await client.get('jpm/job-types');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    const body = (await res.json()) as { title: string; status: number; traceId: string };
    expect(body.status).toBe(429);
    expect(body.title).toMatch(/try again in 3 seconds\.$/);
    expect(body.title.split(' ').at(-2)).toBe('3');
    sb.setFaults({ rate429: 1, retryAfterSeconds: 0 });
    expect((await client.get('jpm/job-types')).headers.get('retry-after')).toBe('0');
  });

  it('answers 5xx with a JSON ApiErrorResponse', async () => {
    sb.setFaults({ rate5xx: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await client.get('jpm/job-types');
      statuses.add(res.status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(Object.keys((await res.json()) as object).sort()).toEqual(['data', 'errors', 'status', 'title', 'traceId', 'type']);
    }
    for (const s of statuses) expect([500, 502, 503]).toContain(s);
  });

  it('answers 502/503 with an HTML page', async () => {
    sb.setFaults({ rateHtml: 1 });
    const res = await client.get('jpm/job-types');
    expect([502, 503]).toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<html>/);
  });

  it('drops connections without a response', async () => {
    sb.setFaults({ rateDrop: 1 });
    await expect(fetch(urlFor(sb, 'jpm/job-types'), { headers: client.headers() })).rejects.toThrow();
    sb.setFaults({});
    expect(sb.requests().at(-1)).toMatchObject({ endpoint: 'jpm/job-types', status: 0 });
  });

  it('adds latency', async () => {
    sb.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    expect((await client.get('jpm/job-types')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('expires tokens early (401) and revokes them; a new token works', async () => {
    sb.setFaults({ earlyTokenExpiryRate: 1 });
    const res = await client.get('jpm/job-types');
    expect(res.status).toBe(401);
    sb.setFaults({});
    expect((await client.get('jpm/job-types')).status).toBe(401);
    client = await Client.create(sb);
    expect((await client.get('jpm/job-types')).status).toBe(200);
  });

  it('expires used tokens at partial rates, never a token in its first requests', async () => {
    sb.setFaults({ earlyTokenExpiryRate: 0.5 });
    const fresh = await Client.create(sb);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fresh.get('jpm/job-types');
      statuses.push(res.status);
      if (res.status === 401) break;
    }
    sb.setFaults({});
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(401);
    client = await Client.create(sb);
  });

  it('applies partial rates to about that fraction of requests, never to token or control requests', async () => {
    sb.setFaults({ rate5xx: 0.3 });
    let failed = 0;
    for (let i = 0; i < 100; i++) if ((await client.get('jpm/job-types')).status >= 500) failed++;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    sb.setFaults({ rate5xx: 1, rate429: 0 });
    expect((await fetch(`${sb.url}/_sandbox/info`)).status).toBe(200);
    expect(
      (
        await fetch(sb.authUrl, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: sb.credentials.clientId,
            client_secret: sb.credentials.clientSecret,
          }),
        })
      ).status,
    ).toBe(200);
    sb.setFaults({});
  });

  it('refuses continuation tokens issued before refuseContinuationTokens was set, accepts later ones and dates', async () => {
    const first = await client.json<{ continueFrom: string }>('crm/export/customers');
    sb.setFaults({ refuseContinuationTokens: true });
    const refused = await client.get('crm/export/customers', { from: first.continueFrom });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { status: number }).status).toBe(400);
    const restart = await client.json<{ continueFrom: string }>('crm/export/customers', { from: '2020-01-01' });
    expect((await client.get('crm/export/customers', { from: restart.continueFrom })).status).toBe(200);
    sb.setFaults({});
    expect((await client.get('crm/export/customers', { from: first.continueFrom })).status).toBe(200);
  });
});
