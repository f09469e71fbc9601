/** Completed jobs as several marts use them: active, status Completed, with completedOn; revenue from active invoices. */
import { dec, sum, ZERO, type Dec } from './decimal.js';
import { localDate } from './time.js';
import { nested, type Rec, type TenantTruth } from './tenant.js';

export interface CompletedJob {
  job: Rec;
  completedDate: string;
  revenue: Dec;
}

/** Sum of subTotal of active invoices per job id. */
export function revenueByJob(t: TenantTruth): Map<number, Dec> {
  const revenue = new Map<number, Dec>();
  for (const invoice of t.active('accounting/export/invoices')) {
    const jobId = nested(invoice, 'job', 'id') as number | null;
    if (jobId === null || invoice.subTotal === null) continue;
    revenue.set(jobId, sum([revenue.get(jobId) ?? ZERO, dec(invoice.subTotal)]));
  }
  return revenue;
}

export function completedJobs(t: TenantTruth): CompletedJob[] {
  const revenue = revenueByJob(t);
  return t
    .active('jpm/export/jobs')
    .filter((j) => j.jobStatus === 'Completed' && typeof j.completedOn === 'string')
    .map((job) => ({ job, completedDate: localDate(job.completedOn as string, t.zone), revenue: revenue.get(job.id as number) ?? ZERO }));
}
