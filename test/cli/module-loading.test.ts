/**
 * The simulator never loads in production commands: the real compiled `atlas build` and `atlas
 * sync`, run under a module-load hook, load no module under dist/sandbox/. The same hook does see
 * dist/sandbox/ modules when `atlas sandbox` runs, so the check can fail.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, cliPath, projectRoot, runCli } from '../support/harness.js';
import { tracedEnv } from '../support/module-trace/trace.js';

const distSandbox = pathToFileURL(join(projectRoot, 'dist/sandbox/')).href;
const distSrc = pathToFileURL(join(projectRoot, 'dist/src/')).href;
const underDistSandbox = (urls: string[]) => urls.filter((url) => url.startsWith(distSandbox));

let sandbox: Sandbox;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.01, seed: 7 });
  url = await createTestDatabase();
});

afterAll(async () => {
  await sandbox?.close();
  await dropTestDatabases();
});

/** Runs `atlas sandbox` under the trace until it prints its URLs, then stops it; resolves with the loaded modules. */
function sandboxCommandModules(): Promise<string[]> {
  const trace = tracedEnv({ PATH: process.env.PATH, HOME: process.env.HOME });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'sandbox', '--port', '0', '--scale', '0.01'], { env: trace.env, cwd: projectRoot });
    let out = '';
    let stopping = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!stopping && out.includes('Press Ctrl-C')) stopping = child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && out.includes('Sandbox stopped')) resolve(trace.loadedModules());
      else reject(new Error(`atlas sandbox exited with ${code}: ${out}`));
    });
  });
}

describe('which modules a command loads', () => {
  it.each(['build', 'sync'])('atlas %s loads no sandbox module', async (command) => {
    const trace = tracedEnv(cliEnv(sandbox, url));
    const result = await runCli([command, '--endpoint', 'jpm/job-types'], trace.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/tenant sandbox \(\d+\): succeeded/);
    const modules = trace.loadedModules();
    // The trace saw the command's own modules (so an empty trace cannot pass) …
    expect(modules).toContain(`${distSrc}cli/main.js`);
    expect(modules).toContain(`${distSrc}pipeline/build.js`);
    expect(modules.filter((m) => m.startsWith(distSrc)).length).toBeGreaterThan(30);
    // … and nothing of the simulator.
    expect(underDistSandbox(modules)).toEqual([]);
  });

  it('atlas sandbox does load the sandbox modules (the same hook can see them)', async () => {
    const modules = await sandboxCommandModules();
    expect(modules).toContain(`${distSandbox}index.js`);
    expect(underDistSandbox(modules).length).toBeGreaterThan(10);
  });
});
