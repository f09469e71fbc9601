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

interface Page {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount: number | null;
  data: Row[];
}

const LIST_ONLY = [
  'jpm/job-types',
  'marketing/campaigns',
  'marketing/categories',
  'marketing/costs',
  'jbce/call-reasons',
  'accounting/payment-types',
  'accounting/payment-terms',
  'accounting/tax-zones',
  'dispatch/zones',
  'dispatch/teams',
  'jpm/job-cancel-reasons',
  'jpm/job-hold-reasons',
  'jpm/project-statuses',
  'jpm/project-substatuses',
  'jpm/project-types',
  'settings/user-roles',
  'accounting/gl-accounts',
  'inventory/vendors',
  'inventory/warehouses',
  'inventory/trucks',
  'dispatch/arrival-windows',
  'dispatch/technician-shifts',
  'dispatch/non-job-appointments',
  'payroll/payrolls',
  'payroll/non-job-timesheets',
  'sales/estimates/items',
];
const MAIN_LISTS = [
  'crm/customers',
  'crm/locations',
  'jpm/jobs',
  'jpm/appointments',
  'accounting/invoices',
  'accounting/payments',
  'settings/technicians',
  'settings/employees',
  'settings/business-units',
  'memberships/memberships',
  'memberships/membership-types',
  'telecom/calls',
];

const activeAll = (name: string): Record<string, string> =>
  name === 'accounting/invoices' || name === 'accounting/payments'
    ? { activeState: 'All' }
    : name === 'dispatch/teams'
      ? { includeInactive: 'true' }
      : name === 'dispatch/non-job-appointments'
        ? { activeOnly: 'false' }
        : { active: 'Any' };

