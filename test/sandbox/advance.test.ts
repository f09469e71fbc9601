import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { endpointShapes } from '../../sandbox/shapes/index.js';
import { byKey, Client, keyOf, type Row } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.05, seed: 11 });
});
afterAll(async () => {
  await sb.close();
});

const FEEDS = [
  'crm/export/customers',
  'crm/export/locations',
  'jpm/export/jobs',
  'accounting/export/invoices',
  'accounting/export/payments',
  'telecom/export/calls',
];

describe('sandbox advance()', () => {
  it('moves the clock and reports what changed', () => {
    const before = sb.clock();
    const summary = sb.advance({ hours: 6, changes: 10 });
    expect(summary.clock > before).toBe(true);
    expect(sb.clock()).toBe(summary.clock);
    expect(Date.parse(summary.clock) - Date.parse(before)).toBe(6 * 3_600_000);
    expect(summary.created).toBeGreaterThan(0);
    expect(summary.changed).toBeGreaterThan(0);
    expect(summary.merged).toBeGreaterThanOrEqual(1);
    expect(summary.deleted).toBeGreaterThanOrEqual(1);
  });

  it('changes show up in the feed after a saved token, and the merged result equals truth()', async () => {
    let client = await Client.create(sb);
    const state = new Map<string, { rows: Map<string, Row>; token: string }>();
    for (const name of FEEDS) {
      const walk = await client.walk(name);
      state.set(name, { rows: byKey(name, walk.rows), token: walk.token });
    }
    const summary = sb.advance({ changes: 25 });
    expect(summary.created + summary.changed).toBeGreaterThan(0);
    client = await Client.create(sb); // the advanced sandbox clock expired the old token
    let incremental = 0;
    for (const name of FEEDS) {
      const s = state.get(name)!;
      const walk = await client.walk(name, s.token);
      incremental += walk.rows.length;
      for (const row of walk.rows) s.rows.set(keyOf(name, row), row);
      const truth = sb.truth(name);
      expect(s.rows.size, name).toBe(truth.length);
      for (const record of truth) expect(s.rows.get(keyOf(name, record)), name).toEqual(record);
      for (const row of walk.rows) expect((row.modifiedOn as string) > '2026-06-01T12', name).toBe(true);
    }
    expect(incremental).toBeGreaterThan(0);
  });

  it('merges customers into others (active:false, mergedToId) and builds chains over successive advances', async () => {
    for (let i = 0; i < 6; i++) sb.advance({ hours: 24, changes: 12 });
    const customers = sb.truth('crm/export/customers');
    const byId = new Map(customers.map((c) => [c.id as number, c]));
    const merged = customers.filter((c) => c.mergedToId !== null);
    expect(merged.length).toBeGreaterThan(2);
    for (const c of merged) {
      expect(c.active).toBe(false);
      expect(byId.has(c.mergedToId as number)).toBe(true);
    }
    const longest = Math.max(
      ...merged.map((c) => {
        let hops = 0;
        let cur: Row | undefined = c;
        while (cur && cur.mergedToId !== null && hops < 50) {
          hops++;
          cur = byId.get(cur.mergedToId as number);
        }
        return hops;
      }),
    );
    expect(longest).toBeGreaterThanOrEqual(2);
    // Locations of merged customers moved to the surviving customer.
    const locations = sb.truth('crm/export/locations');
    for (const c of merged) expect(locations.some((l) => l.customerId === c.id && l.active === true)).toBe(false);
  });

  it('hard-deletes list-only reference rows, which then disappear from full list reads', async () => {
    const client = await Client.create(sb);
    const lists = [
      'marketing/costs',
      'accounting/tax-zones',
      'dispatch/technician-shifts',
      'dispatch/non-job-appointments',
      'dispatch/arrival-windows',
    ];
    const query = (name: string): Record<string, string> =>
      name === 'dispatch/non-job-appointments' ? { activeOnly: 'false' } : name === 'marketing/costs' ? {} : { active: 'Any' };
    const before = new Map<string, Set<string>>();
    for (const name of lists) before.set(name, new Set((await client.listAll(name, query(name))).map((r) => String(r.id))));
    let deleted = 0;
    for (let i = 0; i < 4; i++) deleted += sb.advance({ hours: 1, changes: 6 }).deleted;
    expect(deleted).toBeGreaterThanOrEqual(4);
    const fresh = await Client.create(sb);
    let gone = 0;
    for (const name of lists) {
      const now = new Set((await fresh.listAll(name, query(name))).map((r) => String(r.id)));
      expect(now).toEqual(new Set(sb.truth(name).map((r) => String(r.id))));
      for (const id of before.get(name)!) if (!now.has(id)) gone++;
    }
    expect(gone).toBe(deleted);
  });

  it('keeps data consistent: invoice items sum to invoice subtotals, splits sum to 100, payments apply to invoices', () => {
    const invoices = sb.truth('accounting/export/invoices');
    for (const inv of invoices) {
      const sum = (inv.items as Row[]).reduce((s, it) => s + Math.round(Number(it.total) * 100), 0);
      expect(sum).toBe(Math.round(Number(inv.subTotal) * 100));
    }
    const items = sb.truth('accounting/export/invoice-items');
    const invoiceIds = new Set(invoices.map((i) => i.id));
    expect(items.every((it) => invoiceIds.has(it.invoiceId))).toBe(true);
    const splits = new Map<number, number>();
    for (const s of sb.truth('payroll/export/jobs/splits'))
      splits.set(s.jobId as number, (splits.get(s.jobId as number) ?? 0) + (s.split as number));
    for (const total of splits.values()) expect(total).toBe(100);
    for (const p of sb.truth('accounting/export/payments')) {
      for (const a of p.appliedTo as Row[]) expect(invoiceIds.has(a.appliedTo)).toBe(true);
    }
    const jobs = new Map(sb.truth('jpm/export/jobs').map((j) => [j.id, j]));
    for (const log of sb.truth('jpm/export/job-canceled-logs')) expect(jobs.get(log.jobId)?.jobStatus).toBe('Canceled');
    const customers = new Set(sb.truth('crm/export/customers').map((c) => c.id));
    for (const loc of sb.truth('crm/export/locations')) expect(customers.has(loc.customerId)).toBe(true);
  });

  it('after advances, a date `from` on every feed returns exactly the rows changed at or after it', async () => {
    const client = await Client.create(sb);
    const changeTime = (r: Row): string => String(r.modifiedOn ?? r.createdOn ?? (r.history as Row[] | undefined)?.at(-1)?.date ?? '');
    for (const name of endpointShapes()
      .filter((e) => e.kind === 'export')
      .map((e) => e.name)) {
      const truth = sb.truth(name);
      const times = truth.map(changeTime).sort();
      for (const q of [0.5, 0.95]) {
        const pivot = times[Math.floor(times.length * q)];
        const { rows } = await client.walk(name, pivot);
        const want = new Set(truth.filter((r) => changeTime(r) >= pivot).map((r) => keyOf(name, r)));
        expect(new Set(byKey(name, rows).keys()), `${name} from ${pivot}`).toEqual(want);
      }
    }
  });

  it('exposes the control surface over HTTP', async () => {
    const info = (await (await fetch(`${sb.url}/_sandbox/info`)).json()) as Row;
    expect(info).toMatchObject({ tenantId: sb.tenantId, authUrl: sb.authUrl, clock: sb.clock() });
    const summary = (await (await fetch(`${sb.url}/_sandbox/advance?hours=2&changes=3`, { method: 'POST' })).json()) as Row;
    expect(summary.clock).toBe(sb.clock());
    const truth = (await (await fetch(`${sb.url}/_sandbox/truth?endpoint=${encodeURIComponent('jpm/job-types')}`)).json()) as Row[];
    expect(truth).toEqual(sb.truth('jpm/job-types'));
    expect((await fetch(`${sb.url}/_sandbox/truth?endpoint=nope`)).status).toBe(404);
    const faults = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: 1 }) });
    expect(faults.status).toBe(200);
    sb.clearRequests();
    await (await Client.create(sb)).get('jpm/job-types');
    const log = (await (await fetch(`${sb.url}/_sandbox/requests`)).json()) as Row[];
    expect(log).toHaveLength(1);
    sb.setFaults({});
  });
});
