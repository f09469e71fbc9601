/**
 * For tests whose ServiceTitan is a small hand-written HTTP server (protocol edge cases the sandbox
 * is too faithful to produce): where it listens, and the tenant settings that point Atlas at it
 * with throwaway credentials.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TenantConfig } from '../../src/config/types.js';

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
