/**
 * Secrets never leak: not in an error's message, String(), util.inspect() or JSON, and not in the
 * raw problem lines either (resolveConfig, before the error class's own redaction) — so the
 * messages are built without secrets rather than saved by the redaction safety net.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig, type ConfigSources, type LoadConfigInput } from '../../src/config/index.js';
import { redactText } from '../../src/log/redact.js';
import { configError, dirWithConfig, tempDir, writeJson } from './support.js';

// Distinct from support.ts's SECRET so nothing else in this file registers them first.
const S = {
  clientId: 'cid.LEAKCHECKCLIENTID1a',
  clientSecret: 'cs1.LEAKCHECKSECRET2b',
  appKey: 'ak1.LEAKCHECKAPPKEY3c',
  dbPassword: 'LEAKCHECKDBPASS4d',
  dbPassword2: 'LEAKCHECKDBPASS5e',
  dbPassword3: 'LEAKCHECKDBPASS6f',
};
const all = Object.values(S);

function expectNoSecret(error: unknown): void {
  const renderings = [
    (error as Error).message,
    String(error),
    inspect(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
  ];
  for (const text of renderings) for (const secret of all) expect(text).not.toContain(secret);
}

/** Failing inputs that hold secrets, in every place a secret can sit. */
async function leakyInputs(): Promise<Array<[string, LoadConfigInput]>> {
  const cwd = await dirWithConfig({
    database: `mysql://atlas:${S.dbPassword}@db/warehouse`,
    tenants: [
      // Literal secrets next to broken values, a misspelt secret key, and a number where a secret goes.
      { name: 'bad name!', tenantId: 'x', clientId: S.clientId, clientSecret: S.clientSecret, appKey: S.appKey, timezone: 'Nowhere' },
      { name: 'typo', tenantId: '2', clientId: S.clientId, clientSecert: S.clientSecret, appKey: 12345678 },
    ],
  });
  const sqlDir = await tempDir();
  await writeJson(sqlDir, 'sql.json', { host: 'db', port: 'x', dbname: 'w', user: 'u', pass: S.dbPassword2, db_type: 'oracle' });
  await writeJson(sqlDir, 'st.json', {
    CLIENT_ID: S.clientId,
    CLIENT_SECRET: S.clientSecret,
    APP_KEY: S.appKey,
    TENANT_ID: '-1',
    TIMEZONE: 'Bad/Zone',
  });
  await writeJson(sqlDir, 'broken.json', `{"CLIENT_SECRET": ${S.clientSecret}, "APP_KEY": "${S.appKey}"`);
  return [
    ['config file with literal secrets', { cwd, env: {} }],
    [
      'DATABASE_URL with a bad port',
      { cwd: sqlDir, env: { DATABASE_URL: `postgres://atlas:${S.dbPassword3}@db:port/w`, ST_CLIENT_SECRET: S.clientSecret } },
    ],
    [
      'DATABASE_URL in libpq keyword form',
      { cwd: sqlDir, env: { DATABASE_URL: `host=db user=atlas password=${S.dbPassword3}`, ST_APP_KEY: S.appKey } },
    ],
    [
      '--database with a password and query',
      { cwd: sqlDir, env: {}, flags: { database: `http://atlas:${S.dbPassword3}@db/w?password=${S.dbPassword2}` } },
    ],
    ['--sql-credentials with problems', { cwd: sqlDir, env: {}, sqlCredentialsPath: 'sql.json' }],
    ['--st-credentials with problems', { cwd: sqlDir, env: {}, stCredentialsPath: 'st.json' }],
    ['--st-credentials that is not JSON', { cwd: sqlDir, env: {}, stCredentialsPath: 'broken.json' }],
    [
      'environment tenant with problems',
      {
        cwd: sqlDir,
        env: {
          ST_TENANT_ID: 'abc',
          ST_CLIENT_ID: S.clientId,
          ST_CLIENT_SECRET: S.clientSecret,
          ST_APP_KEY: S.appKey,
          ST_TIMEZONE: 'Bad/Zone',
          ST_API_URL: `ftp://u:${S.dbPassword}@x`,
        },
      },
    ],
  ];
}

