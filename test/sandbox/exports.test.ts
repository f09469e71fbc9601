import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { byKey, Client, keyOf } from './helpers.js';

let sb: Sandbox;
let client: Client;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.05, seed: 7 });
  client = await Client.create(sb);
});
afterAll(async () => {
  await sb.close();
});

const FEEDS = [
  'crm/export/customers',
  'crm/export/locations',
  'jpm/export/jobs',
  'jpm/export/appointments',
  'accounting/export/invoices',
  'accounting/export/payments',
  'payroll/export/jobs/splits',
  'jpm/export/job-history',
  'customer-interactions/export/technician-ratings',
  'telecom/export/calls',
  'sales/export/estimates',
  'memberships/export/membership-types',
  'inventory/export/purchase-orders',
  'payroll/export/payroll-settings',
  'service-agreements/export/service-agreements',
  'timesheets/export/activities',
];

describe('sandbox export feeds', () => {
  it.each(FEEDS)('walking %s to the end yields exactly truth()', async (name) => {
    const { rows } = await client.walk(name);
    const truth = sb.truth(name);
    expect(truth.length).toBeGreaterThan(0);
    const got = byKey(name, rows);
    expect(got.size).toBe(truth.length);
    for (const record of truth) expect(got.get(keyOf(name, record))).toEqual(record);
  });

  it('serves all 53 export paths', async () => {
    const exports = [
      'accounting/export/invoices',
      'accounting/export/invoice-items',
      'accounting/export/payments',
      'accounting/export/inventory-bills',
      'crm/export/bookings',
      'crm/export/customers',
      'crm/export/customers/contacts',
      'crm/export/leads',
      'crm/export/locations',
      'crm/export/locations/contacts',
      'customer-interactions/export/technician-ratings',
      'dispatch/export/appointment-assignments',
      'equipmentsystems/export/installed-equipment',
      'inventory/export/adjustments',
      'inventory/export/purchase-orders',
      'inventory/export/returns',
      'inventory/export/transfers',
      'jpm/export/jobs',
      'jpm/export/projects',
      'jpm/export/appointments',
      'jpm/export/job-canceled-logs',
      'jpm/export/job-notes',
      'jpm/export/project-notes',
      'jpm/export/job-history',
      'memberships/export/memberships',
      'memberships/export/membership-types',
      'memberships/export/recurring-service-types',
      'memberships/export/invoice-templates',
      'memberships/export/recurring-services',
      'memberships/export/recurring-service-events',
      'memberships/export/membership-status-changes',
      'payroll/export/jobs/splits',
      'payroll/export/payroll-adjustments',
      'payroll/export/jobs/timesheets',
      'payroll/export/activity-codes',
      'payroll/export/timesheet-codes',
      'payroll/export/gross-pay-items',
      'payroll/export/payroll-settings',
      'pricebook/export/categories',
      'pricebook/export/equipment',
      'pricebook/export/services',
      'pricebook/export/materials',
      'sales/export/estimates',
      'sales/estimates/export',
      'service-agreements/export/service-agreements',
      'settings/export/employees',
      'settings/export/technicians',
      'settings/export/business-units',
      'settings/export/tag-types',
      'telecom/export/calls',
      'timesheets/export/activity-categories',
      'timesheets/export/activity-types',
      'timesheets/export/activities',
    ];
    expect(exports).toHaveLength(53);
    for (const name of exports) {
      const body = await client.json<{ hasMore: boolean; continueFrom: string; data: unknown[] }>(name);
      expect(Object.keys(body), name).toEqual(['hasMore', 'continueFrom', 'data']);
      expect(body.data.length, name).toBeGreaterThan(0);
    }
  });

  it('serves the legacy estimates export with the same data', async () => {
    expect(sb.truth('sales/estimates/export')).toEqual(sb.truth('sales/export/estimates'));
    const legacy = await client.walk('sales/estimates/export');
    expect(byKey('e', legacy.rows).size).toBe(sb.truth('sales/export/estimates').length);
  });

  it('chooses batch sizes between the configured bounds, and the final token repeats an empty page', async () => {
    const { sizes, token, pages } = await client.walk('accounting/export/invoice-items');
    expect(pages).toBeGreaterThan(1);
    for (const size of sizes.slice(0, -1)) {
      expect(size).toBeGreaterThanOrEqual(200);
      expect(size).toBeLessThanOrEqual(500);
    }
    const again = await client.json<{ hasMore: boolean; continueFrom: string; data: unknown[] }>('accounting/export/invoice-items', {
      from: token,
    });
    expect(again).toMatchObject({ hasMore: false, data: [] });
    expect(typeof again.continueFrom).toBe('string');
  });

  it('honours a date `from` against modifiedOn (date and ISO forms)', async () => {
    const truth = sb.truth('crm/export/customers');
    const times = truth.map((c) => c.modifiedOn as string).sort();
    const pivot = times[Math.floor(times.length / 2)];
    for (const from of [pivot, pivot.slice(0, 10), pivot.replace('Z', '+00:00'), `${pivot.slice(0, 19)}-07:00`]) {
      const { rows } = await client.walk('crm/export/customers', from);
      const got = byKey('c', rows);
      const want = new Set(truth.filter((c) => (c.modifiedOn as string) >= isoAtLeast(from)).map((c) => String(c.id)));
      expect(want.size).toBeGreaterThan(0);
      expect(new Set(got.keys()), from).toEqual(want);
    }
  });

  it('answers 400 ApiErrorResponse to a forged, garbled or other-feed token', async () => {
    const { token } = await client.walk('crm/export/customers');
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    for (const from of [flipped, 'not-a-token', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2026-13-45']) {
      const res = await client.get('crm/export/customers', { from });
      expect(res.status, from).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['data', 'errors', 'status', 'title', 'traceId', 'type']);
    }
    const other = await client.get('crm/export/locations', { from: token });
    expect(other.status).toBe(400);
  });

  it('filters the appointments export by active when asked, and returns everything by default', async () => {
    const all = await client.walk('jpm/export/appointments');
    const active = await client.walk('jpm/export/appointments', undefined, { active: 'True' });
    const inactive = sb.truth('jpm/export/appointments').filter((a) => a.active === false).length;
    expect(active.rows.every((a) => a.active === true)).toBe(true);
    expect(byKey('a', all.rows).size - byKey('a', active.rows).size).toBe(inactive);
  });

  it('includeRecentChanges=true may repeat recent rows but loses none', async () => {
    let repeats = 0;
    for (const name of ['accounting/export/invoice-items', 'dispatch/export/appointment-assignments', 'payroll/export/jobs/timesheets']) {
      const plain = await client.walk(name);
      const recent = await client.walk(name, undefined, { includeRecentChanges: 'true' });
      repeats += recent.rows.length - plain.rows.length;
      expect(byKey(name, recent.rows)).toEqual(byKey(name, plain.rows));
    }
    expect(repeats).toBeGreaterThan(0);
  });
});

/** The canonical lower bound of a `from` value, for comparing with 7-digit modifiedOn strings. */
function isoAtLeast(from: string): string {
  const ms = new Date(from.length === 10 ? `${from}T00:00:00Z` : from).getTime();
  const frac = /\.(\d+)/.exec(from)?.[1] ?? '';
  const sub = (frac + '0000000').slice(3, 7);
  return new Date(ms).toISOString().slice(0, 23) + sub + 'Z';
}
