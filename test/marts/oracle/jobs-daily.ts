/** jobs_daily: active jobs created, completed and canceled per business unit and local date, with completed revenue. */
import { divRound, fromInt, sum, text, ZERO, type Dec } from './decimal.js';
import { completedJobs } from './completed-jobs.js';
import { instantMicros, localDate } from './time.js';
import type { MartRow, TenantTruth } from './tenant.js';

interface Day {
  businessUnitId: number;
  date: string;
  created: number;
  completed: number;
  canceled: number;
  revenue: Dec[];
  recalls: number;
}

export function jobsDaily(t: TenantTruth): MartRow[] {
  const days = new Map<string, Day>();
  const day = (businessUnitId: number, date: string): Day => {
    const key = `${businessUnitId}|${date}`;
    let d = days.get(key);
    if (!d) {
      d = { businessUnitId, date, created: 0, completed: 0, canceled: 0, revenue: [], recalls: 0 };
      days.set(key, d);
    }
    return d;
  };
  const jobs = t.active('jpm/export/jobs').filter((j) => typeof j.businessUnitId === 'number');
  const lastCanceledLog = new Map<unknown, string>();
  for (const log of t.active('jpm/export/job-canceled-logs')) {
    const at = log.createdOn as string;
    const previous = lastCanceledLog.get(log.jobId);
    if (!previous || instantMicros(at) > instantMicros(previous)) lastCanceledLog.set(log.jobId, at);
  }
  for (const job of jobs) {
    if (typeof job.createdOn === 'string') day(job.businessUnitId as number, localDate(job.createdOn, t.zone)).created++;
    if (job.jobStatus === 'Canceled') {
      const at = lastCanceledLog.get(job.id) ?? (job.modifiedOn as string | null);
      if (typeof at === 'string') day(job.businessUnitId as number, localDate(at, t.zone)).canceled++;
    }
  }
  for (const { job, completedDate, revenue } of completedJobs(t)) {
    if (typeof job.businessUnitId !== 'number') continue;
    const d = day(job.businessUnitId, completedDate);
    d.completed++;
    d.revenue.push(revenue);
    if (job.recallForId !== null && job.recallForId !== undefined) d.recalls++;
  }
  return [...days.values()].map((d) => {
    const revenue = d.revenue.length === 0 ? ZERO : sum(d.revenue);
    return {
      tenant_id: t.tenantId,
      business_unit_id: String(d.businessUnitId),
      date: d.date,
      jobs_created: String(d.created),
      jobs_completed: String(d.completed),
      jobs_canceled: String(d.canceled),
      completed_revenue: text(revenue),
      average_ticket: text(divRound(revenue, fromInt(d.completed), 2)),
      recalls_completed: String(d.recalls),
    };
  });
}
