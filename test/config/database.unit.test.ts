import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { configError, dirWithConfig, fileTenant, problemLines, tempDir, tenantEnv } from './support.js';

describe('database', () => {
  it('defaults to an embedded Postgres under the state directory', async () => {
    const cwd = await tempDir();
    expect((await loadConfig({ cwd, env: tenantEnv() })).database).toEqual({
      kind: 'embedded',
      dataDir: join(cwd, '.atlas', 'postgres'),
      port: 54329,
    });
  });

  it('moves the embedded database with ATLAS_STATE_DIR and ATLAS_EMBEDDED_PG_PORT', async () => {
    const cwd = await tempDir();
    const config = await loadConfig({ cwd, env: tenantEnv({ ATLAS_STATE_DIR: '/var/lib/atlas', ATLAS_EMBEDDED_PG_PORT: '6543' }) });
    expect(config.stateDir).toBe('/var/lib/atlas');
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '/var/lib/atlas/postgres', port: 6543 });
  });

  it('treats "database": null as not configured', async () => {
    const cwd = await dirWithConfig({ database: null, tenants: [fileTenant()] });
    expect((await loadConfig({ cwd, env: tenantEnv() })).database.kind).toBe('embedded');
  });

  it('accepts postgres:// and postgresql:// URLs', async () => {
    for (const url of ['postgres://atlas@localhost:5432/warehouse', 'postgresql://atlas:pw@[::1]:5432/warehouse?sslmode=require']) {
      const cwd = await dirWithConfig({ database: url, tenants: [fileTenant()] });
      expect((await loadConfig({ cwd, env: tenantEnv() })).database).toEqual({ kind: 'url', url });
    }
  });

  it('lets DATABASE_URL override a database object in the file', async () => {
    const cwd = await dirWithConfig({
      database: { host: 'file-host', dbname: 'w', user: 'u', pass: 'p', schema: 'from_object' },
      tenants: [fileTenant()],
    });
    const config = await loadConfig({ cwd, env: tenantEnv({ DATABASE_URL: 'postgres://env@env-host/w' }) });
    expect(config.database).toEqual({ kind: 'url', url: 'postgres://env@env-host/w' });
    expect(config.schema).toBe('atlas'); // the overridden object's schema does not apply
  });

  it('substitutes ${NAME} inside the URL', async () => {
    const cwd = await dirWithConfig({ database: 'postgres://atlas:${DB_PASSWORD}@db/w', tenants: [fileTenant()] });
    const config = await loadConfig({ cwd, env: tenantEnv({ DB_PASSWORD: 'pw123' }) });
    expect(config.database).toEqual({ kind: 'url', url: 'postgres://atlas:pw123@db/w' });
  });

  it('rejects a database value of the wrong type', async () => {
    const cwd = await dirWithConfig({ database: 5432, tenants: [fileTenant()] });
    expect(problemLines(await configError({ cwd, env: tenantEnv() }))).toEqual([
      'database must be a URL string or an object with host, port, dbname, user and pass, not a number: e.g. "postgres://atlas@localhost:5432/warehouse"',
    ]);
  });

  it('rejects an unknown key in the database object', async () => {
    const cwd = await dirWithConfig({ database: { host: 'db', dbname: 'w', user: 'u', password: 'x' }, tenants: [fileTenant()] });
    expect(problemLines(await configError({ cwd, env: tenantEnv() }))).toEqual([
      'database.password is not a known key: did you mean "pass"?',
    ]);
  });
});
