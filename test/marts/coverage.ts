/**
 * The reconciliation proves little on data that never meets a rule: these checks, on the sandbox's
 * records and the oracle's rows, assert the data has merge chains of two hops and more, records
 * minutes either side of local midnight, invoices and payments without a business unit, calls
 * without a campaign, deactivated invoices, and ratios whose denominator is zero.
 */
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { survivors } from './oracle/merges.js';
import { ORACLES } from './oracle/index.js';
import type { MartRow, TenantTruth } from './oracle/tenant.js';

function minutesFromLocalMidnight(iso: string, zone: string): number {
  const local = DateTime.fromISO(iso, { zone });
  const minutes = local.diff(local.startOf('day'), 'minutes').minutes;
  return minutes < 12 * 60 ? minutes : minutes - 24 * 60;
}

const some = (rows: MartRow[], test: (row: MartRow) => boolean): boolean => rows.some(test);

export function expectRulesExercised(tenants: TenantTruth[]): void {
  expect(new Set(tenants.map((t) => t.zone)).size).toBe(tenants.length);
  for (const t of tenants) {
    const hops = [...survivors(t.all('crm/export/customers')).values()].map((s) => s.hops);
    const callOffsets = t.all('telecom/export/calls').map((c) => minutesFromLocalMidnight(c.createdOn as string, t.zone));
    const rows = (mart: string) => ORACLES[mart](t);
    const lifetime = rows('customer_lifetime');
    expect({
      tenant: t.tenantId,
      mergeChainOfTwoHopsOrMore: Math.max(...hops) >= 2,
      survivorCreditedThroughChain: some(lifetime, (r) => Number(r.merged_customer_count) >= 2 && Number(r.invoice_count) > 0),
      callsJustBeforeLocalMidnight: callOffsets.some((m) => m < 0 && m > -10),
      callsJustAfterLocalMidnight: callOffsets.some((m) => m > 0 && m < 10),
      invoiceWithoutBusinessUnit: some(rows('revenue_daily'), (r) => r.business_unit_id === null),
      paymentWithoutBusinessUnit: some(rows('cash_collected_daily'), (r) => r.business_unit_id === null),
      callWithoutCampaign: some(rows('call_booking_daily'), (r) => r.campaign_id === null),
      deactivatedInvoice: t.all('accounting/export/invoices').some((i) => i.active === false),
      bookingRateOverZero: some(rows('call_booking_daily'), (r) => r.booking_rate === null),
      churnOverZero: some(rows('membership_monthly'), (r) => r.churn_rate === null),
      averageTicketOverZero: some(rows('jobs_daily'), (r) => r.average_ticket === null),
      recencyNever: some(lifetime, (r) => r.recency === 'never'),
      campaignCosts: some(rows('campaign_performance_monthly'), (r) => r.cost !== null),
    }).toEqual({
      tenant: t.tenantId,
      mergeChainOfTwoHopsOrMore: true,
      survivorCreditedThroughChain: true,
      callsJustBeforeLocalMidnight: true,
      callsJustAfterLocalMidnight: true,
      invoiceWithoutBusinessUnit: true,
      paymentWithoutBusinessUnit: true,
      callWithoutCampaign: true,
      deactivatedInvoice: true,
      bookingRateOverZero: true,
      churnOverZero: true,
      averageTicketOverZero: true,
      recencyNever: true,
      campaignCosts: true,
    });
  }
}
