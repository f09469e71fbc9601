/**
 * Secrets over plain HTTP and readable credential files (issue 9, finding 10): an http:// API or
 * token URL to another machine is refused (the client secret and tokens would cross the network
 * unencrypted); http to this machine (the sandbox, a local proxy) is accepted. Config and
 * credential files that hold a secret and that other users can read draw a warning.
 */
import { chmod } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exposedFileWarnings, loadConfig } from '../../src/config/index.js';
import { configError, problemLines, SECRET, tempDir, tenantEnv, writeJson } from './support.js';

describe('plain http URLs', () => {
  it('refuses http:// to another machine, from the environment or the config file, naming the setting', async () => {
    const cwd = await tempDir();
    const error = await configError({ cwd, env: tenantEnv({ ST_API_URL: 'http://api.example.com' }) });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(problemLines(error).join('\n')).toMatch(
      /ST_API_URL.*http:\/\/api\.example\.com"? is plain http:\/\/ to another machine.*use https:\/\//,
    );

    await writeJson(cwd, 'atlas.config.json', {
      tenants: [
        { name: 'a', tenantId: '1234567890', clientId: 'x', clientSecret: 'y', appKey: 'z', authUrl: 'http://10.0.0.5/connect/token' },
      ],
    });
    const fromFile = await configError({ cwd, env: {} });
    expect(problemLines(fromFile).join('\n')).toMatch(/tenants\[0\]\.authUrl.*plain http/);
    expect(fromFile.message).not.toContain('y"');
  });

  it('accepts http:// to this machine (the sandbox) and https:// anywhere', async () => {
    for (const apiUrl of ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010', 'https://api.example.com']) {
      const config = await loadConfig({ cwd: await tempDir(), env: tenantEnv({ ST_API_URL: apiUrl }) });
      expect(config.tenants[0].apiUrl).toBe(apiUrl);
    }
  });
});

describe('credential files readable by others', () => {
  it('warns about a file holding a secret that others can read, and not once it is private', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'st.json', { CLIENT_ID: SECRET.clientId, CLIENT_SECRET: SECRET.clientSecret });
    await chmod(`${cwd}/st.json`, 0o644);
    const warnings = await exposedFileWarnings(['st.json'], cwd);
    expect(warnings).toEqual(['st.json holds credentials and is readable by every user of this machine (mode 644): chmod 600 st.json']);
    expect(warnings.join('')).not.toContain(SECRET.clientSecret);

    await chmod(`${cwd}/st.json`, 0o640);
    expect(await exposedFileWarnings(['st.json'], cwd)).toEqual([
      'st.json holds credentials and is readable by its group (mode 640): chmod 600 st.json',
    ]);
    await chmod(`${cwd}/st.json`, 0o600);
    expect(await exposedFileWarnings(['st.json'], cwd)).toEqual([]);
  });

  it('says nothing about a readable file without secrets, or a missing one', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'atlas.config.json', { schema: 'atlas', database: { url: 'postgres://atlas@db/w' } });
    await chmod(`${cwd}/atlas.config.json`, 0o644);
    expect(await exposedFileWarnings(['atlas.config.json', 'missing.json', undefined], cwd)).toEqual([]);

    await writeJson(cwd, 'atlas.config.json', { database: { url: 'postgres://atlas:hunter2@db/w' } });
    await chmod(`${cwd}/atlas.config.json`, 0o644);
    expect(await exposedFileWarnings(['atlas.config.json'], cwd)).toHaveLength(1);
  });
});

describe('an environment URL over tenants from a file', () => {
  const fileTenants = {
    tenants: [
      { name: 'acme', tenantId: '1234567890', clientId: 'x', clientSecret: 'y', appKey: 'z' },
      { name: 'bolt', tenantId: '1234567891', clientId: 'x', clientSecret: 'y', appKey: 'z' },
    ],
  };

  it('warns that a leftover ST_API_URL / ST_AUTH_URL redirects the file tenants, naming them and not the URL user info', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'atlas.config.json', fileTenants);
    const env = { ST_API_URL: 'http://someone:pw@127.0.0.1:4010', ST_AUTH_URL: 'http://127.0.0.1:4010/connect/token' };
    const config = await loadConfig({ cwd, env });
    expect(config.tenants.map((tenant) => tenant.apiUrl)).toEqual(['http://someone:pw@127.0.0.1:4010', 'http://someone:pw@127.0.0.1:4010']);
    expect(config.warnings).toHaveLength(2);
    expect(config.warnings?.[0]).toMatch(
      /^ST_API_URL=http:\/\/127\.0\.0\.1:4010\/ overrides the URL of every tenant from the config file \("acme", "bolt"\)/,
    );
    expect(config.warnings?.[0]).toContain('left over from `atlas sandbox`');
    expect(config.warnings?.[1]).toMatch(/^ST_AUTH_URL=http:\/\/127\.0\.0\.1:4010\/connect\/token overrides/);
    expect(config.warnings?.join('\n')).not.toMatch(/someone|pw@/);
  });

  it('says nothing for tenants from the environment (the sandbox exports both) or without an environment URL', async () => {
    const fromEnv = await loadConfig({ cwd: await tempDir(), env: tenantEnv({ ST_API_URL: 'http://127.0.0.1:4010' }) });
    expect(fromEnv.warnings).toBeUndefined();
    const cwd = await tempDir();
    await writeJson(cwd, 'atlas.config.json', fileTenants);
    expect((await loadConfig({ cwd, env: {} })).warnings).toBeUndefined();
  });
});
