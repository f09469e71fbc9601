// Token handling against the sandbox over real HTTP: reuse, one shared in-flight request,
// renewal before expiry, one re-auth on 401, and credential failures. A recording proxy between
// client and sandbox shows which tokens the client actually requested and sent.
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { ServiceTitanClient } from '../../src/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { exportPath, fast, tenantFor } from './support/fixtures.js';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy.js';
import { listenOnLoopback, scriptedTenantSettings } from '../support/scripted-server.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('auth', () => {
  let sandbox: Sandbox;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.02, seed: 11, tokenTtlSeconds: 2 });
    proxy = await startRecordingProxy(sandbox.url);
  });
  afterAll(async () => {
    await proxy.close();
    await sandbox.close();
  });
  afterEach(() => {
    sandbox.setFaults({});
    sandbox.clearRequests();
    proxy.records.length = 0;
  });

  it('reuses one token and sends Bearer + ST-App-Key on every call', async () => {
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast });
    for (let i = 0; i < 5; i++) await client.request(exportPath(sandbox));
    expect(proxy.tokenRequests()).toHaveLength(1);
    const issued = proxy.tokenRequests()[0].issuedToken;
    expect(issued).toBeTruthy();
    const api = proxy.apiRequests();
    expect(api).toHaveLength(5);
    for (const r of api) {
      expect(r.authorization).toBe(`Bearer ${issued}`);
      expect(r.appKey).toBe(sandbox.credentials.appKey);
    }
    expect(client.stats.tokenRenewals).toBe(0);
  });

  it('concurrent first calls share one token request', async () => {
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast });
    await Promise.all(Array.from({ length: 12 }, () => client.request(exportPath(sandbox))));
    expect(proxy.tokenRequests()).toHaveLength(1);
  });

  it('renews before expiry: a 2 s token is replaced without the API ever answering 401', async () => {
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast });
    const started = Date.now();
    while (Date.now() - started < 4_500) {
      const response = await client.request(exportPath(sandbox));
      expect(response.attempts).toBe(1);
      await sleep(150);
    }
    expect(sandbox.requests().filter((r) => r.status === 401)).toEqual([]);
    const tokenRequests = proxy.tokenRequests();
    expect(tokenRequests.length).toBeGreaterThanOrEqual(3);
    expect(client.stats.tokenRenewals).toBe(tokenRequests.length - 1);
    // Every API call used a token with at least the renewal margin left: min(60 s, 10 % of 2 s)
    // = 200 ms, so no token older than 1.8 s was sent (20 ms slack for loopback timing).
    const issuedAt = new Map(tokenRequests.map((r) => [r.issuedToken, r.at]));
    for (const r of proxy.apiRequests()) {
      const age = r.at - (issuedAt.get(r.authorization?.replace('Bearer ', '')) ?? -Infinity);
      expect(age).toBeLessThan(1_820);
    }
  });

  it('on a 401 drops the token, renews once and retries once', async () => {
    // earlyTokenExpiryRate 1 for one request, then 0: this proxy clears the fault as soon as the
    // sandbox has answered 401, before the client's retry arrives.
    const proxyWatch = await startRecordingProxy(sandbox.url, {
      onResponse: (record) => {
        if (record.status === 401) sandbox.setFaults({});
      },
    });
    try {
      const viaWatch = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxyWatch.url), ...fast });
      await viaWatch.request(exportPath(sandbox));
      sandbox.clearRequests();
      sandbox.setFaults({ earlyTokenExpiryRate: 1 });
      const response = await viaWatch.request(exportPath(sandbox), undefined, { endpoint: 'crm/export/customers' });
      expect(response.status).toBe(200);
      expect(response.attempts).toBe(2);
      expect(sandbox.requests().map((r) => r.status)).toEqual([401, 200]);
      expect(proxyWatch.tokenRequests()).toHaveLength(2);
      const [first, second] = proxyWatch.apiRequests().slice(-2);
      expect(first.authorization).not.toBe(second.authorization);
      expect(viaWatch.stats.tokenRenewals).toBe(1);
      expect(viaWatch.stats.retries).toBe(1);
    } finally {
      await proxyWatch.close();
    }
  });

  it('a 401 for a token the sandbox clock has outlived is cured by one renewal', async () => {
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast });
    await client.request(exportPath(sandbox));
    sandbox.advance({ hours: 1, changes: 0 });
    sandbox.clearRequests();
    const response = await client.request(exportPath(sandbox));
    expect(response.attempts).toBe(2);
    expect(sandbox.requests().map((r) => r.status)).toEqual([401, 200]);
  });

  it('a second 401 in a row is AUTH_FAILED, after exactly one renewal', async () => {
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast });
    sandbox.setFaults({ earlyTokenExpiryRate: 1 });
    const error = await client.request(exportPath(sandbox), undefined, { endpoint: 'crm/export/customers' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_FAILED');
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toMatch(/GET crm\/export\/customers was refused with 401/);
    expect(sandbox.requests().map((r) => r.status)).toEqual([401, 401]);
    expect(proxy.tokenRequests()).toHaveLength(2);
  });

  it('bad client credentials are AUTH_FAILED at once: one token request, no API call', async () => {
    const client = new ServiceTitanClient({ tenant: tenantFor(sandbox, { clientSecret: 'cs1.not-the-secret' }, proxy.url), ...fast });
    const error = await client.request(exportPath(sandbox)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_FAILED');
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(/invalid_client/);
    expect(proxy.tokenRequests()).toHaveLength(1);
    expect(proxy.apiRequests()).toHaveLength(0);
  });

  it('a token endpoint that is down is retried with backoff, then API_RETRIES_EXHAUSTED', async () => {
    // Nothing listens on the auth URL's port once this server is closed: connection refused.
    const dead = await startRecordingProxy('http://127.0.0.1:9');
    const deadUrl = dead.url;
    await dead.close();
    const tenant = { ...tenantFor(sandbox), authUrl: `${deadUrl}/connect/token` };
    const client = new ServiceTitanClient({ tenant, ...fast, maxAttempts: 3 });
    const error = await client.request(exportPath(sandbox)).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('API_RETRIES_EXHAUSTED');
    expect((error as ApiError).message).toMatch(/token request for tenant client-test failed after 3 attempts; last: ECONNREFUSED/);
    expect(sandbox.requests()).toHaveLength(0);
  });
});

