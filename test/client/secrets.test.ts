// No secret leaks: run the client through faults, expiring tokens and bad credentials, collect
// every log line (debug, text and JSON) and every error rendered every way people render errors,
// and check that no client secret, app key or access token appears anywhere. The tokens are the
// ones the client really obtained and sent, captured by a recording proxy in front of the sandbox.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../src/catalog/index.js';
import { SecretSet, ServiceTitanClient } from '../../src/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { collectLog, exportPath, fast, tenantFor } from './support/fixtures.js';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy.js';

/** Every way an error tends to get printed, for the error and each `cause` below it. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const e = current as Error;
    out.push(
      String(e),
      e.message ?? '',
      e.stack ?? '',
      inspect(e, { depth: 10 }),
      inspect(e, { depth: 10, showHidden: true }),
      JSON.stringify(e) ?? '',
      JSON.stringify(Object.fromEntries(Object.entries(e))) ?? '',
    );
    current = e.cause;
  }
  return out;
}

describe('secrets never leak', () => {
  let sandbox: Sandbox;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.02, seed: 41, tokenTtlSeconds: 1 });
    proxy = await startRecordingProxy(sandbox.url);
  });
  afterAll(async () => {
    await proxy.close();
    await sandbox.close();
  });

  it('from log lines, errors and printed clients', async () => {
    const text = collectLog('text');
    const json = collectLog('json');
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>): Promise<void> =>
      promise.then(
        () => undefined,
        (e: unknown) => {
          errors.push(e);
        },
      );

    // 1. A faulty run with short-lived tokens: retries, 429s, HTML pages, drops, early expiry.
    sandbox.setFaults({ rate429: 0.1, retryAfterSeconds: 0, rate5xx: 0.1, rateHtml: 0.1, rateDrop: 0.1, earlyTokenExpiryRate: 0.15 });
    const clients = [text.logger, json.logger].map(
      (logger) => new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), logger, ...fast, maxAttempts: 2 }),
    );
    const started = Date.now();
    while (Date.now() - started < 2_500) {
      await Promise.all(clients.map((c) => capture(c.request(exportPath(sandbox), { from: '2020-01-01' }))));
    }
    // 2. Timeouts.
    sandbox.setFaults({ latencyMs: 200 });
    await capture(clients[0].request(exportPath(sandbox), undefined, { endpoint: 'crm/export/customers' }).then(() => undefined));
    await capture(
      new ServiceTitanClient({
        tenant: tenantFor(sandbox, {}, proxy.url),
        logger: json.logger,
        ...fast,
        timeoutMs: 50,
        maxAttempts: 2,
      }).request(exportPath(sandbox)),
    );
    // 3. Every request's token revoked: 401, renewal, 401 → AUTH_FAILED.
    sandbox.setFaults({ earlyTokenExpiryRate: 1 });
    await capture(
      new ServiceTitanClient({ tenant: tenantFor(sandbox, {}, proxy.url), logger: text.logger, ...fast }).request(exportPath(sandbox)),
    );
    sandbox.setFaults({});
    // 4. Bad client secret (token endpoint 400) and a wrong app key (API 403).
    const wrongSecret = 'cs1.wrong-secret-for-leak-test';
    const wrongAppKey = 'ak1.wrong-app-key-for-leak-test';
    await capture(
      new ServiceTitanClient({
        tenant: tenantFor(sandbox, { clientSecret: wrongSecret }, proxy.url),
        logger: json.logger,
        ...fast,
      }).request(exportPath(sandbox)),
    );
    await capture(
      new ServiceTitanClient({ tenant: tenantFor(sandbox, { appKey: wrongAppKey }, proxy.url), logger: text.logger, ...fast }).request(
        exportPath(sandbox),
      ),
    );
    // 5. The catalog path with a bad argument, and a URL outside the API origin.
    await capture(getEndpoint(clients[0], 'crm/customers/{id}'));
    await capture(getEndpoint(clients[0], undefined, { url: 'http://example.invalid/steal' }));

    const codes = errors.map((e) => (e as { code?: string }).code);
    for (const expected of ['API_RETRIES_EXHAUSTED', 'AUTH_FAILED', 'API_REQUEST_FAILED', 'ENDPOINT_ARGUMENT'])
      expect(codes).toContain(expected);
    expect(errors.some((e) => (e as Error).cause !== undefined)).toBe(true);

    const tokens = proxy.tokensSeen();
    expect(tokens.length).toBeGreaterThanOrEqual(3); // several tokens were issued and used
    expect(proxy.apiRequests().some((r) => r.appKey === sandbox.credentials.appKey)).toBe(true);
    const secrets = [sandbox.credentials.clientSecret, sandbox.credentials.appKey, wrongSecret, wrongAppKey, ...tokens];

    const haystack = [
      ...text.lines,
      ...json.lines,
      ...errors.flatMap(renderings),
      ...clients.flatMap((c) => [inspect(c, { depth: 10 }), JSON.stringify(c)]),
    ];
    expect(text.lines.length).toBeGreaterThan(20);
    for (const line of haystack) {
      for (const secret of secrets) {
        if (line.includes(secret)) throw new Error(`secret leaked (…${secret.slice(-6)}) in: ${line.slice(0, 300)}`);
      }
    }
  });

  it('a client keeps its credentials and only its current token: each renewal replaces the last', async () => {
    const secrets = new SecretSet();
    const tenant = tenantFor(sandbox, {}, proxy.url);
    const client = new ServiceTitanClient({ tenant, ...fast, secrets });
    const tokensBefore = proxy.tokensSeen().length;
    const started = Date.now();
    // Tokens live 1 s here and are renewed 0.1 s before expiry.
    while (Date.now() - started < 2_500) await client.request(exportPath(sandbox), { from: '2020-01-01' });
    const used = proxy.tokensSeen().slice(tokensBefore);
    expect(client.stats.tokenRenewals).toBeGreaterThanOrEqual(2);
    expect(used.length).toBe(client.stats.tokenRenewals + 1);
    expect(secrets.size).toBe(3);
    expect([tenant.clientSecret, tenant.appKey, used[used.length - 1]].map((value) => secrets.has(value))).toEqual([true, true, true]);
    expect(used.slice(0, -1).some((token) => secrets.has(token))).toBe(false);
  });
});
