/**
 * campaign_performance_monthly: per campaign and local month, inbound and booked calls, jobs created,
 * completed revenue, and cost (dailyCost × days in the month, summed over the month's cost rows).
 */
import { dec, divRound, fromInt, mul, sum, text, ZERO, type Dec } from './decimal.js';
import { completedJobs } from './completed-jobs.js';
import { daysInMonth, localDate, monthStart } from './time.js';
import { nested, type MartRow, type TenantTruth } from './tenant.js';

interface Month {
  campaignId: number;
  month: string;
  inbound: number;
  booked: number;
  jobs: number;
  revenue: Dec[];
  costs: Dec[];
}

export function campaignPerformanceMonthly(t: TenantTruth): MartRow[] {
  const names = new Map(t.all('marketing/campaigns').map((c) => [c.id as number, c.name as string]));
  const months = new Map<string, Month>();
  const month = (campaignId: number, date: string): Month => {
    const key = `${campaignId}|${monthStart(date)}`;
    let m = months.get(key);
    if (!m) {
      m = { campaignId, month: monthStart(date), inbound: 0, booked: 0, jobs: 0, revenue: [], costs: [] };
      months.set(key, m);
    }
    return m;
  };
  for (const call of t.active('telecom/export/calls')) {
    const campaignId = nested(call, 'campaign', 'id');
    if (call.direction !== 'Inbound' || typeof campaignId !== 'number' || typeof call.createdOn !== 'string') continue;
    const m = month(campaignId, localDate(call.createdOn, t.zone));
    m.inbound++;
    if (call.type === 'Booked') m.booked++;
  }
  for (const job of t.active('jpm/export/jobs')) {
    if (typeof job.campaignId !== 'number' || typeof job.createdOn !== 'string') continue;
    month(job.campaignId, localDate(job.createdOn, t.zone)).jobs++;
  }
  for (const { job, completedDate, revenue } of completedJobs(t)) {
    if (typeof job.campaignId === 'number') month(job.campaignId, completedDate).revenue.push(revenue);
  }
  for (const cost of t.active('marketing/costs')) {
    const valid = typeof cost.campaignId === 'number' && typeof cost.year === 'number' && cost.dailyCost !== null;
    if (!valid || typeof cost.month !== 'number' || cost.month < 1 || cost.month > 12) continue;
    const first = `${String(cost.year).padStart(4, '0')}-${String(cost.month).padStart(2, '0')}-01`;
    month(cost.campaignId as number, first).costs.push(mul(dec(cost.dailyCost), fromInt(daysInMonth(first))));
  }
  return [...months.values()].map((m) => {
    const revenue = m.revenue.length === 0 ? ZERO : sum(m.revenue);
    const cost = m.costs.length === 0 ? null : sum(m.costs);
    return {
      tenant_id: t.tenantId,
      campaign_id: String(m.campaignId),
      campaign_name: names.get(m.campaignId) ?? null,
      month: m.month,
      inbound_calls: String(m.inbound),
      booked_calls: String(m.booked),
      jobs_created: String(m.jobs),
      completed_revenue: text(revenue),
      cost: text(cost),
      cost_per_booked_call: cost === null ? null : text(divRound(cost, fromInt(m.booked), 2)),
      return_on_spend: cost === null ? null : text(divRound(revenue, cost, 4)),
    };
  });
}
