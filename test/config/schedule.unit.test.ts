/**
 * The `schedule` setting: a bad crontab is reported naming the key and the field that is wrong,
 * and the check agrees with graphile-worker's own parser (which `atlas worker` hands it to).
 */
import { parseCronItem } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { configError, dirWithConfig, fileTenant, problemLines, tenantEnv } from './support.js';

const good = ['*/15 * * * *', '0 3 * * *', '0,30 8-18 * * 1-5', '5 4 1 1 0', '0 0 * * 7', ' 59  23 31 12 6 ', '* * * * *'];
const bad = [
  '*/15 * * *',
  '* * * * * *',
  '60 * * * *',
  '* 24 * * *',
  '* * 0 * *',
  '* * * 13 *',
  '* * * * 8',
  '5-1 * * * *',
  'a * * * *',
  '*/0 * * * *',
  'every 15 minutes',
];

function graphileAccepts(schedule: string): boolean {
  try {
    parseCronItem({ task: 'atlas_sync', match: schedule.trim(), identifier: 'check' });
    return true;
  } catch {
    return false;
  }
}

describe('schedule', () => {
  it.each(good)('accepts %j, as graphile-worker does', async (schedule) => {
    const cwd = await dirWithConfig({ schedule, tenants: [{ ...fileTenant(), schedule }] });
    const config = await loadConfig({ cwd, env: tenantEnv() });
    expect(config.schedule).toBe(schedule.trim().split(/\s+/).join(' '));
    expect(config.tenants[0].schedule).toBe(config.schedule);
    expect(graphileAccepts(schedule)).toBe(true);
  });

  it.each(bad)('refuses %j, as graphile-worker does, naming the key', async (schedule) => {
    const cwd = await dirWithConfig({ schedule, tenants: [{ ...fileTenant(), schedule }] });
    const lines = problemLines(await configError({ cwd, env: tenantEnv() }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^schedule "/);
    expect(lines[1]).toMatch(/^tenants\[0\]\.schedule "/);
    for (const line of lines) expect(line).toMatch(/e\.g\. "\*\/15 \* \* \* \*"/);
    expect(graphileAccepts(schedule)).toBe(false);
  });

  it('names the field that is wrong', async () => {
    const cwd = await dirWithConfig({ schedule: '0 25 * * *', tenants: [fileTenant()] });
    const [line] = problemLines(await configError({ cwd, env: tenantEnv() }));
    expect(line).toContain('the hour field "25" is outside 0-23');
  });

  it('is absent unless configured', async () => {
    const cwd = await dirWithConfig({ tenants: [fileTenant()] });
    const config = await loadConfig({ cwd, env: tenantEnv() });
    expect(config.schedule).toBeUndefined();
    expect(config.tenants[0].schedule).toBeUndefined();
  });
});
