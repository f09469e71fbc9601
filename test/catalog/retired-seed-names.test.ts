/**
 * Titanpy names whose ServiceTitan path is gone (marketing `suppressions`) are refused with a
 * message naming the old path and why — never resolved to another entity — in the catalog, and
 * through `atlas get` (the compiled CLI against the sandbox), where `--url` still reaches the old path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, findEndpoint, resolveEndpoint, retiredSeedNames, seedGroups } from '../../src/catalog/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { cliEnv, runCli } from '../support/harness.js';
import { caught } from './support.js';

const suppressionsPath = 'marketing/v2/tenant/{tenant}/suppressions';

describe('retired seed names in the catalog', () => {
  it('refuse "suppressions" with or without its group, and in the module/name form', () => {
    for (const resolve of [
      () => resolveEndpoint('suppressions', { group: 'marketing' }),
      () => resolveEndpoint('suppressions'),
      () => resolveEndpoint('marketing/suppressions'),
    ]) {
      const error = caught(resolve);
      expect(error.code).toBe('ENDPOINT_UNKNOWN');
      expect(error.message).toContain(`Endpoint "suppressions" (group marketing) is retired: Titanpy requested ${suppressionsPath}`);
      expect(error.message).toMatch(/no longer in ServiceTitan's published Marketing API.*does not substitute a different resource/);
      expect(error.message).toContain('atlas get --url marketing/v2/tenant/<tenant id>/suppressions');
      const see = ['crm/contacts/contact-methods'];
      expect(error.details).toEqual({ name: 'suppressions', group: 'marketing', retiredPath: suppressionsPath, see });
    }
  });

  it('refuse the by-id form too, with an id given', () => {
    const error = caught(() => resolveEndpoint('suppressions/', { group: 'marketing', id: 'someone@example.com' }));
    expect(error.code).toBe('ENDPOINT_UNKNOWN');
    expect(error.details.retiredPath).toBe(`${suppressionsPath}/{id}`);
    expect(error.message).toContain('atlas get --url marketing/v2/tenant/<tenant id>/suppressions/<id>');
  });

  it('are seed names of their group whose path really is absent, pointing only at endpoints that exist', () => {
    expect(Object.keys(retiredSeedNames).length).toBeGreaterThan(0);
    for (const [key, retired] of Object.entries(retiredSeedNames)) {
      const [group, name] = key.split(':');
      expect(seedGroups[group].names, key).toContain(name);
      const [module, , , , ...rest] = retired.path.split('/');
      const shape = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');
      expect(
        catalog.filter((d) => d.module === module && shape(d.path) === shape(rest.join('/'))).map((d) => d.name),
        key,
      ).toEqual([]);
      for (const name of retired.see) expect(findEndpoint(name), `${key} → ${name}`).toBeDefined();
    }
  });
});

describe('atlas get with a retired seed name', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.01, seed: 61 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('fails with exit 2 and the reason, sending nothing; --url requests the old path as given', async () => {
    const { DATABASE_URL: _, ...env } = cliEnv(sandbox, '');
    const refused = await runCli(['get', 'suppressions', '--group', 'marketing'], env);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`is retired: Titanpy requested ${suppressionsPath}`);
    expect(refused.stderr).toContain('[ENDPOINT_UNKNOWN]');
    expect(sandbox.requests()).toEqual([]);

    const explicit = await runCli(['get', '--url', `marketing/v2/tenant/${sandbox.tenantId}/suppressions`], env);
    expect(explicit.code).not.toBe(0);
    expect(sandbox.requests().map((r) => r.path)).toEqual([`/marketing/v2/tenant/${sandbox.tenantId}/suppressions`]);
  });
});
