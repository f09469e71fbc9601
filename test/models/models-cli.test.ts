/** The `atlas models …` and `atlas grant` commands, run as the compiled CLI against a fresh database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { runCli } from '../support/harness.js';

describe('atlas models and atlas grant', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: await createTestDatabase() };
  });
  afterAll(dropTestDatabases);

  it('builds, lists and tests the models; a second build changes nothing', async () => {
    const first = await runCli(['models', 'build'], env);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    const built = /models: (\d+) built, 0 unchanged/.exec(first.stdout);
    expect(Number(built?.[1])).toBeGreaterThanOrEqual(100);
    const second = await runCli(['models', 'build', '--select', 'accounting_invoices'], env);
    expect(second.stdout).toMatch(/^models: 0 built, 1 unchanged/);

    const list = await runCli(['--json', 'models', 'list'], env);
    const rows = JSON.parse(list.stdout) as Array<{ name: string; materialized: string; lastBuilt: string | null; grain: string }>;
    expect(rows.length).toBe(Number(built![1]));
    expect(rows.filter((r) => r.lastBuilt === null)).toEqual([]);
    expect(rows.find((r) => r.name === 'crm_customers')).toMatchObject({
      materialized: 'view',
      grain: 'one row per tenant and crm/export/customers record',
    });

    const tests = await runCli(['models', 'test', '--select', 'crm_customers'], env);
    expect({ code: tests.code, out: tests.stdout.trim() }).toEqual({ code: 0, out: 'model tests: 2 passed, 0 failed (1 models)' });
  });

  it('refuses an unknown model and an unknown role with exit code 2', async () => {
    const unknown = await runCli(['models', 'build', '--select', 'no_such_model'], env);
    expect({ code: unknown.code, stderr: unknown.stderr.trim() }).toEqual({
      code: 2,
      stderr: 'atlas: --select no_such_model: there is no model of that name (see `atlas models list`) [MODEL_INVALID]',
    });
    const grant = await runCli(['grant', 'no_such_role_y'], env);
    expect(grant.code).toBe(2);
    expect(grant.stderr).toMatch(/role "no_such_role_y" does not exist/);
  });
});
