/** estimate_pipeline_weekly: active estimates per business unit and Monday of their local createdOn week. */
import { dec, divRound, fromInt, sum, text, ZERO } from './decimal.js';
import { instantMicros, localDate, weekStart } from './time.js';
import { groupBy, idText, nested, type MartRow, type TenantTruth } from './tenant.js';

const MICROS_PER_DAY = 86_400_000_000n;

export function estimatePipelineWeekly(t: TenantTruth): MartRow[] {
  const estimates = t.active('sales/export/estimates').filter((e) => typeof e.createdOn === 'string');
  const week = (e: Record<string, unknown>) => weekStart(localDate(e.createdOn as string, t.zone));
  const groups = groupBy(estimates, (e) => `${idText(e.businessUnitId)}|${week(e)}`);
  return [...groups.values()].map((group) => {
    const status = (name: string) => group.filter((e) => nested(e, 'status', 'name') === name);
    const sold = status('Sold');
    const timed = sold.filter((e) => typeof e.soldOn === 'string');
    const micros = timed.reduce((total, e) => total + instantMicros(e.soldOn as string) - instantMicros(e.createdOn as string), 0n);
    const open = status('Open');
    return {
      tenant_id: t.tenantId,
      business_unit_id: idText(group[0].businessUnitId),
      week: week(group[0]),
      estimates_created: String(group.length),
      estimates_sold: String(sold.length),
      sold_value: text(sold.length === 0 ? ZERO : sum(sold.map((e) => dec(e.subtotal)))),
      close_rate: text(divRound(fromInt(sold.length), fromInt(group.length), 4)),
      // Micro-seconds over days: scale both to the oracle's fixed point, then round.
      avg_days_to_sell: timed.length === 0 ? null : text(divRound(fromInt(micros), fromInt(BigInt(timed.length) * MICROS_PER_DAY), 2)),
      open_value: text(open.length === 0 ? ZERO : sum(open.map((e) => dec(e.subtotal)))),
    };
  });
}
