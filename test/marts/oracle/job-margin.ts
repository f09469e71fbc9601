/** job_margin: completed active jobs with revenue, materials cost of active Material/Equipment items, labor hours and margin. */
import { dec, divRound, fromInt, sum, text, ZERO, type Dec } from './decimal.js';
import { completedJobs } from './completed-jobs.js';
import { nested, type MartRow, type TenantTruth } from './tenant.js';

export function jobMargin(t: TenantTruth): MartRow[] {
  const jobOfInvoice = new Map<number, number>();
  for (const invoice of t.active('accounting/export/invoices')) {
    const jobId = nested(invoice, 'job', 'id');
    if (typeof jobId === 'number') jobOfInvoice.set(invoice.id as number, jobId);
  }
  const materials = new Map<number, Dec[]>();
  for (const item of t.active('accounting/export/invoice-items')) {
    const jobId = jobOfInvoice.get(item.invoiceId as number);
    if (jobId === undefined || (item.type !== 'Material' && item.type !== 'Equipment') || item.totalCost === null) continue;
    materials.set(jobId, [...(materials.get(jobId) ?? []), dec(item.totalCost)]);
  }
  const laborSeconds = new Map<number, number>();
  for (const sheet of t.active('payroll/export/jobs/timesheets')) {
    if (typeof sheet.arrivedOn !== 'string' || typeof sheet.doneOn !== 'string') continue;
    const seconds = (Date.parse(sheet.doneOn) - Date.parse(sheet.arrivedOn)) / 1000;
    laborSeconds.set(sheet.jobId as number, (laborSeconds.get(sheet.jobId as number) ?? 0) + seconds);
  }
  return completedJobs(t).map(({ job, completedDate, revenue }) => {
    const cost = sum(materials.get(job.id as number) ?? [ZERO]);
    const margin = revenue - cost;
    return {
      tenant_id: t.tenantId,
      job_id: String(job.id),
      job_number: (job.jobNumber as string | null) ?? null,
      business_unit_id: job.businessUnitId === null ? null : String(job.businessUnitId),
      completed_date: completedDate,
      revenue: text(revenue),
      materials_cost: text(cost),
      labor_hours: text(divRound(fromInt(laborSeconds.get(job.id as number) ?? 0), fromInt(3600), 2)),
      gross_margin: text(margin),
      gross_margin_pct: text(divRound(margin, revenue, 4)),
    };
  });
}