describe('sandbox list endpoints', () => {
  it.each([...LIST_ONLY, ...MAIN_LISTS])('%s pages through everything truth() holds', async (name) => {
    const rows = await client.listAll(name, activeAll(name));
    const truth = sb.truth(name);
    expect(truth.length, name).toBeGreaterThan(0);
    expect(rows).toEqual(truth);
  });

  it('pages with page/pageSize/includeTotal and the documented wrapper', async () => {
    const first = await client.json<Page>('crm/customers', { pageSize: '7', includeTotal: 'true' });
    expect(Object.keys(first)).toEqual(['page', 'pageSize', 'hasMore', 'totalCount', 'data']);
    expect(first).toMatchObject({ page: 1, pageSize: 7, hasMore: true });
    expect(first.data).toHaveLength(7);
    const total = first.totalCount!;
    const last = await client.json<Page>('crm/customers', { pageSize: '7', page: String(Math.ceil(total / 7)) });
    expect(last.hasMore).toBe(false);
    expect(last.totalCount).toBeNull();
    expect(last.data.length).toBe(total - 7 * (Math.ceil(total / 7) - 1));
    const defaults = await client.json<Page>('crm/customers');
    expect(defaults.pageSize).toBe(50);
  });

  it('rejects pageSize above 5000 (and 500 where the endpoint says so) and bad paging values', async () => {
    expect((await client.get('crm/customers', { pageSize: '5001' })).status).toBe(400);
    expect((await client.get('crm/customers', { pageSize: '5000' })).status).toBe(200);
    expect((await client.get('accounting/journal-entries', { pageSize: '501' })).status).toBe(400);
    expect((await client.get('crm/customers', { page: '0' })).status).toBe(400);
    expect((await client.get('crm/customers', { active: 'Maybe' })).status).toBe(400);
  });

  it('returns only active rows by default; Any and False widen or invert', async () => {
    const truth = sb.truth('crm/customers');
    const inactive = truth.filter((c) => c.active === false);
    expect(inactive.length).toBeGreaterThan(0);
    const byDefault = await client.listAll('crm/customers');
    expect(byDefault.every((c) => c.active === true)).toBe(true);
    expect(byDefault.length).toBe(truth.length - inactive.length);
    expect((await client.listAll('crm/customers', { active: 'False' })).map((c) => c.id)).toEqual(inactive.map((c) => c.id));
    expect((await client.listAll('crm/customers', { active: 'Any' })).length).toBe(truth.length);
  });

  it('filters by modifiedOnOrAfter / createdOnOrAfter and ids', async () => {
    const truth = sb.truth('jpm/jobs');
    const pivot = truth.map((j) => j.modifiedOn as string).sort()[Math.floor(truth.length * 0.7)];
    const recent = await client.listAll('jpm/jobs', { active: 'Any', modifiedOnOrAfter: pivot });
    expect(recent.length).toBe(truth.filter((j) => (j.modifiedOn as string) >= pivot).length);
    const created = await client.listAll('jpm/jobs', { active: 'Any', createdOnOrAfter: pivot.slice(0, 10) });
    expect(created.every((j) => (j.createdOn as string) >= pivot.slice(0, 10))).toBe(true);
    const ids = truth.slice(0, 3).map((j) => String(j.id));
    expect((await client.listAll('jpm/jobs', { active: 'Any', ids: ids.join(',') })).map((j) => String(j.id))).toEqual(ids);
  });

  it('sorts by +Id, -Id, +ModifiedOn and -ModifiedOn', async () => {
    const ids = (rows: Row[]) => rows.map((r) => r.id as number);
    const asc = await client.listAll('crm/locations', { active: 'Any', sort: '+Id' });
    expect(ids(asc)).toEqual([...ids(asc)].sort((a, b) => a - b));
    const desc = await client.listAll('crm/locations', { active: 'Any', sort: '-Id' });
    expect(ids(desc)).toEqual([...ids(asc)].reverse());
    const byModified = await client.listAll('crm/locations', { active: 'Any', sort: '+ModifiedOn' });
    const stamps = byModified.map((r) => r.modifiedOn as string);
    expect(stamps).toEqual([...stamps].sort());
    const newest = await client.json<Page>('crm/locations', { active: 'Any', sort: '-ModifiedOn', pageSize: '1' });
    expect(newest.data[0].modifiedOn).toBe(stamps[stamps.length - 1]);
  });

  it('serves id endpoints and 404s unknown ids', async () => {
    const customer = sb.truth('crm/export/customers')[0];
    expect(await client.json(`crm/customers/${customer.id}`)).toEqual(customer);
    // The list/id form has its own SPEC field list (no `active` on jobs), projected from the same record.
    const job = sb.truth('jpm/jobs')[3];
    expect(await client.json(`jpm/jobs/${job.id}`)).toEqual(job);
    expect(Object.keys(job)).not.toContain('active');
    const missing = await client.get('crm/customers/1');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Row).status).toBe(404);
  });

  it('serves customer notes per customer', async () => {
    const notes = sb.truth('crm/customers/{id}/notes');
    expect(notes.length).toBeGreaterThan(0);
    let seen = 0;
    for (const customer of sb.truth('crm/export/customers').slice(0, 40)) {
      seen += (await client.listAll(`crm/customers/${customer.id}/notes`)).length;
    }
    expect(seen).toBeGreaterThan(0);
    expect(Object.keys(notes[0]).sort()).toEqual(['createdById', 'createdOn', 'id', 'isPinned', 'modifiedOn', 'text']);
  });

  it('serves telecom v3 calls with the leadCall shape and cost rows without active/modifiedOn', async () => {
    const call = (await client.json<Page>('telecom/calls', { pageSize: '1' })).data[0];
    expect(Object.keys(call)).toEqual(['id', 'jobNumber', 'projectId', 'businessUnit', 'type', 'leadCall']);
    const cost = (await client.json<Page>('marketing/costs', { pageSize: '1' })).data[0];
    expect(Object.keys(cost)).toEqual(['id', 'year', 'month', 'dailyCost', 'campaignId']);
  });

  it('numbers Intacct business-unit pages from 0 and requires includeTotal there', async () => {
    expect((await client.get('settings/business-units/intacct', { page: '0' })).status).toBe(400);
    const first = await client.json<Page>('settings/business-units/intacct', { page: '0', pageSize: '500', includeTotal: 'true' });
    expect(first.page).toBe(0);
    expect(first.data.length).toBe(first.totalCount);
    expect((await client.get('settings/business-units/intacct', { page: '0', pageSize: '501', includeTotal: 'true' })).status).toBe(400);
  });

  it('answers 404 for unknown paths and trailing slashes', async () => {
    expect((await client.get('crm/no-such-thing')).status).toBe(404);
    const res = await fetch(`${sb.apiUrl}/crm/v2/tenant/${sb.tenantId}/customers/`, { headers: client.headers() });
    expect(res.status).toBe(404);
  });
});
