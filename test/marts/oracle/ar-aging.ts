/** ar_aging: open balances of active invoices per surviving customer, aged from invoiceDate to today (tenant's zone). */
import { dec, sum, text, ZERO, type Dec } from './decimal.js';
import { survivorOf, survivors } from './merges.js';
import { businessDate, daysBetween, today } from './time.js';
import { groupBy, nested, type MartRow, type TenantTruth } from './tenant.js';

const BUCKETS: ReadonlyArray<readonly [string, number, number]> = [
  ['bucket_0_30', Number.NEGATIVE_INFINITY, 30],
  ['bucket_31_60', 31, 60],
  ['bucket_61_90', 61, 90],
  ['bucket_91_120', 91, 120],
  ['bucket_over_120', 121, Number.POSITIVE_INFINITY],
];

export function arAging(t: TenantTruth): MartRow[] {
  const customers = t.all('crm/export/customers');
  const names = new Map(customers.map((c) => [c.id as number, c.name as string]));
  const chains = survivors(customers);
  const asOf = today(t.zone);
  const open = t
    .active('accounting/export/invoices')
    .filter((i) => typeof i.invoiceDate === 'string' && nested(i, 'customer', 'id') !== null && dec(i.balance) > ZERO);
  const groups = groupBy(open, (i) => String(survivorOf(chains, nested(i, 'customer', 'id') as number)));
  return [...groups.entries()].map(([customerId, group]) => {
    const aged = group.map((i) => ({ date: businessDate(i.invoiceDate as string), balance: dec(i.balance) }));
    const bucket = (low: number, high: number): Dec =>
      sum(aged.filter((a) => daysBetween(a.date, asOf) >= low && daysBetween(a.date, asOf) <= high).map((a) => a.balance));
    return {
      tenant_id: t.tenantId,
      customer_id: customerId,
      customer_name: names.get(Number(customerId)) ?? null,
      as_of_date: asOf,
      balance_total: text(sum(aged.map((a) => a.balance))),
      ...Object.fromEntries(BUCKETS.map(([column, low, high]) => [column, text(bucket(low, high))])),
      oldest_invoice_date: aged.map((a) => a.date).sort()[0],
    };
  });
}