describe('secrets in errors', () => {
  it('never appear in message, String(), inspect() or JSON of a ConfigError', async () => {
    for (const [, input] of await leakyInputs()) expectNoSecret(await configError(input));
  });

  it('are not in the raw problem lines either (messages are built without them)', () => {
    const base = { cwd: '/tmp', flags: {}, requireTenants: true };
    const badTenant = {
      name: 'a b',
      tenantId: 'x',
      clientId: S.clientId,
      clientSecret: S.clientSecret,
      appKey: 42,
      clientSecert: S.clientSecret,
      timezone: 'Nowhere',
    };
    const cases: ConfigSources[] = [
      {
        ...base,
        env: {},
        file: { path: 'atlas.config.json', value: { database: `mysql://u:${S.dbPassword}@h/db`, tenants: [badTenant] } },
      },
      {
        ...base,
        env: {},
        file: {
          path: 'atlas.config.json',
          value: { database: { host: 'db', port: 0, dbname: 'w', user: 'u', pass: S.dbPassword2, db_type: 'oracle' } },
        },
      },
      { ...base, env: { DATABASE_URL: `postgres://u:${S.dbPassword}@h:port/db` } },
      { ...base, env: { DATABASE_URL: `host=h password=${S.dbPassword} dbname=w` } },
      { ...base, env: {}, flags: { database: `ftp://u:${S.dbPassword3}@h/db?password=${S.dbPassword2}` } },
      {
        ...base,
        env: {
          ST_TENANT_ID: 'abc',
          ST_CLIENT_ID: S.clientId,
          ST_CLIENT_SECRET: S.clientSecret,
          ST_APP_KEY: S.appKey,
          ST_API_URL: `gopher://u:${S.dbPassword}@x`,
        },
      },
      {
        ...base,
        env: {},
        stCredentials: {
          path: 'st.json',
          value: { CLIENT_ID: S.clientId, CLIENT_SECRET: S.clientSecret, APP_KEY: 7, TENANT_ID: '0', TIMEZONE: 'x', EXTRA: S.appKey },
        },
      },
      { ...base, env: {}, sqlCredentials: { path: 'sql.json', value: { host: 'bad host', pass: S.dbPassword2, db_type: 'oracle' } } },
    ];
    for (const sources of cases) {
      const resolution = resolveConfig(sources);
      expect(resolution.config).toBeUndefined();
      expect(resolution.problems.length).toBeGreaterThan(0);
      for (const line of resolution.problems) for (const secret of all) expect(line).not.toContain(secret);
    }
  });

  it('a bad database URL is shown with its password masked', async () => {
    const error = await configError({
      cwd: await tempDir(),
      env: { DATABASE_URL: `mysql://atlas:${S.dbPassword}@db:3306/w?sslpassword=${S.dbPassword2}` },
    });
    expect(error.message).toMatch(
      /database \(from DATABASE_URL\) "mysql:\/\/atlas:(\*\*\*|\[redacted\])@db:3306\/w\?…" is not a Postgres URL/,
    );
  });
});

describe('secret registration', () => {
  it('registers every secret loaded, even when loading fails', async () => {
    for (const [, input] of await leakyInputs()) await configError(input);
    for (const secret of all) expect(redactText(`value=${secret}.`)).not.toContain(secret);
  });

  it('registers the secrets of a successful load, including the database password', async () => {
    const secrets = {
      clientId: 'cid.REGISTERONLY7g',
      clientSecret: 'cs1.REGISTERONLY8h',
      appKey: 'ak1.REGISTERONLY9i',
      password: 'p@ss/REGISTERONLY0j',
    };
    const env = {
      ST_TENANT_ID: '1',
      ST_CLIENT_ID: secrets.clientId,
      ST_CLIENT_SECRET: secrets.clientSecret,
      ST_APP_KEY: secrets.appKey,
      DATABASE_URL: `postgres://atlas:${encodeURIComponent(secrets.password)}@db/w`,
    };
    await loadConfig({ cwd: await tempDir(), env });
    for (const secret of [...Object.values(secrets), encodeURIComponent(secrets.password)])
      expect(redactText(`[${secret}]`)).not.toContain(secret);
  });
});
