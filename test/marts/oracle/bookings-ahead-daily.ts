/**
 * bookings_ahead_daily: active, not canceled appointments of active jobs, from today (tenant's zone)
 * on, per job business unit and local date.
 */
import { localDate, today } from './time.js';
import { groupBy, type MartRow, type TenantTruth } from './tenant.js';

export function bookingsAheadDaily(t: TenantTruth): MartRow[] {
  const jobs = t.active('jpm/export/jobs').filter((j) => typeof j.businessUnitId === 'number');
  const unitOfJob = new Map(jobs.map((j) => [j.id as number, j.businessUnitId as number]));
  const todayDate = today(t.zone);
  const ahead = t
    .active('jpm/export/appointments')
    .filter((a) => a.status !== 'Canceled' && typeof a.start === 'string' && unitOfJob.has(a.jobId as number))
    .map((a) => ({ jobId: a.jobId as number, unit: unitOfJob.get(a.jobId as number)!, date: localDate(a.start as string, t.zone) }))
    .filter((a) => a.date >= todayDate);
  return [...groupBy(ahead, (a) => `${a.unit}|${a.date}`).values()].map((group) => ({
    tenant_id: t.tenantId,
    business_unit_id: String(group[0].unit),
    date: group[0].date,
    appointments: String(group.length),
    jobs: String(new Set(group.map((a) => a.jobId)).size),
  }));
}
