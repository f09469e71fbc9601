/**
 * The CLI's side of the sandbox (the simulated tenant in the top-level `sandbox/` folder, which
 * imports nothing from Atlas): loading it on demand, and how a client reaches it, whether it runs in
 * this process (`atlas demo`) or in another (`atlas sandbox`, which prints `export ST_…=` lines) —
 * the tenant config Atlas needs, and the shell lines both ways.
 */
import { ENV } from '../config/env.js';
import type { TenantConfig } from '../config/types.js';

/**
 * The sandbox module, imported only by the commands that run it: `atlas build` and `atlas sync`
 * never load the simulator (a test holds them to that).
 */
export function loadSandbox(): Promise<typeof import('../../sandbox/index.js')> {
  return import('../../sandbox/index.js');
}

export interface SandboxConnection {
  apiUrl: string;
  authUrl: string;
  tenantId: string;
  credentials: { clientId: string; clientSecret: string; appKey: string };
}

/** A tenant config for the sandbox (its credentials are fake demo values, not secrets). */
export function sandboxTenantConfig(sandbox: SandboxConnection, name = 'sandbox', overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    name,
    tenantId: sandbox.tenantId,
    ...sandbox.credentials,
    timezone: 'America/Phoenix',
    environment: 'integration',
    apiUrl: sandbox.apiUrl,
    authUrl: sandbox.authUrl,
    requestsPerSecond: 50,
    ...overrides,
  };
}

/** The lines a user pastes into a shell to use the sandbox (variable names as src/config reads them). */
export function sandboxEnvLines(sandbox: SandboxConnection): string[] {
  return [
    `export ${ENV.apiUrl}=${sandbox.apiUrl}`,
    `export ${ENV.authUrl}=${sandbox.authUrl}`,
    `export ${ENV.tenantId}=${sandbox.tenantId}`,
    `export ${ENV.clientId}=${sandbox.credentials.clientId}`,
    `export ${ENV.clientSecret}=${sandbox.credentials.clientSecret}`,
    `export ${ENV.appKey}=${sandbox.credentials.appKey}`,
  ];
}

/** Reads `sandboxEnvLines` back from a process's output; null until all six have appeared. */
export function parseSandboxEnvLines(output: string): SandboxConnection | null {
  const values = new Map<string, string>();
  for (const match of output.matchAll(/^export (ST_[A-Z_]+)=(\S+)$/gm)) values.set(match[1], match[2]);
  const get = (name: string) => values.get(name);
  const [apiUrl, authUrl, tenantId, clientId, clientSecret, appKey] = [
    ENV.apiUrl,
    ENV.authUrl,
    ENV.tenantId,
    ENV.clientId,
    ENV.clientSecret,
    ENV.appKey,
  ].map(get);
  if (!apiUrl || !authUrl || !tenantId || !clientId || !clientSecret || !appKey) return null;
  return { apiUrl, authUrl, tenantId, credentials: { clientId, clientSecret, appKey } };
}
