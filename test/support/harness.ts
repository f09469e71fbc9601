/**
 * Shared pieces of the build tests: a config for one or more sandbox tenants on a test database,
 * the staging-equals-truth check, and a way to run the real CLI as a child process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { extractedEndpoints } from '../../src/catalog/index.js';
import type { AtlasConfig } from '../../src/config/types.js';
import { columnNameFor, qualified } from '../../src/db/identifiers.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { sandboxTenantConfig, type SandboxConnection } from '../../src/cli/sandbox-connection.js';
import { createTestDatabase, dropTestDatabases } from './database.js';

import { projectRoot } from './project-root.js';
import { storedKey, storedTruth } from './stored-truth.js';

export { projectRoot };
export const cliPath = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

export interface SandboxWarehouse {
  sandbox: Sandbox;
  warehouse: Warehouse;
  url: string;
}

/** One sandbox and one fresh database for a test file, closed after the file's tests. */
export function useSandboxWarehouse(options: SandboxOptions): SandboxWarehouse {
  const fixture = {} as SandboxWarehouse;
  beforeAll(async () => {
    fixture.sandbox = await startSandbox(options);
    fixture.url = await createTestDatabase();
    fixture.warehouse = await openWarehouse(fixture.url);
  });
  afterAll(async () => {
    await fixture.warehouse?.close();
    await fixture.sandbox?.close();
    await dropTestDatabases();
  });
  return fixture;
}

export function testConfig(databaseUrl: string, sandboxes: Sandbox[], overrides: Partial<AtlasConfig> = {}): AtlasConfig {
  return {
    database: { kind: 'url', url: databaseUrl },
    schema: 'atlas',
    martsSchema: 'atlas_marts',
    startDate: null,
    concurrency: 6,
    tenants: sandboxes.map((s, i) => sandboxTenantConfig(s, `tenant-${i + 1}`, { requestsPerSecond: 200 })),
    endpoints: { include: [], exclude: [] },
    stateDir: '.atlas',
    log: { level: 'warn', format: 'text' },
    ...overrides,
  };
}

/** The environment the CLI needs to run against one sandbox tenant and a database. */
export function cliEnv(sandbox: SandboxConnection, databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl,
    ST_API_URL: sandbox.apiUrl,
    ST_AUTH_URL: sandbox.authUrl,
    ST_TENANT_ID: sandbox.tenantId,
    ST_CLIENT_ID: sandbox.credentials.clientId,
    ST_CLIENT_SECRET: sandbox.credentials.clientSecret,
    ST_APP_KEY: sandbox.credentials.appKey,
    ST_TENANT_NAME: 'sandbox',
    ...extra,
  };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `atlas <args>`; `onStart(kill)` may kill it (SIGKILL unless told; the result then carries the signal). */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; onStart?: (kill: (signal?: NodeJS.Signals) => void) => void } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, cwd: options.cwd ?? projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onStart?.((signal = 'SIGKILL') => child.kill(signal));
  });
}

/** Names of the endpoints a default build extracts. */
export function defaultEndpoints(): string[] {
  return extractedEndpoints({ includeOptIn: false }).map((d) => d.name);
}

type Keyed = Map<string, unknown>;

function keyOf(values: unknown[]): string {
  return values.map((v) => String(v)).join('|');
}

/** Staging rows of one tenant (not marked deleted) keyed by the record key. */
export async function stagingRows(pool: pg.Pool, schema: string, tenantId: string, endpoint: string): Promise<Keyed> {
  const descriptor = extractedEndpoints({ includeOptIn: true }).find((d) => d.name === endpoint)!;
  const columns = descriptor.key.map(columnNameFor);
  const { rows } = await pool.query(
    `select ${columns.map((c) => `"${c}"::text as "${c}"`).join(', ')}, data from ${qualified(schema, descriptor.extract!.table)} where tenant_id = $1 and deleted_at is null`,
    [tenantId],
  );
  return new Map(rows.map((row) => [keyOf(columns.map((c) => row[c])), row.data]));
}

/** The truth's records that have a key (their own or a fallback), keyed like `stagingRows`. */
export function truthRows(sandbox: Sandbox, endpoint: string): Keyed {
  const descriptor = extractedEndpoints({ includeOptIn: true }).find((d) => d.name === endpoint)!;
  const keyed = storedTruth(sandbox, descriptor).flatMap((record) => {
    const key = storedKey(record, descriptor);
    return key ? [[keyOf(key), record] as const] : [];
  });
  const rows = new Map(keyed);
  // Two truth records under one key would make "equal to the truth" meaningless: a sandbox bug.
  expect({ endpoint, uniqueKeys: rows.size }).toEqual({ endpoint, uniqueKeys: keyed.length });
  return rows;
}

/** Records the truth holds without a usable key: the loader must have kept each in `_rejects`. */
async function expectKeylessRejected(pool: pg.Pool, schema: string, sandbox: Sandbox, endpoint: string): Promise<void> {
  const descriptor = extractedEndpoints({ includeOptIn: true }).find((d) => d.name === endpoint)!;
  const keyless = storedTruth(sandbox, descriptor).filter((r) => storedKey(r, descriptor) === null);
  if (keyless.length === 0) return;
  const { rows } = await pool.query(
    `select record from ${qualified(schema, '_rejects')} where tenant_id = $1 and endpoint = $2 and reason like 'key field%'`,
    [sandbox.tenantId, endpoint],
  );
  const rejected = new Set(rows.map((r) => JSON.stringify(sortKeys(JSON.parse(r.record)))));
  for (const record of keyless)
    expect({ endpoint, rejected: rejected.has(JSON.stringify(sortKeys(record))) }).toEqual({ endpoint, rejected: true });
}

/**
 * Asserts that every listed endpoint's staging table equals the sandbox's truth: same keys, same
 * data. `expectedExtra` names keys that must still be staged although the truth no longer has them
 * (rows deleted outright from an incremental list before a sweep has looked for them).
 */
export async function expectStagingEqualsTruth(
  pool: pg.Pool,
  schema: string,
  sandbox: Sandbox,
  endpoints: string[] = defaultEndpoints(),
  expectedExtra: Map<string, Set<string>> = new Map(),
): Promise<number> {
  let compared = 0;
  for (const endpoint of endpoints) {
    const staged = await stagingRows(pool, schema, sandbox.tenantId, endpoint);
    for (const key of expectedExtra.get(endpoint) ?? []) {
      expect({ endpoint, key, held: staged.has(key) }).toEqual({ endpoint, key, held: true });
      staged.delete(key);
    }
    const truth = truthRows(sandbox, endpoint);
    const missing = [...truth.keys()].filter((k) => !staged.has(k));
    const extra = [...staged.keys()].filter((k) => !truth.has(k));
    expect({ endpoint, missing: missing.slice(0, 5), extra: extra.slice(0, 5), counts: [staged.size, truth.size] }).toEqual({
      endpoint,
      missing: [],
      extra: [],
      counts: [truth.size, truth.size],
    });
    const differing = [...truth.entries()].filter(([k, v]) => JSON.stringify(sortKeys(staged.get(k))) !== JSON.stringify(sortKeys(v)));
    expect({ endpoint, differing: differing.slice(0, 3).map(([k]) => k) }).toEqual({ endpoint, differing: [] });
    await expectKeylessRejected(pool, schema, sandbox, endpoint);
    compared += truth.size;
  }
  return compared;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
