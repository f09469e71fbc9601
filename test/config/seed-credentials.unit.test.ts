import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { configError, dirWithConfig, fileTenant, problemLines, SECRET, tempDir, tenantEnv, writeJson } from './support.js';

const stCredentials = {
  CLIENT_ID: SECRET.clientId,
  CLIENT_SECRET: SECRET.clientSecret,
  APP_ID: '4455',
  APP_KEY: SECRET.appKey,
  TENANT_ID: '987654321',
  TIMEZONE: 'America/Chicago',
};

const sqlCredentials = {
  host: 'db.example.com',
  port: '5433',
  dbname: 'warehouse',
  user: 'atlas',
  pass: `${SECRET.dbPassword}@/:?#`,
  db_type: 'postgresql15',
  schema: 'titan',
};

describe('the Titanpy ServiceTitan credentials file (--st-credentials)', () => {
  it('gives one tenant named "default" (APP_ID is accepted and ignored)', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'st.json', stCredentials);
    const config = await loadConfig({ cwd, env: {}, stCredentialsPath: 'st.json' });
    expect(config.tenants).toEqual([
      {
        name: 'default',
        tenantId: '987654321',
        clientId: SECRET.clientId,
        clientSecret: SECRET.clientSecret,
        appKey: SECRET.appKey,
        timezone: 'America/Chicago',
        environment: 'production',
        apiUrl: 'https://api.servicetitan.io',
        authUrl: 'https://auth.servicetitan.io/connect/token',
        requestsPerSecond: 50,
      },
    ]);
  });

  it('takes the name from ST_TENANT_NAME and the environment from ST_ENVIRONMENT', async () => {
    const cwd = await tempDir();
    const path = await writeJson(cwd, 'st.json', { ...stCredentials, TENANT_ID: 987654321 });
    const [tenant] = (await loadConfig({ cwd, env: { ST_TENANT_NAME: 'acme', ST_ENVIRONMENT: 'integration' }, stCredentialsPath: path }))
      .tenants;
    expect(tenant).toMatchObject({
      name: 'acme',
      tenantId: '987654321',
      environment: 'integration',
      authUrl: 'https://auth-integration.servicetitan.io/connect/token',
    });
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'st.json', '\ufeff' + JSON.stringify(stCredentials));
    expect((await loadConfig({ cwd, env: {}, stCredentialsPath: 'st.json' })).tenants).toHaveLength(1);
  });

  it('replaces the config file tenants and ignores ST_* tenant variables', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant()] });
    await writeJson(cwd, 'st.json', stCredentials);
    const config = await loadConfig({ cwd, env: tenantEnv({ ST_TENANT_ID: '111' }), stCredentialsPath: 'st.json' });
    expect(config.tenants.map((t) => [t.name, t.tenantId])).toEqual([['default', '987654321']]);
  });

  it('reports a misspelt key and the missing secret it leaves, naming the file', async () => {
    const cwd = await tempDir();
    const { CLIENT_SECRET: _omit, ...rest } = stCredentials;
    await writeJson(cwd, 'st.json', { ...rest, CLIENT_SECERT: SECRET.clientSecret });
    const lines = problemLines(await configError({ cwd, env: {}, stCredentialsPath: 'st.json' }));
    expect(lines).toContain('CLIENT_SECERT (in --st-credentials st.json) is not a known key: did you mean "CLIENT_SECRET"?');
    expect(lines.some((l) => l.startsWith('clientSecret (from CLIENT_SECRET in --st-credentials st.json) is not set: expected'))).toBe(
      true,
    );
  });
});

