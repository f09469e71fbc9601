import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { SECRET, tempDir, tenantEnv } from './support.js';

describe('a tenant from environment variables alone', () => {
  it('builds one tenant from ST_* variables with defaults', async () => {
    const config = await loadConfig({ cwd: await tempDir(), env: tenantEnv() });
    expect(config.tenants).toEqual([
      {
        name: 'default',
        tenantId: '1234567890',
        clientId: SECRET.clientId,
        clientSecret: SECRET.clientSecret,
        appKey: SECRET.appKey,
        timezone: 'UTC',
        environment: 'production',
        apiUrl: 'https://api.servicetitan.io',
        authUrl: 'https://auth.servicetitan.io/connect/token',
        requestsPerSecond: 50,
      },
    ]);
  });

  it('reads the optional ST_TIMEZONE, ST_TENANT_NAME and ST_ENVIRONMENT', async () => {
    const env = tenantEnv({ ST_TIMEZONE: 'America/Phoenix', ST_TENANT_NAME: 'acme', ST_ENVIRONMENT: 'integration' });
    const [tenant] = (await loadConfig({ cwd: await tempDir(), env })).tenants;
    expect(tenant).toMatchObject({
      name: 'acme',
      timezone: 'America/Phoenix',
      environment: 'integration',
      apiUrl: 'https://api-integration.servicetitan.io',
    });
  });

  it('trims a pasted trailing newline from secrets', async () => {
    const [tenant] = (await loadConfig({ cwd: await tempDir(), env: tenantEnv({ ST_CLIENT_SECRET: SECRET.clientSecret + '\n' }) })).tenants;
    expect(tenant.clientSecret).toBe(SECRET.clientSecret);
  });
});
