/**
 * CLI output through real pipes, as `atlas … | jq` and `atlas … | head` receive it: the compiled
 * `atlas` writes into an OS pipe whose reader starts late (so the pipe buffer fills and output
 * queues inside the process), and every byte that arrives is parsed. Failing commands must still
 * fail through a pipe; a reader that closes early ends the command quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, cliPath, projectRoot, type CliResult } from '../support/harness.js';

let sandbox: Sandbox;
let url: string;
let dir: string;

beforeAll(async () => {
  // Scale 1 puts about 1.2 MB of customers in the export feed.
  sandbox = await startSandbox({ scale: 1, seed: 14 });
  url = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'atlas-pipes-'));
});

afterAll(async () => {
  await sandbox?.close();
  await dropTestDatabases();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * Runs `atlas <args>` with stdout and stderr on OS pipes whose readers start half a second late,
 * like `atlas … | (sleep 0.5; jq)`: a CLI that exits before its output drains loses everything
 * beyond the pipe buffer (64 KiB). The result's code is atlas's own (pipefail).
 */
function runThroughLatePipe(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const atlas = [process.execPath, cliPath, ...args].map(shellQuote).join(' ');
  return runShell(`set -o pipefail; ${atlas} 2> >(sleep 0.5; cat >&2) | (sleep 0.5; cat)`, env);
}

/** Runs a shell pipeline with pipefail, so its status is atlas's own unless the reader fails. */
function runPipeline(atlasArgs: string, reader: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return runShell(`set -o pipefail; ${shellQuote(process.execPath)} ${shellQuote(cliPath)} ${atlasArgs} | ${reader}`, env);
}

function runShell(script: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env, cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

const ndjson = (text: string): Array<Record<string, unknown>> => {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line));
};

describe('output through pipes', () => {
  it('atlas get … --all streams every record of an export feed (over 1 MB) as JSON lines, complete', async () => {
    const result = await runThroughLatePipe(['get', 'crm/export/customers', '--all'], cliEnv(sandbox, url));
    expect(result.code, result.stderr).toBe(0);
    expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(1024 * 1024);
    const records = ndjson(result.stdout);
    const truth = sandbox.truth('crm/export/customers');
    expect(records.length).toBe(truth.length);
    expect(records).toEqual(expect.arrayContaining(truth));
    expect(new Set(records.map((r) => r.id)).size).toBe(truth.length);
  });

  it('atlas get … --all follows page numbers through a list; --limit and --output', async () => {
    const env = cliEnv(sandbox, url);
    const args = ['get', 'jpm/job-types', '--all', '--query', 'active=Any', '--query', 'pageSize=3'];
    const all = await runThroughLatePipe(args, env);
    expect(all.code, all.stderr).toBe(0);
    expect(ndjson(all.stdout)).toEqual(sandbox.truth('jpm/job-types'));

    const limited = await runThroughLatePipe([...args, '--limit', '5'], env);
    expect(limited.code, limited.stderr).toBe(0);
    expect(ndjson(limited.stdout)).toEqual(sandbox.truth('jpm/job-types').slice(0, 5));

    const file = join(dir, 'customers.ndjson');
    const written = await runThroughLatePipe(['get', 'crm/export/customers', '--all', '--output', file], env);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(ndjson(readFileSync(file, 'utf8')).length).toBe(sandbox.truth('crm/export/customers').length);

    const unwritable = await runThroughLatePipe(
      ['get', 'crm/export/customers', '--all', '--output', join(dir, 'no', 'such', 'dir.ndjson')],
      env,
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/--output .*dir\.ndjson: cannot write the file \(ENOENT\)/);

    const single = await runThroughLatePipe(['get', 'crm/export/customers', '--id', '1', '--limit', '3'], env);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/--limit needs --all/);
  });

  it('one page of get and endpoints --json arrive whole', async () => {
    const env = cliEnv(sandbox, url);
    const page = await runThroughLatePipe(['get', 'crm/export/customers'], env);
    expect(page.code, page.stderr).toBe(0);
    expect(Buffer.byteLength(page.stdout)).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(page.stdout).data.length).toBeGreaterThan(0);

    const endpoints = await runThroughLatePipe(['endpoints', '--json'], { PATH: process.env.PATH });
    expect(endpoints.code, endpoints.stderr).toBe(0);
    expect(Buffer.byteLength(endpoints.stdout)).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(endpoints.stdout).length).toBe(catalog.length);
  });

  it('sync JSON log lines and status --json arrive whole', async () => {
    const env = cliEnv(sandbox, url);

    const sync = await runThroughLatePipe(['sync', '--json', '--log-level', 'debug'], env);
    expect(sync.code, sync.stderr.slice(-2000)).toBe(0);
    const logLines = ndjson(sync.stderr);
    expect(logLines.filter((line) => line.message === 'endpoint done').length).toBeGreaterThan(50);
    expect(JSON.parse(sync.stdout)).toMatchObject({ ok: true });

    const status = await runThroughLatePipe(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).endpoints.length).toBe(logLines.filter((line) => line.message === 'endpoint done').length);
  });

  it('a reader that closes early ends atlas quietly, with success', async () => {
    const env = cliEnv(sandbox, url);
    const head = await runPipeline('get crm/export/customers --all', 'head -n 3', env);
    expect(head.code, head.stderr).toBe(0);
    expect(head.stderr).toBe('');
    expect(ndjson(head.stdout)).toHaveLength(3);

    const endpoints = await runPipeline('endpoints --json', 'head -c 100', { PATH: process.env.PATH });
    expect(endpoints).toMatchObject({ code: 0, stderr: '' });
    expect(endpoints.stdout).toHaveLength(100);
  });

  it('failing commands still fail through a pipe, with their whole message', async () => {
    const unknown = await runPipeline('get crm/export/custmers', 'cat', cliEnv(sandbox, url));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/crm\/export\/customers/);

    // Wrong credentials: every endpoint fails, the run is recorded as failed, exit code 7.
    const failing = await runPipeline('sync --endpoint jpm/job-types', 'cat', cliEnv(sandbox, url, { ST_CLIENT_SECRET: 'wrong' }));
    expect(failing.code, failing.stderr).toBe(7);
    expect(failing.stdout).toMatch(/✗ tenant/);
  });
});
