/**
 * The sandbox's marketing-ads API: windows as the real API takes them (fromUtc/toUtc required, a
 * 400 for a missing, malformed or inverted window or segmentation type), pages, the strict rate
 * limit, and data that moves with the clock (new days, restated recent days, warnings that come
 * and go) while the rest of the tenant is unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { Client, type Row } from './helpers.js';

let sb: Sandbox;
let client: Client;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.05, seed: 3 });
  client = await Client.create(sb);
});
afterAll(async () => {
  await sb.close();
});

const day = (d: string) => ({
  fromUtc: `${d}T00:00:00Z`,
  toUtc: `${new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`,
});
type Page = { page: number; pageSize: number; hasMore: boolean; totalCount: number | null; data: Row[] };

describe('sandbox marketing ads', () => {
  it.each([
    [{}, 'fromUtc'],
    [{ fromUtc: '2026-05-30T00:00:00Z' }, 'toUtc'],
    [{ fromUtc: 'yesterday', toUtc: '2026-05-31T00:00:00Z' }, 'fromUtc'],
    [{ fromUtc: '2026-05-31T00:00:00Z', toUtc: '2026-05-31T00:00:00Z' }, 'toUtc'],
    [{ ...day('2026-05-30') }, 'performanceSegmentationType'],
    [{ ...day('2026-05-30'), performanceSegmentationType: 'Ad' }, 'performanceSegmentationType'],
    [{ ...day('2026-05-30'), performanceSegmentationType: 'Campaign', pageSize: '5001' }, 'pageSize'],
  ])('answers 400 for a bad request %j, naming %s', async (query, param) => {
    const res = await client.get('marketingads/performance', query as Record<string, string>);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors)).toEqual([param]);
  });

  it('answers a window with its days only, per segmentation type, summed over several days', async () => {
    const one = await client.json<Page>('marketingads/performance', { ...day('2026-05-30'), performanceSegmentationType: 'Campaign' });
    const truthDay = sb.dailyTruth('marketingads/performance').find((d) => d.day === '2026-05-30' && d.segmentationType === 'Campaign')!;
    expect(one.data).toEqual(truthDay.rows);
    expect(one.data.length).toBeGreaterThan(0);
    const keywords = await client.json<Page>('marketingads/performance', { ...day('2026-05-30'), performanceSegmentationType: 'Keyword' });
    expect(keywords.data.every((r) => r.keyword !== null && r.adGroup !== null)).toBe(true);
    const two = await client.json<Page>('marketingads/performance', {
      fromUtc: '2026-05-29T00:00:00Z',
      toUtc: '2026-05-31T00:00:00Z',
      performanceSegmentationType: 'Campaign',
    });
    const clicks = (rows: Row[]) => rows.reduce((n, r) => n + ((r.digitalStats as { clicks: number }).clicks ?? 0), 0);
    const first = await client.json<Page>('marketingads/performance', { ...day('2026-05-29'), performanceSegmentationType: 'Campaign' });
    expect(clicks(two.data)).toBe(clicks(first.data) + clicks(one.data));
  });

  it('pages leads in a window, with the total when asked, and filters by lead type', async () => {
    const all = await client.json<Page>('marketingads/attributed-leads', { ...day('2026-05-30'), pageSize: '5000', includeTotal: 'true' });
    expect(all.totalCount).toBe(all.data.length);
    expect(all.data.every((r) => String(r.dateTime).startsWith('2026-05-30'))).toBe(true);
    const first = await client.json<Page>('marketingads/attributed-leads', { ...day('2026-05-30'), pageSize: '5' });
    const second = await client.json<Page>('marketingads/attributed-leads', { ...day('2026-05-30'), pageSize: '5', page: '2' });
    expect(first.hasMore).toBe(true);
    expect([...first.data, ...second.data]).toEqual(all.data.slice(0, 10));
    const calls = await client.json<Page>('marketingads/attributed-leads', { ...day('2026-05-30'), pageSize: '5000', leadType: 'Call' });
    expect(calls.data.length).toBeGreaterThan(0);
    expect(calls.data.every((r) => r.leadType === 1 && r.call !== null)).toBe(true);
    expect((await client.get('marketingads/attributed-leads', { ...day('2026-05-30'), leadType: 'Fax' })).status).toBe(400);
  });

  it('serves the current capacity warnings whole', async () => {
    const body = await client.json<{ tenantId: number; totalCount: number; data: Row[] }>('marketingads/capacity-warnings');
    expect(body.tenantId).toBe(Number(sb.tenantId));
    expect(body.data).toEqual(sb.truth('marketingads/capacity-warnings'));
    expect(body.totalCount).toBe(body.data.length);
  });

  it('moves with the clock: new days appear and recent days are restated, older days stay', async () => {
    const before = sb.dailyTruth('marketingads/performance');
    const leadsBefore = sb.truth('marketingads/attributed-leads').length;
    const otherBefore = JSON.stringify(sb.truth('marketing/campaigns'));
    sb.advance({ hours: 48, changes: 0 });
    const after = sb.dailyTruth('marketingads/performance');
    expect(after.length).toBe(before.length + 6);
    const changed = before.filter((d, i) => JSON.stringify(d) !== JSON.stringify(after[i])).map((d) => d.day);
    expect(new Set(changed).size).toBeGreaterThanOrEqual(2);
    expect([...new Set(changed)].sort()[0] >= before[before.length - 1 - 3 * 4].day).toBe(true);
    expect(sb.truth('marketingads/attributed-leads').length).toBeGreaterThan(leadsBefore);
    expect(JSON.stringify(sb.truth('marketing/campaigns'))).toBe(otherBefore);
  });
});

describe('sandbox marketing ads under the strict rate limit', () => {
  it('counts ads requests against the limit like any other', async () => {
    const limited = await startSandbox({ scale: 0.02, seed: 5, rateLimit: 3 });
    try {
      const c = await Client.create(limited);
      const statuses = await Promise.all(
        Array.from({ length: 6 }, () =>
          c.get('marketingads/performance', { ...day('2026-05-30'), performanceSegmentationType: 'Campaign' }),
        ),
      );
      expect(statuses.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      expect(statuses.find((r) => r.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
