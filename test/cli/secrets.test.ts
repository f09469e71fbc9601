/**
 * Nothing secret reaches any output (issue 9): the client id and secret, the app key, every access
 * token the sandbox issued and the database password are searched for in everything Atlas leaves
 * behind after a run of attacks — stdout and stderr (which is where Atlas logs; a cron log file is
 * these two redirected), in text and JSON log formats at debug level, every `_`-table of the staging
 * schema (`_runs`, `_run_endpoints`, `_rejects`, cursors, …), and `atlas status` / `status --json`.
 * The attacks: 5xx, HTML pages, dropped connections, 429s, tokens expiring early, refused
 * continuation tokens, a wrong client secret, a SIGKILL mid-build, an invalid config value, an
 * unreachable database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, runCli, type CliResult } from '../support/harness.js';

let sandbox: Sandbox;
let url: string;
/** A login role with a password of its own: the password must never be shown. */
const role = { name: `atlas_secret_probe_${randomBytes(4).toString('hex')}`, password: `pg-pw-${randomBytes(12).toString('hex')}` };

async function asAdmin(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({
    scale: 0.01,
    seed: 2,
    faults: { rate5xx: 0.08, rateHtml: 0.05, rateDrop: 0.03, earlyTokenExpiryRate: 0.1, rate429: 0.05, retryAfterSeconds: 0 },
  });
  const adminUrl = await createTestDatabase();
  await asAdmin(adminUrl, `create role "${role.name}" login superuser password '${role.password}'`);
  const withRole = new URL(adminUrl);
  withRole.username = role.name;
  withRole.password = role.password;
  url = withRole.toString();
});

afterAll(async () => {
  await sandbox?.close();
  await dropTestDatabases();
  await asAdmin(inject('adminDatabaseUrl'), `drop role if exists "${role.name}"`);
});

/** Every `_`-table of the staging schema as text, one row a line. */
async function bookkeepingTables(): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'atlas' and table_name like '\\_%' order by 1`,
    );
    const dumps: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ line: string }>(`select t::text as line from atlas."${name.replaceAll('"', '""')}" t`);
      dumps.push(`== ${name}`, ...rows.map((r) => r.line));
    }
    return dumps.join('\n');
  } finally {
    await client.end();
  }
}

describe('secrets in every output', () => {
  it('never shows the client id or secret, the app key, a token or the database password, whatever happens', {
    timeout: 180_000,
  }, async () => {
    const env = cliEnv(sandbox, url);
    const wrongSecret = 'cs1.definitely-wrong-secret-value';
    const few = ['--endpoint', 'crm/export/customers', '--endpoint', 'jpm/job-types', '--endpoint', 'jpm/export/jobs'];
    const runs: Record<string, CliResult> = {};
    runs.build = await runCli(['--log-level', 'debug', 'build'], env);
    runs.jsonSync = await runCli(['--json', '--log-level', 'debug', 'sync', ...few], env);
    sandbox.advance({ hours: 6 });
    const before = sandbox.requests().length;
    let poller: NodeJS.Timeout | undefined;
    runs.killed = await runCli(['--log-level', 'debug', 'sync'], env, {
      onStart: (kill) => {
        poller = setInterval(() => sandbox.requests().length >= before + 20 && kill(), 5);
      },
    });
    clearInterval(poller);
    sandbox.setFaults({ refuseContinuationTokens: true });
    runs.refused = await runCli(['--log-level', 'debug', 'sync', ...few], env);
    sandbox.setFaults({});
    runs.wrongSecret = await runCli(['--log-level', 'debug', 'sync'], { ...env, ST_CLIENT_SECRET: wrongSecret });
    runs.badToken = await runCli(['--log-level', 'debug', 'get', 'crm/export/customers', '--query', 'from=not-a-token'], env);
    runs.badConfig = await runCli(['sync'], { ...env, ST_TENANT_ID: 'not-a-tenant-id' });
    const unreachable = new URL(url);
    unreachable.port = '1';
    runs.noDatabase = await runCli(['--log-level', 'debug', 'sync'], { ...env, DATABASE_URL: unreachable.toString() });
    runs.status = await runCli(['status'], env);
    runs.statusJson = await runCli(['status', '--json'], env);

    // The attacks happened: otherwise a clean output would prove nothing.
    expect(runs.build.code, runs.build.stderr).toBe(0);
    expect(runs.killed.signal).toBe('SIGKILL');
    expect(runs.refused.code, runs.refused.stderr).toBe(0); // recovered by walking afresh, with a note in _run_endpoints
    expect(runs.wrongSecret.stdout + runs.wrongSecret.stderr).toMatch(/AUTH_FAILED|authenticat|credentials/i);
    expect(runs.badConfig.stderr).toMatch(/ST_TENANT_ID/);
    expect(runs.noDatabase.stderr).toMatch(/DATABASE_FAILED|database/i);
    expect(runs.statusJson.code, runs.statusJson.stderr).toBe(0);
    const faulted = sandbox.requests().filter((r) => r.status >= 400 || r.status === 0).length;
    expect(faulted).toBeGreaterThan(5);
    const tokens = sandbox.issuedTokens();
    expect(tokens.length).toBeGreaterThan(1);

    const tables = await bookkeepingTables();
    expect(tables).toMatch(/== _runs\n/);
    expect(tables).toMatch(/== _run_endpoints\n/);
    expect(tables).toMatch(/refused the saved continuation token/);
    const outputs = Object.entries(runs).map(([name, r]) => `== ${name}\n${r.stdout}\n${r.stderr}`);
    const everything = [...outputs, tables].join('\n');
    expect(everything.length).toBeGreaterThan(5000);

    const { clientId, clientSecret, appKey } = sandbox.credentials;
    const secrets = {
      clientId,
      clientSecret,
      appKey,
      wrongSecret,
      databasePassword: role.password,
      ...Object.fromEntries(
        tokens.flatMap((token, i) => [
          [`token ${i}`, token],
          [`token ${i} signature`, token.split('.')[2]],
        ]),
      ),
    };
    const tableCount = (tables.match(/^== /gm) ?? []).length;
    console.info(
      `secret search: ${Object.keys(runs).length} CLI runs, ${faulted} faulted requests, ${tokens.length} tokens issued, ` +
        `${tableCount} bookkeeping tables, ${everything.length} characters searched for ${Object.keys(secrets).length} secrets`,
    );
    const found = Object.entries(secrets)
      .filter(([, secret]) => everything.includes(secret))
      .map(([name]) => name);
    expect(found).toEqual([]);
    expect(everything).not.toMatch(/Bearer\s+(?!\[redacted\])[A-Za-z0-9._-]{12,}/);
  });
});
