/**
 * Helpers for the worker tests: sandbox tenants of different sizes and zones in one config file,
 * and `atlas worker` as a child process that can be signalled while it runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';
import { cliPath, projectRoot } from '../support/harness.js';

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `atlas <args>` (e.g. `worker …`) and keeps its combined output. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, [cliPath, ...args], { env, cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** A config file naming each sandbox as a tenant (`name`, its own URLs and its zone), plus `extra`. */
export async function writeTenantsConfig(
  tenants: Array<{ name: string; sandbox: Sandbox; timezone?: string; clientSecret?: string; apiUrl?: string }>,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-worker-test-'));
  const path = join(dir, 'atlas.config.json');
  const config = {
    concurrency: 4,
    ...extra,
    tenants: tenants.map(({ name, sandbox, timezone, clientSecret, apiUrl }) => ({
      name,
      tenantId: sandbox.tenantId,
      ...sandbox.credentials,
      ...(clientSecret ? { clientSecret } : {}),
      timezone: timezone ?? 'UTC',
      environment: 'integration',
      apiUrl: apiUrl ?? sandbox.apiUrl,
      authUrl: sandbox.authUrl,
      requestsPerSecond: 200,
    })),
  };
  await writeFile(path, JSON.stringify(config, null, 2));
  return path;
}

/** The environment of a worker test: the database and nothing else (tenants come from the file). */
export function workerEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl };
}

/** Polls `check` every 200 ms until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A crontab schedule that fires once, at the next UTC minute at least `leadSeconds` away. */
export function nextMinuteSchedule(leadSeconds = 8): { schedule: string; at: Date } {
  const at = new Date(Date.now() + leadSeconds * 1000);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  return { schedule: `${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`, at };
}
