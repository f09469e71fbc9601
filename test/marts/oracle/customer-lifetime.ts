/** customer_lifetime: every active surviving customer, credited with the active invoices of the customers merged into it. */
import { dec, sum, text, ZERO } from './decimal.js';
import { survivorOf, survivors } from './merges.js';
import { businessDate, daysBetween, today } from './time.js';
import { groupBy, nested, type MartRow, type Rec, type TenantTruth } from './tenant.js';

function recency(lastInvoiceDate: string | null, todayDate: string): string {
  if (lastInvoiceDate === null) return 'never';
  const days = daysBetween(lastInvoiceDate, todayDate);
  return days <= 90 ? 'active' : days <= 180 ? 'at_risk' : days <= 365 ? 'dormant' : 'lost';
}

export function customerLifetime(t: TenantTruth): MartRow[] {
  const customers = t.all('crm/export/customers');
  const chains = survivors(customers);
  const invoices = t.active('accounting/export/invoices').filter((i) => nested(i, 'customer', 'id') !== null);
  const credited = groupBy(invoices, (i) => String(survivorOf(chains, nested(i, 'customer', 'id') as number)));
  const mergedCounts = groupBy(
    [...chains.values()].filter((s) => s.hops > 0),
    (s) => String(s.survivorId),
  );
  const todayDate = today(t.zone);
  return customers
    .filter((c) => c.active === true && c.mergedToId === null)
    .map((customer) => {
      const own: Rec[] = credited.get(String(customer.id)) ?? [];
      const dates = own
        .filter((i) => typeof i.invoiceDate === 'string')
        .map((i) => businessDate(i.invoiceDate as string))
        .sort();
      const last = dates.length > 0 ? dates[dates.length - 1] : null;
      return {
        tenant_id: t.tenantId,
        customer_id: String(customer.id),
        customer_name: customer.name as string,
        merged_customer_count: String(mergedCounts.get(String(customer.id))?.length ?? 0),
        invoice_count: String(own.length),
        lifetime_revenue: text(own.length === 0 ? ZERO : sum(own.filter((i) => i.subTotal !== null).map((i) => dec(i.subTotal)))),
        first_invoice_date: dates[0] ?? null,
        last_invoice_date: last,
        recency: recency(last, todayDate),
      };
    });
}
