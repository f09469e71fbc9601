/**
 * Dispatch capacity, an opt-in snapshot: not read unless named; when named, one POST per tenant-
 * local day from today to 14 days ahead (after one more when the local clock's day is not the
 * server's), staged equal to the sandbox's truth; a later run, once the sandbox's clock has moved
 * on, replaces the days still ahead (a frame no longer offered is deleted) and keeps the days that
 * left the horizon as last read.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { expectStagingEqualsTruth, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.02, seed: 23, now: '2026-06-03T15:00:00Z' });
const endpoint = 'dispatch/capacity';

async function run(schema: string, command: 'build' | 'sync', include: string[] | null) {
  const { sandbox, warehouse, url } = fixture;
  const config = testConfig(url, [sandbox], { schema, ...(include ? { endpoints: { include, exclude: [] } } : {}) });
  const summary = await runBuild(config, warehouse, { command, fullRefresh: false }, logger, logProgress(logger));
  expect(summary.ok).toBe(true);
  return summary;
}

async function rows(sql: string): Promise<Array<Record<string, unknown>>> {
  return (await fixture.warehouse.pool.query(sql)).rows;
}

describe('dispatch capacity snapshot', () => {
  it('is not read by a default build', async () => {
    fixture.sandbox.clearRequests();
    await run('plain', 'build', null);
    expect(fixture.sandbox.requests().filter((r) => r.endpoint === endpoint)).toEqual([]);
    expect(await rows('select count(*)::int as n from plain.dispatch_capacity')).toEqual([{ n: 0 }]);
  });

  it('reads today and the next 14 local days, one POST each, equal to the truth', async () => {
    const { sandbox } = fixture;
    sandbox.clearRequests();
    await run('cap', 'build', [endpoint]);
    await expectStagingEqualsTruth(fixture.warehouse.pool, 'cap', sandbox, [endpoint]);
    const posts = sandbox.requests().filter((r) => r.endpoint === endpoint);
    expect(posts.every((r) => r.method === 'POST' && r.status === 200)).toBe(true);
    // 15 windows, plus one when the machine's day is not the sandbox's (its clock is fixed in June 2026).
    const machineDay = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Phoenix' });
    expect(posts.length).toBe(machineDay === '2026-06-03' ? 15 : 16);
    const days = await rows(`select distinct left(data->>'start', 10) as day from cap.dispatch_capacity order by 1`);
    // June 3 to June 17 in Phoenix, Sundays (June 7 and 14) closed.
    expect(days.map((d) => d.day)).toEqual(
      ['03', '04', '05', '06', '08', '09', '10', '11', '12', '13', '15', '16', '17'].map((d) => `2026-06-${d}`),
    );
  });

  it('a later run replaces the days ahead and keeps the days that left the horizon', async () => {
    const { sandbox, warehouse } = fixture;
    // A frame ahead that is no longer offered, and one of a past day: the first goes, the second stays.
    await warehouse.pool.query(
      `insert into cap.dispatch_capacity (tenant_id, start_utc, end_utc, business_unit_ids, data, active, run_id, extracted_at)
       values ($1, '2026-06-10T22:00:00Z', '2026-06-11T00:00:00Z', '999', '{"startUtc":"2026-06-10T22:00:00Z"}', true, 1, now()),
              ($1, '2026-06-01T22:00:00Z', '2026-06-02T00:00:00Z', '999', '{"startUtc":"2026-06-01T22:00:00Z"}', true, 1, now())`,
      [sandbox.tenantId],
    );
    const before = await rows(
      `select start_utc, end_utc, business_unit_ids, data from cap.dispatch_capacity where start_utc < '2026-06-05' order by 1, 2, 3`,
    );
    expect(before.length).toBeGreaterThan(2);

    sandbox.advance({ hours: 48, changes: 200 });
    const summary = await run('cap', 'sync', [endpoint]);
    const outcome = summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints : []))[0];
    expect(outcome.deleted).toBeGreaterThanOrEqual(1);

    // The days that left the horizon (June 3 and 4) are held as last read, besides today's truth.
    const kept = new Set(before.map((r) => `${r.start_utc}|${r.end_utc}|${r.business_unit_ids}`));
    await expectStagingEqualsTruth(warehouse.pool, 'cap', sandbox, [endpoint], new Map([[endpoint, kept]]));
    const after = await rows(
      `select start_utc, end_utc, business_unit_ids, data from cap.dispatch_capacity where start_utc < '2026-06-05' order by 1, 2, 3`,
    );
    expect(after).toEqual(before);
    expect(await rows(`select count(*)::int as n from cap.dispatch_capacity where business_unit_ids = '999'`)).toEqual([{ n: 1 }]);
    const last = await rows(`select max(left(data->>'start', 10)) as day from cap.dispatch_capacity`);
    expect(last).toEqual([{ day: '2026-06-19' }]);
  });
});
