/**
 * For tests whose ServiceTitan is a small hand-written HTTP server (protocol edge cases the sandbox
 * is too faithful to produce): where it listens, and the tenant settings that point Atlas at it
 * with throwaway credentials.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { TenantConfig } from '../../src/config/types.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createTestDatabase, dropTestDatabases } from './database.js';

/** Starts `server` on a free loopback port; resolves to its base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Everything of a tenant but its name and id, for a scripted server at `base` (token at /connect/token). */
export function scriptedTenantSettings(base: string): Omit<TenantConfig, 'name' | 'tenantId'> {
  return {
    clientId: 'cid.x',
    clientSecret: 'cs1.x',
    appKey: 'ak1.x',
    timezone: 'UTC',
    environment: 'production',
    apiUrl: base,
    authUrl: `${base}/connect/token`,
    requestsPerSecond: 100,
  };
}

/** The token every scripted server hands out (clients need one before any API request). */
const SCRIPTED_TOKEN = JSON.stringify({ access_token: 'tok-123456789', expires_in: 900, token_type: 'Bearer' });

export interface ScriptedWarehouse {
  /** The scripted server's base URL (use with scriptedTenantSettings). */
  base: string;
  /** The test database's URL. */
  url: string;
  warehouse: Warehouse;
}

/**
 * For a test file: a scripted ServiceTitan over real HTTP whose API requests `answer` handles (the
 * token endpoint is answered here), and a fresh test database with a warehouse on it. Both are
 * ready in the file's tests and closed after them, like harness.ts's useSandboxWarehouse.
 */
export function useScriptedWarehouse(answer: RequestListener, options: { poolSize?: number } = {}): ScriptedWarehouse {
  const fixture = {} as ScriptedWarehouse;
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url !== '/connect/token') return answer(req, res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(SCRIPTED_TOKEN);
    });
    fixture.base = await listenOnLoopback(server);
    fixture.url = await createTestDatabase();
    fixture.warehouse = await openWarehouse(fixture.url, options);
  });
  afterAll(async () => {
    await fixture.warehouse?.close();
    await new Promise((resolve) => server?.close(resolve));
    await dropTestDatabases();
  });
  return fixture;
}
