import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { dirWithConfig, fileTenant, tempDir, tenantEnv, writeJson } from './support.js';

describe('precedence: defaults < config file < environment < flags', () => {
  it('uses the defaults when only a tenant is given', async () => {
    const cwd = await tempDir();
    const config = await loadConfig({ cwd, env: tenantEnv() });
    expect(config).toMatchObject({
      schema: 'atlas',
      martsSchema: 'atlas_marts',
      startDate: null,
      concurrency: 8,
      stateDir: join(cwd, '.atlas'),
      log: { level: 'info', format: 'text' },
      endpoints: { include: [], exclude: [] },
      database: { kind: 'embedded', dataDir: join(cwd, '.atlas', 'postgres'), port: 54329 },
    });
  });

  const file = {
    database: 'postgres://file@file-host:5432/file_db',
    schema: 'file_schema',
    martsSchema: 'file_marts',
    startDate: '2021-01-01',
    concurrency: 2,
    stateDir: 'file-state',
    log: { level: 'warn', format: 'json' },
    tenants: [fileTenant()],
  };

  it('takes the config file over the defaults', async () => {
    const cwd = await dirWithConfig(file);
    const config = await loadConfig({ cwd, env: tenantEnv() });
    expect(config).toMatchObject({
      database: { kind: 'url', url: 'postgres://file@file-host:5432/file_db' },
      schema: 'file_schema',
      martsSchema: 'file_marts',
      startDate: '2021-01-01',
      concurrency: 2,
      stateDir: join(cwd, 'file-state'),
      log: { level: 'warn', format: 'json' },
    });
  });

  const env = tenantEnv({
    DATABASE_URL: 'postgres://env@env-host:5432/env_db',
    ATLAS_SCHEMA: 'env_schema',
    ATLAS_MARTS_SCHEMA: 'env_marts',
    ATLAS_START_DATE: '2022-02-02',
    ATLAS_CONCURRENCY: '3',
    ATLAS_STATE_DIR: 'env-state',
    ATLAS_LOG_LEVEL: 'debug',
    ATLAS_LOG_FORMAT: 'text',
  });

  it('takes the environment over the config file', async () => {
    const cwd = await dirWithConfig(file);
    const config = await loadConfig({ cwd, env });
    expect(config).toMatchObject({
      database: { kind: 'url', url: 'postgres://env@env-host:5432/env_db' },
      schema: 'env_schema',
      martsSchema: 'env_marts',
      startDate: '2022-02-02',
      concurrency: 3,
      stateDir: join(cwd, 'env-state'),
      log: { level: 'debug', format: 'text' },
    });
  });

  it('takes flags over the environment', async () => {
    const cwd = await dirWithConfig(file);
    const config = await loadConfig({
      cwd,
      env,
      flags: {
        database: 'postgresql://flag@flag-host/flag_db',
        schema: 'flag_schema',
        startDate: '2023-03-03',
        concurrency: 4,
        logLevel: 'error',
        logFormat: 'json',
      },
    });
    expect(config).toMatchObject({
      database: { kind: 'url', url: 'postgresql://flag@flag-host/flag_db' },
      schema: 'flag_schema',
      startDate: '2023-03-03',
      concurrency: 4,
      log: { level: 'error', format: 'json' },
    });
  });

  it('treats empty environment variables as unset', async () => {
    const cwd = await dirWithConfig(file);
    const config = await loadConfig({ cwd, env: tenantEnv({ ATLAS_SCHEMA: '', ATLAS_CONCURRENCY: ' ', DATABASE_URL: '' }) });
    expect(config.schema).toBe('file_schema');
    expect(config.concurrency).toBe(2);
    expect(config.database).toEqual({ kind: 'url', url: 'postgres://file@file-host:5432/file_db' });
  });

  it('lets --endpoint replace endpoints.include and keeps endpoints.exclude', async () => {
    const cwd = await dirWithConfig({
      tenants: [fileTenant()],
      endpoints: { include: ['crm/export/customers'], exclude: ['jpm/export/jobs'] },
    });
    expect((await loadConfig({ cwd, env: tenantEnv() })).endpoints).toEqual({
      include: ['crm/export/customers'],
      exclude: ['jpm/export/jobs'],
    });
    const flagged = await loadConfig({
      cwd,
      env: tenantEnv(),
      flags: { endpoints: ['accounting/export/invoices', 'crm/export/locations'] },
    });
    expect(flagged.endpoints).toEqual({ include: ['accounting/export/invoices', 'crm/export/locations'], exclude: ['jpm/export/jobs'] });
  });

  it('filters tenants by --tenant', async () => {
    const cwd = await dirWithConfig({
      tenants: [
        fileTenant(),
        fileTenant({ name: 'acme-plumbing', tenantId: '222' }),
        fileTenant({ name: 'acme-electric', tenantId: '333' }),
      ],
    });
    const config = await loadConfig({ cwd, env: tenantEnv(), flags: { tenant: ['acme-plumbing', 'acme-electric'] } });
    expect(config.tenants.map((t) => t.name)).toEqual(['acme-plumbing', 'acme-electric']);
    expect((await loadConfig({ cwd, env: tenantEnv(), flags: { tenant: [] } })).tenants).toHaveLength(3);
  });

  it('reads an explicit --config path relative to cwd', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'other.json', { schema: 'other_schema', tenants: [fileTenant()] });
    expect((await loadConfig({ cwd, env: tenantEnv(), configPath: 'other.json' })).schema).toBe('other_schema');
  });

  it('allows no tenants when requireTenants is false', async () => {
    const cwd = await tempDir();
    const config = await loadConfig({ cwd, env: {}, requireTenants: false });
    expect(config.tenants).toEqual([]);
  });

  it('uses a tenants array in the file instead of ST_* variables', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant({ name: 'from-file' })] });
    const config = await loadConfig({ cwd, env: tenantEnv({ ST_TENANT_NAME: 'from-env' }) });
    expect(config.tenants.map((t) => t.name)).toEqual(['from-file']);
  });
});
