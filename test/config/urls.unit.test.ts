import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { dirWithConfig, fileTenant, tempDir, tenantEnv } from './support.js';

describe('ServiceTitan URLs', () => {
  it('uses the production hosts by default', async () => {
    const [tenant] = (await loadConfig({ cwd: await dirWithConfig({ tenants: [fileTenant()] }), env: tenantEnv() })).tenants;
    expect(tenant).toMatchObject({
      environment: 'production',
      apiUrl: 'https://api.servicetitan.io',
      authUrl: 'https://auth.servicetitan.io/connect/token',
    });
  });

  it('switches both URLs for the integration environment', async () => {
    const [tenant] = (
      await loadConfig({ cwd: await dirWithConfig({ tenants: [fileTenant({ environment: 'integration' })] }), env: tenantEnv() })
    ).tenants;
    expect(tenant).toMatchObject({
      environment: 'integration',
      apiUrl: 'https://api-integration.servicetitan.io',
      authUrl: 'https://auth-integration.servicetitan.io/connect/token',
    });
  });

  it('lets a tenant set its own URLs, without trailing slashes', async () => {
    const cwd = await dirWithConfig({
      tenants: [
        fileTenant({ environment: 'integration', apiUrl: 'https://api.example.com/st//', authUrl: 'http://localhost:8080/connect/token/' }),
      ],
    });
    const [tenant] = (await loadConfig({ cwd, env: tenantEnv() })).tenants;
    expect(tenant).toMatchObject({ apiUrl: 'https://api.example.com/st', authUrl: 'http://localhost:8080/connect/token' });
  });

  it('lets ST_API_URL and ST_AUTH_URL override every tenant', async () => {
    const cwd = await dirWithConfig({
      tenants: [fileTenant({ apiUrl: 'https://api.example.com' }), fileTenant({ name: 'b', tenantId: '2', environment: 'integration' })],
    });
    const env = tenantEnv({ ST_API_URL: 'http://127.0.0.1:4010/', ST_AUTH_URL: 'http://127.0.0.1:4010/connect/token' });
    const tenants = (await loadConfig({ cwd, env })).tenants;
    expect(tenants.map((t) => [t.apiUrl, t.authUrl])).toEqual([
      ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/connect/token'],
      ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/connect/token'],
    ]);
  });

  it('applies ST_ENVIRONMENT and the URL overrides to an environment tenant', async () => {
    const [tenant] = (
      await loadConfig({
        cwd: await tempDir(),
        env: tenantEnv({ ST_ENVIRONMENT: 'integration', ST_AUTH_URL: 'https://auth.example.com/token' }),
      })
    ).tenants;
    expect(tenant).toMatchObject({ apiUrl: 'https://api-integration.servicetitan.io', authUrl: 'https://auth.example.com/token' });
  });
});
