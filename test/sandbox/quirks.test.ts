import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

type Row = Record<string, unknown>;
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.05 });
});
afterAll(async () => {
  await sb.close();
});

const SEVEN_DIGITS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

describe('sandbox real-world quirks', () => {
  it('writes timestamps with 7 fractional digits and business dates as midnight', () => {
    const invoice = sb.truth('accounting/export/invoices').find((i) => (i.items as Row[]).length > 0)!;
    expect(invoice.modifiedOn).toMatch(SEVEN_DIGITS);
    expect(invoice.createdOn).toMatch(SEVEN_DIGITS);
    expect(invoice.invoiceDate).toMatch(/T00:00:00Z$/);
    for (const c of sb.truth('crm/export/customers')) expect(c.modifiedOn).toMatch(SEVEN_DIGITS);
  });

  it('sends money as decimal strings in accounting feeds and numbers elsewhere', () => {
    const invoice = sb.truth('accounting/export/invoices').find((i) => (i.items as Row[]).length > 0)!;
    for (const field of ['total', 'subTotal', 'balance', 'salesTax']) expect(invoice[field]).toMatch(/^\d+\.\d{2}$/);
    const item = (invoice.items as Row[])[0];
    expect(item.quantity).toMatch(/^\d+\.0{19}$/);
    expect(item.cost).toMatch(/^\d+\.\d{10}$/);
    const payment = sb.truth('accounting/export/payments')[0];
    expect(payment.total).toMatch(/^\d+\.\d{2}$/);
    expect(typeof (payment.appliedTo as Row[])[0].appliedTo).toBe('number');
    expect(typeof sb.truth('jpm/export/jobs').find((j) => j.total !== null)!.total).toBe('number');
  });

  it('has nulls in required fields, an enum as integer, HTML summaries, offset-less dates and null array elements', () => {
    const calls = sb.truth('telecom/export/calls');
    expect(calls.every((c) => c.excuseMemo === null && c.tag === null)).toBe(true);
    expect(sb.truth('crm/export/customers').every((c) => c.externalData === null)).toBe(true);
    expect(sb.truth('accounting/export/inventory-bills').some((b) => b.landedCostMethod === 0)).toBe(true);
    expect(sb.truth('jpm/export/jobs').some((j) => /<p>/.test(String(j.summary)))).toBe(true);
    for (const sa of sb.truth('service-agreements/export/service-agreements')) expect(sa.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
    expect(sb.truth('memberships/export/membership-types').some((t) => (t.durationBilling as unknown[]).includes(null))).toBe(true);
  });

  it('sends an enum value the SPEC does not list now and then', () => {
    const unknown = ['Unknown', 'Legacy', 'NotSet'];
    const feeds = [
      'inventory/export/adjustments',
      'inventory/export/returns',
      'inventory/export/transfers',
      'timesheets/export/activities',
      'accounting/export/inventory-bills',
      'service-agreements/export/service-agreements',
      'jpm/export/projects',
      'crm/export/leads',
    ];
    let found = 0;
    const scan = (value: unknown): void => {
      if (typeof value === 'string' && unknown.includes(value)) found++;
      else if (value && typeof value === 'object') for (const v of Object.values(value)) scan(v);
    };
    for (const name of feeds) for (const r of sb.truth(name)) scan(r);
    expect(found).toBeGreaterThan(0);
  });

  it('keeps every timestamp parseable as ISO-8601', () => {
    const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z)?)?$/;
    const check = (value: unknown, key: string): void => {
      if (typeof value === 'string' && /(On|Date|^date|^from|^to|start|end|Time)$/i.test(key) && /^\d{4}-\d{2}-\d{2}/.test(value)) {
        expect(value, key).toMatch(iso);
        expect(Number.isNaN(Date.parse(value)), key).toBe(false);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) check(v, Array.isArray(value) ? key : k);
      }
    };
    for (const name of [
      'jpm/export/jobs',
      'accounting/export/invoices',
      'memberships/export/memberships',
      'payroll/export/gross-pay-items',
      'inventory/export/transfers',
    ]) {
      for (const r of sb.truth(name)) check(r, '');
    }
  });

  it('models estimates, memberships, purchase orders and job history like the reference', () => {
    const estimates = sb.truth('sales/export/estimates');
    const names = new Set(estimates.map((e) => (e.status as Row).name));
    for (const n of names) expect(['Open', 'Sold', 'Dismissed']).toContain(n);
    const sold = estimates.find((e) => (e.status as Row).name === 'Sold');
    if (sold) expect(sold.soldOn).toMatch(SEVEN_DIGITS);
    expect(sb.truth('inventory/export/purchase-orders').every((p) => !('active' in p))).toBe(true);
    const history = sb.truth('jpm/export/job-history')[0];
    expect(Object.keys(history)).toEqual(['jobId', 'history']);
    expect(Object.keys((history.history as Row[])[0])).toEqual(['id', 'employeeId', 'eventType', 'date', 'usedSchedulingTool']);
    const m = sb.truth('memberships/export/memberships')[0];
    for (const f of ['from', 'to', 'status', 'cancellationDate']) expect(m).toHaveProperty(f);
    const rating = sb.truth('customer-interactions/export/technician-ratings')[0];
    expect(Object.keys(rating)).toEqual(['technicianId', 'jobId', 'rating', 'active', 'createdOn', 'modifiedOn']);
  });
});
