/** The `reports` config key: defaults filled in, every mistake named with its entry and key. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';

const env = {
  ST_TENANT_ID: '1500123456',
  ST_CLIENT_ID: 'cid.x',
  ST_CLIENT_SECRET: 'cs1.x',
  ST_APP_KEY: 'ak1.x',
  DATABASE_URL: 'postgres://u@localhost/db',
};
const resolveWith = (reports: unknown, extra: Record<string, unknown> = {}) =>
  resolveConfig({ cwd: '/tmp', env, flags: {}, requireTenants: true, file: { path: 'atlas.config.json', value: { reports, ...extra } } });

describe('reports config', () => {
  it('fills defaults: the only tenant, From/To, one-day windows, 7 look-back days, 60 s spacing', () => {
    const { config, problems } = resolveWith([{ name: 'tech', category: 'technician', reportId: '201' }], { startDate: '2024-01-01' });
    expect(problems).toEqual([]);
    expect(config?.reports).toEqual([
      {
        tenant: config?.tenants[0].name,
        name: 'tech',
        category: 'technician',
        reportId: '201',
        parameters: {},
        dateParameter: 'From',
        endDateParameter: 'To',
        windowDays: 1,
        lookbackDays: 7,
        startDate: '2024-01-01',
        spacingSeconds: 60,
      },
    ]);
  });

  it('leaves `reports` out of configs without the key', () => {
    expect(resolveWith(undefined).config).not.toHaveProperty('reports');
  });

  it('names every mistake with its entry and key', () => {
    const { problems } = resolveWith([
      {
        name: 'Tech Perf',
        category: 'a/b',
        reportId: 'x',
        parameters: { From: '2024-01-01' },
        lookbackDays: -1,
        spacingSeconds: 'soon',
        tenant: 'nobody',
        colour: 1,
      },
      'tech',
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^reports\[0\]\.name "Tech Perf" is not a valid report name/),
        expect.stringMatching(/^reports\[0\]\.category "a\/b" is not valid/),
        expect.stringMatching(/^reports\[0\]\.reportId "x" is not a report id/),
        expect.stringMatching(/^reports\[0\]\.parameters\.From is set by Atlas for each date window/),
        expect.stringMatching(/^reports\[0\]\.lookbackDays -1 is not a whole number from 0 to 366/),
        expect.stringMatching(/^reports\[0\]\.spacingSeconds "soon" is not a number of seconds/),
        expect.stringMatching(/^reports\[0\]\.tenant "nobody" is not a configured tenant/),
        expect.stringMatching(/^reports\[0\]\.colour is not a known key/),
        expect.stringMatching(/^reports\[0\]\.startDate is not set/),
        expect.stringMatching(/^reports\[1\] must be an object/),
      ]),
    );
  });

  it('refuses two reports with one name for one tenant', () => {
    const entry = { name: 'tech', category: 'technician', reportId: 201, startDate: '2024-01-01' };
    expect(resolveWith([entry, { ...entry, reportId: 202 }]).problems).toEqual([expect.stringMatching(/name "tech".*used twice/)]);
  });
});
