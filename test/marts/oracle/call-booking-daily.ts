/** call_booking_daily: active inbound calls per local createdOn date and campaign. */
import { divRound, fromInt, text } from './decimal.js';
import { localDate } from './time.js';
import { groupBy, idText, nested, type MartRow, type TenantTruth } from './tenant.js';

export function callBookingDaily(t: TenantTruth): MartRow[] {
  const calls = t.active('telecom/export/calls').filter((c) => c.direction === 'Inbound' && typeof c.createdOn === 'string');
  const groups = groupBy(calls, (c) => `${localDate(c.createdOn as string, t.zone)}|${idText(nested(c, 'campaign', 'id'))}`);
  return [...groups.values()].map((group) => {
    const count = (type: string) => group.filter((c) => c.type === type).length;
    const [booked, unbooked] = [count('Booked'), count('Unbooked')];
    return {
      tenant_id: t.tenantId,
      call_date: localDate(group[0].createdOn as string, t.zone),
      campaign_id: idText(nested(group[0], 'campaign', 'id')),
      inbound_calls: String(group.length),
      booked: String(booked),
      unbooked: String(unbooked),
      abandoned: String(count('Abandoned')),
      booking_rate: text(divRound(fromInt(booked), fromInt(booked + unbooked), 4)),
    };
  });
}
