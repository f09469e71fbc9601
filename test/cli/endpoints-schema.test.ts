/**
 * `atlas endpoints` names tables in the staging schema a build would write to: `--schema`, then
 * ATLAS_SCHEMA, then the config file's `schema` — without needing tenants, credentials or a
 * database, even when the config file refers to secrets that are not set on this machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A working directory holding `atlas.config.json` with `config`. */
function withConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-endpoints-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'atlas.config.json'), JSON.stringify(config));
  return dir;
}

const configWithUnsetSecrets = {
  schema: 'from_file',
  database: 'postgres://atlas:${UNSET_DB_PASSWORD}@localhost:5432/warehouse',
  tenants: [
    {
      name: 'acme',
      tenantId: '1234567890',
      clientId: '${UNSET_CLIENT_ID}',
      clientSecret: '${UNSET_CLIENT_SECRET}',
      appKey: '${UNSET_APP_KEY}',
    },
  ],
};

const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

async function customersTable(args: string[], cwd: string, env: NodeJS.ProcessEnv = baseEnv): Promise<string> {
  const result = await runCli([...args, 'endpoints', '--json', '--kind', 'export'], env, { cwd });
  expect(result.code, result.stderr).toBe(0);
  const rows = JSON.parse(result.stdout) as Array<{ name: string; table: string | null }>;
  return rows.find((row) => row.name === 'crm/export/customers')!.table!;
}

describe('atlas endpoints and the staging schema', () => {
  it('uses the global --schema flag, before or after the command name', async () => {
    const cwd = withConfig({});
    expect(await customersTable([], cwd)).toBe('atlas.crm_customers');
    expect(await customersTable(['--schema', 'wh'], cwd)).toBe('wh.crm_customers');
    const after = await runCli(['endpoints', '--schema', 'wh', '--kind', 'export'], baseEnv, { cwd });
    expect(after.stdout).toMatch(/\swh\.crm_customers\n/);
  });

  it("uses the config file's schema without its tenants, credentials or database; ATLAS_SCHEMA and --schema override it", async () => {
    const cwd = withConfig(configWithUnsetSecrets);
    expect(await customersTable([], cwd)).toBe('from_file.crm_customers');
    expect(await customersTable([], cwd, { ...baseEnv, ATLAS_SCHEMA: 'from_env' })).toBe('from_env.crm_customers');
    expect(await customersTable(['--schema', 'wh'], cwd, { ...baseEnv, ATLAS_SCHEMA: 'from_env' })).toBe('wh.crm_customers');
    // The same file is not enough for a command that needs the tenants: the control for the above.
    const status = await runCli(['status'], baseEnv, { cwd });
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('UNSET_DB_PASSWORD');
  });

  it('uses the schema of a Titanpy --sql-credentials file, below the config file', async () => {
    const sql = { host: 'localhost', port: '5432', dbname: 'warehouse', user: 'atlas', pass: 'pw', db_type: 'postgresql15' };
    const cwd = withConfig({});
    writeFileSync(join(cwd, 'sql.json'), JSON.stringify({ ...sql, schema: 'from_sql' }));
    expect(await customersTable(['--sql-credentials', 'sql.json'], cwd)).toBe('from_sql.crm_customers');
    writeFileSync(join(cwd, 'atlas.config.json'), JSON.stringify({ schema: 'from_file' }));
    expect(await customersTable(['--sql-credentials', 'sql.json'], cwd)).toBe('from_file.crm_customers');
  });

  it('rejects a bad schema with the config-error exit code, naming where it came from', async () => {
    const cwd = withConfig({ schema: 'Not-A-Schema' });
    const fromFile = await runCli(['endpoints'], baseEnv, { cwd });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/schema "Not-A-Schema" is not a plain schema name.*\[CONFIG_INVALID\]/s);
    const fromFlag = await runCli(['--schema', 'pg_x', 'endpoints'], baseEnv, { cwd: withConfig({}) });
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr).toMatch(/schema \(from --schema\) "pg_x" starts with "pg_"/);
  });

  it('reports a missing --config file like every other command', async () => {
    const result = await runCli(['--config', 'nowhere.json', 'endpoints'], baseEnv, { cwd: withConfig({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config file nowhere\.json does not exist.*\[CONFIG_NOT_FOUND\]/s);
  });
});
