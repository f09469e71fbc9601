/**
 * What a scheduled `atlas sync --quiet` prints (one line with each tenant's time and rate, and
 * nothing on stderr when all is well), and what `atlas status` shows: tenant names, times in UTC
 * saying so, ages as "… ago". The real CLI, the sandbox over HTTP, a real Postgres.
 */
import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, runCli } from '../support/harness.js';

let sandbox: Sandbox;
let url: string;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 41 });
  url = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'atlas-quiet-'));
});

afterAll(async () => {
  await sandbox?.close();
  await dropTestDatabases();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ENDPOINTS = ['--endpoint', 'crm/export/customers', '--endpoint', 'jpm/job-types', '--endpoint', 'jpm/export/jobs'];
const quietLine =
  /^✓ sync succeeded: sandbox succeeded: ([\d,]+) rows \(([\d,]+) new, ([\d,]+) changed\) in [\d.]+ (ms|s), [\d,]+ rows\/s\n$/;

describe('atlas sync --quiet and atlas status', () => {
  it('sync --quiet prints one summary line with time and rate, and nothing else when all is well', async () => {
    const env = cliEnv(sandbox, url);
    const first = await runCli(['sync', '--quiet', ...ENDPOINTS], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const [, rows, inserted] = quietLine.exec(first.stdout) ?? [];
    const truthRows = ['crm/export/customers', 'jpm/job-types', 'jpm/export/jobs'].reduce((sum, e) => sum + sandbox.truth(e).length, 0);
    expect(Number(rows?.replaceAll(',', ''))).toBe(truthRows);
    expect(Number(inserted?.replaceAll(',', ''))).toBe(truthRows);

    // The same from the config file's log.quiet; a sync with nothing new loads nothing new.
    const config = join(dir, 'quiet.json');
    writeFileSync(config, JSON.stringify({ log: { quiet: true } }));
    const again = await runCli(['--config', config, 'sync', ...ENDPOINTS], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(quietLine.exec(again.stdout)?.[2]).toBe('0');
  });

  it('without --quiet every endpoint is logged and the summary also gives time and rate', async () => {
    const loud = await runCli(['sync', ...ENDPOINTS], cliEnv(sandbox, url));
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr.match(/endpoint done/g)).toHaveLength(3);
    expect(loud.stdout).toMatch(/^✓ tenant sandbox \(\d+\): succeeded, .*; [\d.]+ (ms|s), [\d,]+ rows\/s$/m);
  });

  it('a failing quiet sync says so on its one line, logs the errors and exits 7', async () => {
    const failing = await runCli(['sync', '--quiet', '--endpoint', 'jpm/job-types'], cliEnv(sandbox, url, { ST_CLIENT_SECRET: 'wrong' }));
    expect(failing.code).toBe(7);
    expect(failing.stdout).toMatch(/^✗ sync failed: sandbox failed \(1 of 1 endpoints failed\): 0 rows .* rows\/s\n$/);
    expect(failing.stderr).toMatch(/^error +endpoint failed .*jpm\/job-types/m);
  });

  it('status names tenants and shows every time in UTC with its age', async () => {
    const status = await runCli(['status'], cliEnv(sandbox, url));
    expect(status.code, status.stderr).toBe(0);
    const endpointLines = status.stdout.split('\n').filter((line) => / jpm\/job-types /.test(line));
    expect(endpointLines).toHaveLength(1);
    expect(endpointLines[0]).toMatch(/^ {2}sandbox +jpm\/job-types +\d+ +\d+ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+s ago\) +\d+s ago/);
    const runLines = status.stdout.split('\n').filter((line) => line.startsWith('  run '));
    expect(runLines.length).toBe(4);
    for (const line of runLines)
      expect(line).toMatch(
        /started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+s ago\), ended \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+s ago\)/,
      );

    // Without any tenant configured, names come from the runs recorded; JSON carries them too.
    const noTenant = { PATH: process.env.PATH, DATABASE_URL: url };
    const json = await runCli(['status', '--json'], noTenant);
    expect(json.code, json.stderr).toBe(0);
    const endpoints = JSON.parse(json.stdout).endpoints as Array<{ tenantId: string; tenantName: string | null }>;
    expect(endpoints.length).toBe(3);
    for (const e of endpoints) expect(e).toMatchObject({ tenantId: sandbox.tenantId, tenantName: 'sandbox' });
  });
});
