/** cash_collected_daily: active payments with a date, per business unit, payment date as sent and type. */
import { dec, sum, text } from './decimal.js';
import { businessDate } from './time.js';
import { groupBy, idText, nested, type MartRow, type TenantTruth } from './tenant.js';

export function cashCollectedDaily(t: TenantTruth): MartRow[] {
  const payments = t.active('accounting/export/payments').filter((p) => typeof p.date === 'string');
  const groups = groupBy(payments, (p) => `${idText(nested(p, 'businessUnit', 'id'))}|${businessDate(p.date as string)}|${p.type}`);
  return [...groups.values()].map((group) => ({
    tenant_id: t.tenantId,
    business_unit_id: idText(nested(group[0], 'businessUnit', 'id')),
    payment_date: businessDate(group[0].date as string),
    payment_type: (group[0].type as string | null) ?? null,
    payment_count: String(group.length),
    amount: text(sum(group.map((p) => dec(p.total)))),
  }));
}
