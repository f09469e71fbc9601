/**
 * Finding 9 of issue 9: the token endpoint's retry sleeps ignored Ctrl-C — a cancelled run got
 * its rejection at once, but the shared token fetch went on sleeping (up to a Retry-After of an
 * hour), its timer keeping the process alive and its next request going out after the run ended. The token endpoint here answers 429 with
 * `Retry-After: 1`, over real HTTP (sandbox faults never touch /connect/token).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceTitanClient } from '../../src/client/index.js';
import { listenOnLoopback, scriptedTenantSettings } from '../support/scripted-server.js';

let server: Server;
let base: string;
let tokenRequests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/connect/token') tokenRequests++;
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end('{"title":"Too many requests."}');
  });
  base = await listenOnLoopback(server);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('a token endpoint that keeps answering 429', () => {
  it('stops waiting when the run is cancelled, and asks no more', async () => {
    const client = new ServiceTitanClient({
      tenant: {
        name: 'slow',
        tenantId: '42',
        ...scriptedTenantSettings(base),
      },
      maxAttempts: 3,
    });
    const controller = new AbortController();
    const request = client.request(`${base}/crm/v2/tenant/42/export/customers`, {}, { signal: controller.signal });
    const settled = request.then(
      () => 'resolved',
      () => 'rejected',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tokenRequests).toBe(1);
    controller.abort(new Error('interrupted'));
    expect(await settled).toBe('rejected');
    // Past the Retry-After: a fetch still sleeping would now ask for a token again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(tokenRequests, 'no token request after the run was cancelled').toBe(1);
  });
});
