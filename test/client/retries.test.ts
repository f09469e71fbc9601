// Retry behaviour against the sandbox over real HTTP: 5xx with backoff, exhaustion messages,
// HTML error pages, dropped connections, timeouts, final 4xx, unparseable 200s, cancellation.
import { createServer } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { ServiceTitanClient } from '../../src/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { collectLog, exportPath, fast, tenantFor } from './support/fixtures.js';
import { startRecordingProxy } from './support/recording-proxy.js';
import { listenOnLoopback, scriptedTenantSettings } from '../support/scripted-server.js';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('retries', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.02, seed: 21 });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  afterEach(() => {
    sandbox.setFaults({});
    sandbox.clearRequests();
  });

  const client = (options: Partial<ConstructorParameters<typeof ServiceTitanClient>[0]> = {}): ServiceTitanClient =>
    new ServiceTitanClient({ tenant: tenantFor(sandbox), ...fast, ...options });

  it('retries 5xx with backoff until success; attempts and stats match the server log', async () => {
    sandbox.setFaults({ rate5xx: 0.5 });
    const c = client({ maxAttempts: 12 });
    let attempts = 0;
    for (let i = 0; i < 12; i++) {
      const response = await c.request<{ data: unknown[] }>(exportPath(sandbox));
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body.data)).toBe(true);
      attempts += response.attempts;
    }
    const log = sandbox.requests();
    expect(log.filter((r) => r.status >= 500).length).toBeGreaterThan(0);
    expect(log).toHaveLength(attempts);
    expect(log.filter((r) => r.status === 200)).toHaveLength(12);
    expect(c.stats.requests).toBe(attempts);
    expect(c.stats.retries).toBe(attempts - 12);
  });

  it('gives up after maxAttempts with the endpoint, the attempt count and the last status in the message', async () => {
    sandbox.setFaults({ rate5xx: 1 });
    const started = Date.now();
    const error = await failure(
      client({ maxAttempts: 4, backoff: { baseMs: 20, maxMs: 40 } }).request(exportPath(sandbox), undefined, {
        endpoint: 'crm/export/customers',
      }),
    );
    expect(error.code).toBe('API_RETRIES_EXHAUSTED');
    expect(error.message).toMatch(/^GET crm\/export\/customers failed after 4 attempts; last: 50[023] [A-Za-z ]+: /);
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(sandbox.requests()).toHaveLength(4);
    // Three backoff waits, each at most min(maxMs, base·2^(n-1)): 20 + 40 + 40 ms, plus request time.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('names the URL path (without the query) when no endpoint name is given', async () => {
    sandbox.setFaults({ rate5xx: 1 });
    const error = await failure(client({ maxAttempts: 2 }).request(exportPath(sandbox), { from: 'abc' }));
    expect(error.message).toMatch(new RegExp(`^GET crm/v2/tenant/${sandbox.tenantId}/export/customers failed after 2 attempts`));
    expect(error.message).not.toContain('from=');
  });

  it('summarises HTML error pages without tags, and retries them', async () => {
    sandbox.setFaults({ rateHtml: 1 });
    const error = await failure(client({ maxAttempts: 3 }).request(exportPath(sandbox), undefined, { endpoint: 'crm/export/customers' }));
    expect(error.code).toBe('API_RETRIES_EXHAUSTED');
    expect(error.message).toMatch(/last: 50[23] .*\(HTML page: "50[23] (Bad Gateway|Service Temporarily Unavailable)/);
    expect(error.message).not.toMatch(/[<>]/);
    sandbox.setFaults({ rateHtml: 0.5 });
    const response = await client({ maxAttempts: 12 }).request(exportPath(sandbox));
    expect(response.status).toBe(200);
  });

  it('retries dropped connections', async () => {
    sandbox.setFaults({ rateDrop: 1 });
    const error = await failure(client({ maxAttempts: 3 }).request(exportPath(sandbox)));
    expect(error.code).toBe('API_RETRIES_EXHAUSTED');
    expect(error.message).toMatch(/after 3 attempts; last: (ECONNRESET|EPIPE)/);
    expect(sandbox.requests()).toHaveLength(3);
    sandbox.setFaults({ rateDrop: 0.5 });
    const response = await client({ maxAttempts: 12 }).request(exportPath(sandbox));
    expect(response.status).toBe(200);
  });

  it('times out slow responses and retries them', async () => {
    sandbox.setFaults({ latencyMs: 1_500 });
    const started = Date.now();
    const error = await failure(client({ maxAttempts: 2, timeoutMs: 100 }).request(exportPath(sandbox)));
    expect(error.code).toBe('API_RETRIES_EXHAUSTED');
    expect(error.message).toMatch(/after 2 attempts; last: timeout/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    // One attempt that was not cut short would alone take 1.5 s; a wide margin for a busy machine.
    expect(Date.now() - started).toBeLessThan(1_500);
    sandbox.setFaults({ latencyMs: 50 });
    expect((await client({ timeoutMs: 2_000 }).request(exportPath(sandbox))).attempts).toBe(1);
  });

  it("does not retry other 4xx, and reports ServiceTitan's title", async () => {
    const notFound = await failure(client().request(`crm/v2/tenant/${sandbox.tenantId}/no-such-thing`));
    expect(notFound.code).toBe('API_REQUEST_FAILED');
    expect(notFound.status).toBe(404);
    expect(notFound.message).toMatch(/404 Not Found: The requested resource was not found\./);
    expect(notFound.details.title).toBe('The requested resource was not found.');
    const forbidden = await failure(client().request('crm/v2/tenant/999/export/customers'));
    expect(forbidden.status).toBe(403);
    expect(forbidden.message).toMatch(/no access to tenant 999/);
    expect(sandbox.requests()).toHaveLength(2);
  });

  it('retries a 200 whose body is not JSON (truncated), then succeeds', async () => {
    let mangled = 0;
    const proxy = await startRecordingProxy(sandbox.url, {
      rewriteBody: (record, body) =>
        record.path.includes('/export/') && mangled++ < 2 ? body.subarray(0, Math.floor(body.length / 2)) : body,
    });
    try {
      const c = new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast });
      const response = await c.request<{ data: unknown[] }>(exportPath(sandbox));
      expect(response.attempts).toBe(3);
      expect(Array.isArray(response.body.data)).toBe(true);
      mangled = -1_000;
      const error = await failure(
        new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), ...fast, maxAttempts: 2 }).request(exportPath(sandbox)),
      );
      expect(error.code).toBe('API_RETRIES_EXHAUSTED');
      expect(error.message).toMatch(/last: 200 OK with an unparseable body \(truncated or invalid JSON: "\{/);
      expect(error.cause).toBeInstanceOf(ApiError);
      expect((error.cause as ApiError).code).toBe('API_BAD_RESPONSE');
    } finally {
      await proxy.close();
    }
  });

  it('cancels at once when the signal aborts (during a slow response or a backoff)', async () => {
    sandbox.setFaults({ latencyMs: 2_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client().request(exportPath(sandbox), undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 100);
    await expect(pending).rejects.toThrow('stop now');
    expect(Date.now() - started).toBeLessThan(1_000);

    sandbox.setFaults({ rate5xx: 1 });
    const second = new AbortController();
    const backingOff = client({ backoff: { baseMs: 5_000, maxMs: 5_000 } }).request(exportPath(sandbox), undefined, {
      signal: second.signal,
    });
    setTimeout(() => second.abort(new Error('stop backoff')), 100);
    await expect(backingOff).rejects.toThrow('stop backoff');
  });

  it('logs each attempt at debug level with the redacted URL, status, duration and attempt', async () => {
    sandbox.setFaults({ rate5xx: 1 });
    const { logger, lines } = collectLog('json');
    await failure(
      client({ maxAttempts: 2, logger }).request(exportPath(sandbox), { from: '2024-01-01' }, { endpoint: 'crm/export/customers' }),
    );
    const attempts = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.message === 'api request');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ level: 'debug', endpoint: 'crm/export/customers', attempt: 1, method: 'GET' });
    expect(attempts[1]).toMatchObject({ attempt: 2 });
    expect(attempts[0].url).toBe(`${sandbox.apiUrl}/${exportPath(sandbox)}?from=2024-01-01`);
    expect(typeof attempts[0].status).toBe('number');
    expect(typeof attempts[0].durationMs).toBe('number');
    expect(inspect(lines)).not.toContain(sandbox.credentials.appKey);
  });
});

describe('a connection dropped in the middle of the body', () => {
  it('is retried like any dropped connection, and the whole page arrives in the end', async () => {
    const page = JSON.stringify({
      hasMore: false,
      continueFrom: 'next',
      data: Array.from({ length: 200 }, (_, id) => ({ id, name: `row ${id}` })),
    });
    let apiCalls = 0;
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/connect/token')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'scripted-token-value', expires_in: 900, token_type: 'Bearer' }));
        return;
      }
      apiCalls += 1;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(page) });
      if (apiCalls <= 2) {
        // Headers and half the promised body, then the connection goes.
        res.write(page.slice(0, page.length / 2), () => res.socket?.destroy());
        return;
      }
      res.end(page);
    });
    const base = await listenOnLoopback(server);
    try {
      const client = new ServiceTitanClient({ tenant: { name: 'scripted', tenantId: '123', ...scriptedTenantSettings(base) }, ...fast });
      const response = await client.request<{ data: unknown[] }>('/crm/v2/tenant/123/export/customers');
      expect(response.attempts).toBe(3);
      expect(response.body.data).toHaveLength(200);
      expect(apiCalls).toBe(3);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
