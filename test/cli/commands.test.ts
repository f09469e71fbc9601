/**
 * The command line as a user meets it: the real `atlas` binary (compiled), real processes, the
 * sandbox over HTTP and a real Postgres.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { parseSandboxEnvLines, type SandboxConnection } from '../../src/cli/sandbox-connection.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, cliPath, projectRoot, runCli } from '../support/harness.js';

let sandbox: Sandbox;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.02, seed: 21 });
  url = await createTestDatabase();
});

afterAll(async () => {
  await sandbox?.close();
  await dropTestDatabases();
});

/** Starts `atlas sandbox` and resolves with the connection its printed `export` lines describe. */
function startSandboxProcess(): Promise<{ child: ChildProcess; connection: SandboxConnection }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'sandbox', '--port', '0', '--scale', '0.02'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`atlas sandbox printed no URLs: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const connection = parseSandboxEnvLines(out);
      if (connection) {
        clearTimeout(timer);
        resolve({ child, connection });
      }
    });
    child.on('exit', (code) => reject(new Error(`atlas sandbox exited with ${code}: ${out}`)));
  });
}

describe('atlas CLI', () => {
  it('atlas get crm/export/customers against atlas sandbox prints the first page', async () => {
    const { child, connection } = await startSandboxProcess();
    // Only what a user would paste: the printed variables, no database.
    const { DATABASE_URL: _, ...env } = cliEnv(connection, '');
    try {
      const result = await runCli(['get', 'crm/export/customers'], env);
      expect(result.code, result.stderr).toBe(0);
      const page = JSON.parse(result.stdout);
      expect(page).toEqual({ hasMore: expect.any(Boolean), continueFrom: expect.any(String), data: expect.any(Array) });
      expect(page.data.length).toBeGreaterThan(0);
      expect(page.data[0]).toEqual(expect.objectContaining({ id: expect.any(Number), modifiedOn: expect.any(String) }));

      const bySeedName = await runCli(['get', 'export/customers', '--group', 'crm'], env);
      expect(JSON.parse(bySeedName.stdout).data[0].id).toBe(page.data[0].id);

      const unknown = await runCli(['get', 'crm/export/custmers'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/crm\/export\/customers/);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('atlas endpoints --json lists every GET path with the extraction plan', async () => {
    const result = await runCli(['endpoints', '--json'], { PATH: process.env.PATH });
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{
      name: string;
      kind: string;
      key: string[];
      extracted: boolean;
      table: string | null;
    }>;
    expect(rows).toHaveLength(catalog.length);
    expect(rows.length).toBeGreaterThanOrEqual(314);
    const exports = rows.filter((r) => r.kind === 'export');
    expect(exports.length).toBeGreaterThanOrEqual(53);
    expect(exports.filter((r) => r.extracted)).toHaveLength(52);
    expect(rows.find((r) => r.name === 'crm/export/customers')).toEqual(
      expect.objectContaining({ key: ['id'], extracted: true, table: 'atlas.crm_customers' }),
    );
  });

  it('atlas build fails before any work on invalid config, naming the key', async () => {
    const result = await runCli(['build', '--start-date', '2024-02-30'], cliEnv(sandbox, url));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/startDate.*2024-02-30.*YYYY-MM-DD/);
    expect(result.stderr).not.toContain(sandbox.credentials.clientSecret);
  });

  it('atlas build, then atlas status shows what the run did', async () => {
    const env = cliEnv(sandbox, url);
    const build = await runCli(['build', '--endpoint', 'crm/export/customers', '--endpoint', 'jpm/job-types'], env);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/tenant sandbox \(\d+\): succeeded, run 1, 2 endpoints/);
    const status = await runCli(['--json', 'status'], env);
    expect(status.code, status.stderr).toBe(0);
    const parsed = JSON.parse(status.stdout);
    const customers = parsed.endpoints.find((e: { endpoint: string }) => e.endpoint === 'crm/export/customers');
    expect(customers.rows).toBe(sandbox.truth('crm/export/customers').length);
    expect(customers.lastSuccessAt).toEqual(expect.any(String));
    expect(parsed.runs[0]).toEqual(expect.objectContaining({ id: 1, status: 'succeeded', command: 'build' }));
    expect(parsed.runs[0].inserted).toBe(customers.rows + sandbox.truth('jpm/job-types').length);
    expect(parsed.runs[0].requests).toBeGreaterThan(0);

    const sync = await runCli(['sync', '--endpoint', 'jpm/job-types'], env);
    expect(sync.code, sync.stderr).toBe(0);
    const all = JSON.parse((await runCli(['--json', 'status'], env)).stdout);
    expect(all.runs.map((r: { id: number }) => r.id)).toEqual([2, 1]);
    const latest = await runCli(['status', '--runs', '1', '--json'], env);
    expect(latest.code, latest.stderr).toBe(0);
    expect(JSON.parse(latest.stdout).runs).toEqual([expect.objectContaining({ id: 2, command: 'sync' })]);
  });

  it('--database and --schema choose the warehouse', async () => {
    const { DATABASE_URL: _, ...env } = cliEnv(sandbox, url);
    const result = await runCli(['--database', url, '--schema', 'flagged', 'build', '--endpoint', 'jpm/job-types'], env);
    expect(result.code, result.stderr).toBe(0);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('select count(*)::int as n from flagged.jpm_job_types');
      expect(rows[0].n).toBe(sandbox.truth('jpm/job-types').length);
    } finally {
      await client.end();
    }
  });

  it('atlas demo runs the whole job and says how to connect', async () => {
    const result = await runCli(['demo', '--scale', '0.02', '--no-keep-running'], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: url,
      ATLAS_SCHEMA: 'demo',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/succeeded/);
    expect(result.stdout).toMatch(/Loaded into schema "demo"/);
    expect(result.stdout).toMatch(/psql "postgres/);
    expect(result.stdout).toMatch(/npx atlas docs --serve/);
  });
});
