/**
 * Every validation problem names the key (path, variable or flag), says what is wrong and shows a
 * good value; all problems come together in one ConfigError, one per line.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigFlags } from '../../src/config/index.js';
import { configError, dirWithConfig, fileTenant, problemLines, tenantEnv } from './support.js';

async function problemsFor(
  config: Record<string, unknown>,
  options: { env?: NodeJS.ProcessEnv; flags?: ConfigFlags } = {},
): Promise<string[]> {
  const cwd = await dirWithConfig({ tenants: [fileTenant()], ...config });
  return problemLines(await configError({ cwd, env: options.env ?? tenantEnv(), flags: options.flags }));
}

describe('unknown keys', () => {
  it('suggests the closest top-level key', async () => {
    expect(await problemsFor({ schemma: 'atlas' })).toEqual(['schemma is not a known key: did you mean "schema"?']);
    expect(await problemsFor({ start_date: '2024-01-01' })).toEqual(['start_date is not a known key: did you mean "startDate"?']);
  });

  it('lists the known keys when nothing is close', async () => {
    const [line] = await problemsFor({ frobnicate: true });
    expect(line).toMatch(/^frobnicate is not a known key: expected one of "database", "schema", .*"endpoints", "reports"$/);
  });

  it('checks tenant keys', async () => {
    const { clientSecret, ...tenant } = fileTenant();
    expect(await problemsFor({ tenants: [{ ...tenant, clientSecert: clientSecret }] })).toEqual([
      'tenants[0].clientSecert is not a known key: did you mean "clientSecret"?',
      'tenants[0].clientSecret is not set: expected the tenant\'s client secret from the ServiceTitan developer portal, e.g. "${ST_CLIENT_SECRET}"',
    ]);
  });

  it('checks endpoints and log keys', async () => {
    expect(await problemsFor({ endpoints: { includes: ['crm/export/customers'] }, log: { levle: 'info' } })).toEqual([
      'log.levle is not a known key: did you mean "level"?',
      'endpoints.includes is not a known key: did you mean "include"?',
    ]);
  });

  it('ignores comment keys starting with //', async () => {
    const cwd = await dirWithConfig({ '//': 'a comment', '// schema': 'another', tenants: [{ '// note': 'x', ...fileTenant() }] });
    await expect(loadConfig({ cwd, env: tenantEnv() })).resolves.toBeTruthy();
  });
});

describe('dates', () => {
  it.each(['2024-13-01', '2023-02-29', '2024-04-31', '2024-1-1', 'yesterday', '2024-01-01T00:00:00Z'])(
    'rejects startDate %j with an example',
    async (value) => {
      expect(await problemsFor({ startDate: value })).toEqual([
        `startDate ${JSON.stringify(value)} is not a valid date: expected YYYY-MM-DD, e.g. "2024-01-01"`,
      ]);
    },
  );

  it('names the variable or flag the bad date came from', async () => {
    expect(await problemsFor({}, { env: tenantEnv({ ATLAS_START_DATE: '2024-02-30' }) })).toEqual([
      'startDate (from ATLAS_START_DATE) "2024-02-30" is not a valid date: expected YYYY-MM-DD, e.g. "2024-01-01"',
    ]);
    expect(await problemsFor({}, { flags: { startDate: '01/02/2024' } })).toEqual([
      'startDate (from --start-date) "01/02/2024" is not a valid date: expected YYYY-MM-DD, e.g. "2024-01-01"',
    ]);
  });
});

describe('time zones', () => {
  it('suggests the closest IANA zone for a typo', async () => {
    expect(await problemsFor({ tenants: [fileTenant({ timezone: 'America/Phenix' })] })).toEqual([
      'tenants[0].timezone "America/Phenix" is not a known IANA time zone: expected a name such as "America/Phoenix" (did you mean it?)',
    ]);
  });

  it.each(['Mars/Olympus_Mons', '+05:00', 'PST8PDT!', 42])('rejects %j', async (value) => {
    const lines = await problemsFor({ tenants: [fileTenant({ timezone: value })] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tenants\[0\]\.timezone \S+ is not a known IANA time zone: expected a name such as "/);
  });

  it('defaults a blank or missing time zone to UTC', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant({ timezone: '' })] });
    expect((await loadConfig({ cwd, env: tenantEnv() })).tenants[0].timezone).toBe('UTC');
  });
});

describe('tenant ids', () => {
  it.each(['abc', '-5', '0', '12.5', '1e9'])('rejects %j', async (value) => {
    const [line] = await problemsFor({ tenants: [fileTenant({ tenantId: value })] });
    expect(line).toMatch(
      /^tenants\[0\]\.tenantId ".*" is (not a ServiceTitan tenant id|not positive): expected a positive whole number up to 9223372036854775807, e.g. "1234567890"$/,
    );
  });

  it('rejects ids beyond int64', async () => {
    expect(await problemsFor({ tenants: [fileTenant({ tenantId: '9223372036854775808' })] })).toEqual([
      'tenants[0].tenantId "9223372036854775808" is out of the int64 range: expected a positive whole number up to 9223372036854775807, e.g. "1234567890"',
    ]);
  });

  it('asks for a string when a JSON number has lost precision', async () => {
    const cwd = await dirWithConfig(
      '{"tenants": [{"name": "a", "tenantId": 12345678901234567890, "clientId": "${ST_CLIENT_ID}", "clientSecret": "${ST_CLIENT_SECRET}", "appKey": "${ST_APP_KEY}"}]}',
    );
    const [line] = problemLines(await configError({ cwd, env: tenantEnv() }));
    expect(line).toMatch(
      /^tenants\[0\]\.tenantId .* is too large for a JSON number to hold exactly: write it as a string, e.g. "1234567890"$/,
    );
  });

  it('accepts the largest int64 and safe JSON numbers, as decimal strings', async () => {
    const cwd = await dirWithConfig({
      tenants: [fileTenant({ tenantId: '9223372036854775807' }), fileTenant({ name: 'b', tenantId: 42 })],
    });
    expect((await loadConfig({ cwd, env: tenantEnv() })).tenants.map((t) => t.tenantId)).toEqual(['9223372036854775807', '42']);
  });

  it('reports a missing tenant id', async () => {
    const { tenantId: _omit, ...tenant } = fileTenant();
    expect(await problemsFor({ tenants: [tenant] })).toEqual([
      'tenants[0].tenantId is not set: expected a positive whole number up to 9223372036854775807, e.g. "1234567890"',
    ]);
  });
});

describe('schema names', () => {
  it.each(['Atlas', '1atlas', 'my-schema', 'a'.repeat(64), 'atlas.marts', ''])('rejects schema %j', async (value) => {
    expect(await problemsFor({ schema: value })).toEqual([
      `schema ${JSON.stringify(value)} is not a plain schema name: expected lowercase letters, digits and _ (at most 63, not starting with a digit), e.g. "atlas"`,
    ]);
  });

  it('rejects names Postgres reserves', async () => {
    expect(await problemsFor({ martsSchema: 'pg_marts' })).toEqual([
      'martsSchema "pg_marts" starts with "pg_", which Postgres reserves for system schemas: use e.g. "atlas_marts"',
    ]);
  });

  it('rejects a marts schema equal to the staging schema', async () => {
    expect(await problemsFor({ schema: 'warehouse', martsSchema: 'warehouse' })).toEqual([
      'martsSchema "warehouse" is the same as schema: models need a schema of their own, e.g. "atlas_marts"',
    ]);
    expect(await problemsFor({ schema: 'atlas_marts' })).toEqual([
      'martsSchema "atlas_marts" is the same as schema: models need a schema of their own, e.g. "atlas_models"',
    ]);
  });
});

describe('secrets', () => {
  it('reports missing, empty and mistyped secrets without showing them', async () => {
    const { clientId: _omit, ...tenant } = fileTenant();
    expect(await problemsFor({ tenants: [{ ...tenant, clientSecret: '  ', appKey: 12345 }] })).toEqual([
      'tenants[0].clientId is not set: expected the tenant\'s client id from the ServiceTitan developer portal, e.g. "${ST_CLIENT_ID}"',
      'tenants[0].clientSecret is empty: expected the tenant\'s client secret from the ServiceTitan developer portal, e.g. "${ST_CLIENT_SECRET}"',
      'tenants[0].appKey is set but is a number (value not shown): expected the application\'s app key from the ServiceTitan developer portal as a string, e.g. "${ST_APP_KEY}"',
    ]);
  });

  it('names the ST_* variable for an environment tenant', async () => {
    const cwd = await dirWithConfig({});
    const lines = problemLines(await configError({ cwd, env: tenantEnv({ ST_APP_KEY: undefined }) }));
    expect(lines).toEqual([
      "appKey (from ST_APP_KEY) is not set: expected the application's app key from the ServiceTitan developer portal, e.g. ST_APP_KEY=<appKey from the ServiceTitan developer portal>",
    ]);
  });
});

describe('tenants', () => {
  it('rejects duplicate names', async () => {
    expect(await problemsFor({ tenants: [fileTenant(), fileTenant({ tenantId: '555' })] })).toEqual([
      'tenants[1].name "acme-hvac" is already the name of tenants[0]: tenant names must be unique, e.g. "acme-hvac-2"',
    ]);
  });

  it('rejects the same tenant id twice', async () => {
    expect(await problemsFor({ tenants: [fileTenant(), fileTenant({ name: 'again' })] })).toEqual([
      'tenants[1].tenantId "1234567890" is also the tenant id of tenant "acme-hvac": each ServiceTitan tenant may be configured once (its rows are keyed by tenant id)',
    ]);
  });

  it('rejects a tenant name that is not shell- and path-safe', async () => {
    expect(await problemsFor({ tenants: [fileTenant({ name: 'acme hvac/prod' })] })).toEqual([
      'tenants[0].name "acme hvac/prod" is not a valid tenant name: expected letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit), e.g. "acme-hvac"',
    ]);
  });

  it('rejects an unknown environment', async () => {
    expect(await problemsFor({ tenants: [fileTenant({ environment: 'prod' })] })).toEqual([
      'tenants[0].environment "prod" is not valid: expected "production" or "integration"',
    ]);
  });

  it.each([0, -1, 'fast'])('rejects requestsPerSecond %j', async (value) => {
    const lines = await problemsFor({ tenants: [fileTenant({ requestsPerSecond: value })] });
    expect(lines).toEqual([
      `tenants[0].requestsPerSecond ${typeof value === 'string' ? JSON.stringify(value) : value} is not a positive number: e.g. 50`,
    ]);
  });

  it('defaults a null requestsPerSecond to 50', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant({ requestsPerSecond: null })] });
    expect((await loadConfig({ cwd, env: tenantEnv() })).tenants[0].requestsPerSecond).toBe(50);
  });

  it('accepts appId, as older configs carry it, and ignores it: ServiceTitan needs no app id', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant({ appId: '12345' })] });
    const [tenant] = (await loadConfig({ cwd, env: tenantEnv({ ST_APP_ID: '777' }) })).tenants;
    expect(tenant.name).toBe('acme-hvac');
    expect(tenant).not.toHaveProperty('appId');
  });

  it('accepts a fractional requestsPerSecond', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant({ requestsPerSecond: 0.5 })] });
    expect((await loadConfig({ cwd, env: tenantEnv() })).tenants[0].requestsPerSecond).toBe(0.5);
  });

  it('names the known tenants when --tenant names an unknown one', async () => {
    expect(
      await problemsFor(
        { tenants: [fileTenant(), fileTenant({ name: 'acme-plumbing', tenantId: '2' })] },
        { flags: { tenant: ['acme-hvac', 'acme-electric'] } },
      ),
    ).toEqual(['--tenant "acme-electric" names no configured tenant: expected one of "acme-hvac", "acme-plumbing"']);
  });

  it('requires at least one tenant', async () => {
    const cwd = await dirWithConfig({ schema: 'atlas' });
    const [line] = problemLines(await configError({ cwd, env: {} }));
    expect(line).toMatch(
      /^tenants is empty: configure at least one tenant — .*--st-credentials <file>.*ST_TENANT_ID.*; e\.g\. "tenants": \[\{"name": "acme-hvac"/,
    );
  });

  it('rejects a tenants value that is not an array', async () => {
    const [line] = await problemsFor({ tenants: { name: 'acme' } });
    expect(line).toMatch(/^tenants must be an array of tenant objects, not an object: e\.g\. \[\{"name": "acme-hvac"/);
  });
});

describe('concurrency', () => {
  it.each([0, 65, 2.5, -1, '8x'])('rejects %j from the file', async (value) => {
    expect(await problemsFor({ concurrency: value })).toEqual([
      `concurrency ${typeof value === 'string' ? JSON.stringify(value) : value} is not a positive whole number up to 64: e.g. 8`,
    ]);
  });

  it('names the variable and the flag', async () => {
    expect(await problemsFor({}, { env: tenantEnv({ ATLAS_CONCURRENCY: 'many' }) })).toEqual([
      'concurrency (from ATLAS_CONCURRENCY) "many" is not a positive whole number up to 64: e.g. 8',
    ]);
    expect(await problemsFor({}, { flags: { concurrency: Number.NaN } })).toEqual([
      'concurrency (from --concurrency) NaN is not a positive whole number up to 64: e.g. 8',
    ]);
  });
});

describe('URLs and logging', () => {
  it('rejects a non-http(s) API or token URL', async () => {
    expect(await problemsFor({ tenants: [fileTenant({ apiUrl: 'ftp://api.example.com', authUrl: 'auth.example.com' })] })).toEqual([
      'tenants[0].apiUrl "ftp://api.example.com" is not an http(s) URL: expected e.g. "https://api.servicetitan.io"',
      'tenants[0].authUrl "auth.example.com" is not an http(s) URL: expected e.g. "https://auth.servicetitan.io/connect/token"',
    ]);
  });

  it('rejects a database URL that is not postgres', async () => {
    expect(await problemsFor({ database: 'mysql://root@db/warehouse' })).toEqual([
      'database "mysql://root@db/warehouse" is not a Postgres URL: expected postgres:// or postgresql://, e.g. "postgres://atlas@localhost:5432/warehouse" (a password goes after the user, as atlas:…@)',
    ]);
  });

  it('rejects unknown log levels and formats', async () => {
    expect(await problemsFor({ log: { level: 'verbose' } }, { flags: { logFormat: 'xml' } })).toEqual([
      'log.level "verbose" is not valid: expected one of "debug", "info", "warn", "error"',
      'log.format (from --log-format) "xml" is not valid: expected "text" or "json"',
    ]);
  });

  it('rejects a bad embedded port', async () => {
    expect(await problemsFor({}, { env: tenantEnv({ ATLAS_EMBEDDED_PG_PORT: '70000' }) })).toEqual([
      'database.port (from ATLAS_EMBEDDED_PG_PORT) "70000" is not a TCP port: expected a whole number from 1 to 65535, e.g. 54329',
    ]);
  });
});

describe('${NAME} references', () => {
  it('names the key path and the unset variable', async () => {
    expect(await problemsFor({}, { env: tenantEnv({ ST_CLIENT_SECRET: undefined }) })).toEqual([
      'tenants[0].clientSecret refers to ${ST_CLIENT_SECRET}, which is not set: set ST_CLIENT_SECRET in the environment, or write the value in place of the reference',
    ]);
  });
});

describe('all problems together', () => {
  it('reports every problem in one ConfigError, one per line', async () => {
    const cwd = await dirWithConfig({
      startDate: '2024-13-01',
      schema: 'Bad',
      concurrency: 0,
      tenants: [fileTenant({ timezone: 'Nowhere/City', environment: 'prod' })],
    });
    const error = await configError({ cwd, env: tenantEnv() });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message.split('\n')[0]).toBe('Atlas configuration is invalid (5 problems; config file atlas.config.json):');
    expect(problemLines(error).map((line) => line.split(' ')[0])).toEqual([
      'schema',
      'startDate',
      'concurrency',
      'tenants[0].timezone',
      'tenants[0].environment',
    ]);
    expect(error.details).toEqual({ problems: problemLines(error) });
  });
});
