/**
 * membership_monthly: per membership type and month, active memberships in force at the month's start
 * and end, new ones (from in the month) and canceled ones (local cancellationDate in the month).
 * Months: each membership's from month, its cancellation month, and the months it was in force
 * (up to the current month when it has no end).
 */
import { divRound, fromInt, text } from './decimal.js';
import { addDays, businessDate, localDate, monthEnd, monthStart, today } from './time.js';
import type { MartRow, TenantTruth } from './tenant.js';

interface Span {
  typeId: number;
  from: string;
  to: string | null;
  canceled: string | null;
}

const inForce = (s: Span, day: string): boolean =>
  s.from <= day && (s.to === null || s.to >= day) && (s.canceled === null || s.canceled > day);

function nextMonth(month: string): string {
  return addDays(monthEnd(month), 1);
}

export function membershipMonthly(t: TenantTruth): MartRow[] {
  const names = new Map(t.all('memberships/export/membership-types').map((m) => [m.id as number, m.name as string]));
  const todayDate = today(t.zone);
  const spans: Span[] = t
    .active('memberships/export/memberships')
    .filter((m) => typeof m.membershipTypeId === 'number' && typeof m.from === 'string')
    .map((m) => ({
      typeId: m.membershipTypeId as number,
      from: businessDate(m.from as string),
      to: typeof m.to === 'string' ? businessDate(m.to) : null,
      canceled: typeof m.cancellationDate === 'string' ? localDate(m.cancellationDate, t.zone) : null,
    }));
  const keys = new Set<string>();
  for (const s of spans) {
    keys.add(`${s.typeId}|${monthStart(s.from)}`);
    if (s.canceled) keys.add(`${s.typeId}|${monthStart(s.canceled)}`);
    const ends = [s.to, s.canceled ? addDays(s.canceled, -1) : null].filter((d): d is string => d !== null).sort();
    const lastInForce = ends[0] ?? todayDate;
    if (lastInForce < s.from) continue;
    for (let month = monthStart(s.from); month <= monthStart(lastInForce); month = nextMonth(month)) keys.add(`${s.typeId}|${month}`);
  }
  return [...keys].map((key) => {
    const [typeId, month] = [Number(key.split('|')[0]), key.split('|')[1]];
    const end = monthEnd(month);
    const ofType = spans.filter((s) => s.typeId === typeId);
    const atStart = ofType.filter((s) => inForce(s, month)).length;
    const canceled = ofType.filter((s) => s.canceled !== null && s.canceled >= month && s.canceled <= end).length;
    return {
      tenant_id: t.tenantId,
      membership_type_id: String(typeId),
      membership_type_name: names.get(typeId) ?? null,
      month,
      in_force_at_start: String(atStart),
      in_force_at_end: String(ofType.filter((s) => inForce(s, end)).length),
      new: String(ofType.filter((s) => s.from >= month && s.from <= end).length),
      canceled: String(canceled),
      churn_rate: text(divRound(fromInt(canceled), fromInt(atStart), 4)),
    };
  });
}