describe('a renewed token revoked after other requests used it', () => {
  it('is renewed again rather than taken for wrong credentials; the request succeeds', async () => {
    // tok-1 serves /a, then is refused for /b; its renewal tok-2 serves /c while /b's retry is
    // still in flight, then is refused for /b too (revoked early); tok-3 finally serves /b.
    let issued = 0;
    const refused = new Set(['tok-1', 'tok-2']);
    const answered: string[] = [];
    const server = createServer((req, res) => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/connect/token') return json(200, { access_token: `tok-${++issued}`, expires_in: 900, token_type: 'Bearer' });
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const path = new URL(req.url ?? '/', 'http://x').pathname.split('/').pop();
      const reply = () => {
        const ok = path !== 'b' || !refused.has(token);
        answered.push(`${path} ${token} ${ok ? 200 : 401}`);
        json(ok ? 200 : 401, ok ? { data: [] } : { title: 'The access token is invalid.' });
      };
      if (path === 'b' && token === 'tok-2') setTimeout(reply, 300);
      else reply();
    });
    const base = await listenOnLoopback(server);
    try {
      const client = new ServiceTitanClient({ tenant: { name: 'scripted', tenantId: '123', ...scriptedTenantSettings(base) }, ...fast });
      await client.request('/crm/v2/tenant/123/a');
      const b = client.request('/crm/v2/tenant/123/b');
      await sleep(150); // /b has been refused once and is retrying with tok-2
      await client.request('/crm/v2/tenant/123/c');
      expect((await b).attempts).toBe(3);
      expect(answered).toEqual(['a tok-1 200', 'b tok-1 401', 'c tok-2 200', 'b tok-2 401', 'b tok-3 200']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
