/** `log.quiet`: from the config file, ATLAS_LOG_QUIET or `--quiet`; absent unless some source sets it. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { configError, dirWithConfig, fileTenant, problemLines, tenantEnv } from './support.js';

const load = async (file: Record<string, unknown>, env: NodeJS.ProcessEnv = {}, quiet?: boolean) =>
  loadConfig({ cwd: await dirWithConfig({ tenants: [fileTenant()], ...file }), env: tenantEnv(env), flags: { quiet } });

describe('log.quiet', () => {
  it('is absent unless set, and follows file < environment < flag', async () => {
    expect((await load({})).log).toEqual({ level: 'info', format: 'text' });
    expect((await load({ log: { quiet: true } })).log.quiet).toBe(true);
    expect((await load({ log: { quiet: true } }, { ATLAS_LOG_QUIET: 'false' })).log.quiet).toBe(false);
    expect((await load({ log: { quiet: false } }, { ATLAS_LOG_QUIET: '0' }, true)).log.quiet).toBe(true);
  });

  it('rejects a value that is not a boolean, naming where it came from', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant()], log: { quiet: 'yes' } });
    expect(problemLines(await configError({ cwd, env: tenantEnv() }))).toEqual(['log.quiet "yes" is not valid: expected true or false']);
    const fromEnv = await configError({
      cwd: await dirWithConfig({ tenants: [fileTenant()] }),
      env: tenantEnv({ ATLAS_LOG_QUIET: 'loud' }),
    });
    expect(problemLines(fromEnv)).toEqual(['log.quiet (from ATLAS_LOG_QUIET) "loud" is not valid: expected true or false']);
  });
});
