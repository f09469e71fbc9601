/**
 * technician_scorecard_monthly: per technician and local month, the completed jobs they are assigned
 * to, their share of those jobs' revenue (by active splits, else evenly among assigned technicians,
 * each share rounded to cents), and the estimates they sold.
 */
import { dec, divRound, fromInt, mul, sum, text, ZERO, type Dec } from './decimal.js';
import { completedJobs } from './completed-jobs.js';
import { localDate, monthStart } from './time.js';
import { groupBy, type MartRow, type TenantTruth } from './tenant.js';

interface Month {
  technicianId: number;
  month: string;
  jobs: number;
  revenue: Dec[];
  sold: number;
  soldValue: Dec[];
}

export function technicianScorecardMonthly(t: TenantTruth): MartRow[] {
  const names = new Map(t.all('settings/export/technicians').map((x) => [x.id as number, x.name as string]));
  const assigned = new Map<number, Set<number>>();
  for (const a of t.active('dispatch/export/appointment-assignments')) {
    if (typeof a.technicianId !== 'number' || typeof a.jobId !== 'number') continue;
    if (!assigned.has(a.jobId)) assigned.set(a.jobId, new Set());
    assigned.get(a.jobId)!.add(a.technicianId);
  }
  const splits = t.active('payroll/export/jobs/splits').filter((s) => typeof s.technicianId === 'number');
  const splitsByJob = groupBy(splits, (s) => String(s.jobId));

  const months = new Map<string, Month>();
  const month = (technicianId: number, date: string): Month => {
    const key = `${technicianId}|${monthStart(date)}`;
    let m = months.get(key);
    if (!m) {
      m = { technicianId, month: monthStart(date), jobs: 0, revenue: [], sold: 0, soldValue: [] };
      months.set(key, m);
    }
    return m;
  };
  for (const { job, completedDate, revenue } of completedJobs(t)) {
    const technicians = assigned.get(job.id as number) ?? new Set<number>();
    for (const technicianId of technicians) month(technicianId, completedDate).jobs++;
    const jobSplits = splitsByJob.get(String(job.id));
    if (jobSplits) {
      const perTechnician = groupBy(jobSplits, (s) => String(s.technicianId));
      for (const [technicianId, rows] of perTechnician) {
        const split = sum(rows.map((s) => dec(s.split)));
        month(Number(technicianId), completedDate).revenue.push(divRound(mul(revenue, split), fromInt(100), 2)!);
      }
    } else {
      const share = divRound(revenue, fromInt(technicians.size), 2);
      for (const technicianId of technicians) month(technicianId, completedDate).revenue.push(share!);
    }
  }
  for (const estimate of t.active('sales/export/estimates')) {
    if (typeof estimate.soldBy !== 'number' || typeof estimate.soldOn !== 'string') continue;
    const m = month(estimate.soldBy, localDate(estimate.soldOn, t.zone));
    m.sold++;
    m.soldValue.push(dec(estimate.subtotal));
  }
  return [...months.values()].map((m) => {
    const revenue = m.revenue.length === 0 ? ZERO : sum(m.revenue);
    return {
      tenant_id: t.tenantId,
      technician_id: String(m.technicianId),
      technician_name: names.get(m.technicianId) ?? null,
      month: m.month,
      completed_jobs: String(m.jobs),
      completed_revenue: text(revenue),
      average_ticket: text(divRound(revenue, fromInt(m.jobs), 2)),
      estimates_sold: String(m.sold),
      sold_value: text(m.soldValue.length === 0 ? ZERO : sum(m.soldValue)),
    };
  });
}