describe('the Titanpy SQL credentials (--sql-credentials, or the database object)', () => {
  it('builds a URL with the password percent-encoded and uses its schema', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'sql.json', sqlCredentials);
    const config = await loadConfig({ cwd, env: tenantEnv(), sqlCredentialsPath: 'sql.json' });
    expect(config.database).toEqual({
      kind: 'url',
      url: `postgres://atlas:${encodeURIComponent(sqlCredentials.pass)}@db.example.com:5433/warehouse`,
    });
    expect(decodeURIComponent(new URL((config.database as { url: string }).url).password)).toBe(sqlCredentials.pass);
    expect(config.schema).toBe('titan');
  });

  it('sets schema only when schema is not set elsewhere', async () => {
    const cwd = await dirWithConfig({ schema: 'file_schema', tenants: [fileTenant()] });
    await writeJson(cwd, 'sql.json', sqlCredentials);
    expect((await loadConfig({ cwd, env: tenantEnv(), sqlCredentialsPath: 'sql.json' })).schema).toBe('file_schema');
    expect((await loadConfig({ cwd, env: tenantEnv({ ATLAS_SCHEMA: 'env_schema' }), sqlCredentialsPath: 'sql.json' })).schema).toBe(
      'env_schema',
    );
  });

  it('is accepted as the config file database object, with port defaulting to 5432', async () => {
    const { port: _port, ...noPort } = sqlCredentials;
    const cwd = await dirWithConfig({ database: { ...noPort, db_type: 'postgres' }, tenants: [fileTenant()] });
    const config = await loadConfig({ cwd, env: tenantEnv() });
    expect(config.database).toEqual({
      kind: 'url',
      url: `postgres://atlas:${encodeURIComponent(sqlCredentials.pass)}@db.example.com:5432/warehouse`,
    });
    expect(config.schema).toBe('titan');
  });

  it('accepts db_type postgresql15, postgresql and postgres (any case)', async () => {
    for (const dbType of ['postgresql15', 'postgresql', 'Postgres']) {
      const cwd = await dirWithConfig({ database: { ...sqlCredentials, db_type: dbType }, tenants: [fileTenant()] });
      expect((await loadConfig({ cwd, env: tenantEnv() })).database.kind).toBe('url');
    }
  });

  it('rejects another db_type', async () => {
    const cwd = await dirWithConfig({ database: { ...sqlCredentials, db_type: 'mysql' }, tenants: [fileTenant()] });
    expect(problemLines(await configError({ cwd, env: tenantEnv() }))).toEqual([
      'database.db_type "mysql" is not supported: Atlas writes to Postgres 15, expected "postgresql15"',
    ]);
  });

  it('takes --sql-credentials over DATABASE_URL', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'sql.json', sqlCredentials);
    const config = await loadConfig({
      cwd,
      env: tenantEnv({ DATABASE_URL: 'postgres://env@env-host/env_db' }),
      sqlCredentialsPath: 'sql.json',
    });
    expect((config.database as { url: string }).url).toContain('@db.example.com:5433/warehouse');
  });

  it('refuses --database together with --sql-credentials', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'sql.json', sqlCredentials);
    const error = await configError({ cwd, env: tenantEnv(), sqlCredentialsPath: 'sql.json', flags: { database: 'postgres://x@h/db' } });
    expect(problemLines(error)).toEqual([
      '--database and --sql-credentials were both given: pass only one, e.g. --database postgres://atlas@localhost:5432/warehouse',
    ]);
  });

  it('reports missing fields and a bad port by key', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'sql.json', { host: 'db', port: 'five', pass: SECRET.dbPassword, db_type: 'postgresql15' });
    const lines = problemLines(await configError({ cwd, env: tenantEnv(), sqlCredentialsPath: 'sql.json' }));
    expect(lines).toEqual([
      'database.port (from port in --sql-credentials sql.json) "five" is not a TCP port: expected a whole number from 1 to 65535, e.g. 5432',
      'database.dbname (from dbname in --sql-credentials sql.json) is not set: expected the database name, e.g. "warehouse"',
      'database.user (from user in --sql-credentials sql.json) is not set: expected the database user, e.g. "atlas"',
    ]);
  });
});
