/** revenue_daily: active invoices with an invoiceDate, per business unit and invoice date as sent. */
import { dec, sum, text } from './decimal.js';
import { businessDate } from './time.js';
import { groupBy, idText, nested, type MartRow, type TenantTruth } from './tenant.js';

export function revenueDaily(t: TenantTruth): MartRow[] {
  const unitNames = new Map(t.all('settings/export/business-units').map((u) => [u.id, u.name as string]));
  const invoices = t.active('accounting/export/invoices').filter((i) => typeof i.invoiceDate === 'string');
  const groups = groupBy(invoices, (i) => `${idText(nested(i, 'businessUnit', 'id'))}|${businessDate(i.invoiceDate as string)}`);
  return [...groups.values()].map((group) => {
    const unitId = nested(group[0], 'businessUnit', 'id');
    return {
      tenant_id: t.tenantId,
      business_unit_id: idText(unitId),
      business_unit_name: unitId === null ? null : (unitNames.get(unitId) ?? null),
      invoice_date: businessDate(group[0].invoiceDate as string),
      invoice_count: String(group.length),
      invoiced_subtotal: text(sum(group.map((i) => dec(i.subTotal)))),
      invoiced_total: text(sum(group.map((i) => dec(i.total)))),
      outstanding_balance: text(sum(group.map((i) => dec(i.balance)))),
    };
  });
}
