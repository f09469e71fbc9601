/**
 * End to end, nothing secret reaches the output: a debug-level build through faults (401s,
 * retries, HTML pages) and a failing run with wrong credentials, in text and JSON log formats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, runCli } from '../support/harness.js';

let sandbox: Sandbox;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    scale: 0.01,
    seed: 2,
    faults: { rate5xx: 0.1, rateHtml: 0.05, earlyTokenExpiryRate: 0.1, rate429: 0.05, retryAfterSeconds: 0 },
  });
  url = await createTestDatabase();
});

afterAll(async () => {
  await sandbox?.close();
  await dropTestDatabases();
});

describe('secrets in CLI output', () => {
  it('never prints the client secret, the app key or the client id, whatever happens', async () => {
    const secrets = [sandbox.credentials.clientSecret, sandbox.credentials.appKey, sandbox.credentials.clientId];
    const env = cliEnv(sandbox, url);
    const runs = [
      await runCli(['--log-level', 'debug', 'build', '--endpoint', 'crm/export/customers', '--endpoint', 'jpm/job-types'], env),
      await runCli(['--json', '--log-level', 'debug', 'sync', '--endpoint', 'crm/export/customers'], env),
      await runCli(['--log-level', 'debug', 'sync'], { ...env, ST_CLIENT_SECRET: 'cs1.definitely-wrong-secret-value' }),
      await runCli(['--log-level', 'debug', 'get', 'crm/export/customers', '--query', 'from=not-a-token'], env),
    ];
    expect(runs[0].code, runs[0].stderr).toBe(0);
    expect(runs[2].code).not.toBe(0);
    expect(runs[2].stdout + runs[2].stderr).toMatch(/AUTH_FAILED|authenticat|credentials/i);
    const everything = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    for (const secret of [...secrets, 'cs1.definitely-wrong-secret-value']) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/Bearer\s+(?!\[redacted\])[A-Za-z0-9._-]{12,}/);
  });
});
