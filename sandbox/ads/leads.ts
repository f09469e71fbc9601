/**
 * Attributed leads (`GET /marketingads/v2/tenant/{t}/attributed-leads`) as the API's clock sees them.
 *
 * A campaign's leads of a day number its keywords' final conversions; lead n of (campaign, day)
 * is drawn from (seed, campaign, day, n): its time in the day, its type (Call 1, WebBooking 2,
 * WebLeadForm 3, ManualJob 4, as the API numbers `leadType`), its keyword and its origin id. Leads
 * change with the clock, which is what makes syncs re-read recent days:
 * - a lead appears once attributed: most at once, some up to two days after they happened;
 * - a lead that books gets its `job` (and a lead form turns `Converted`) up to 36 h later.
 * `fromUtc`/`toUtc` select leads by `dateTime` in [fromUtc, toUtc).
 */
import { unitHash } from '../random.js';
import { DAY, duration, tsSec } from '../time.js';
import { AD_ID_BASE, type AdAccount, type AdCampaign } from './model.js';
import { keywordDay } from './performance.js';

export const LEAD_TYPES = ['Call', 'WebBooking', 'WebLeadForm', 'ManualJob'] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

export interface Lead {
  dateTimeMs: number;
  originId: number;
  record: Record<string, unknown>;
}

const NEVER = Number.MAX_SAFE_INTEGER;

function leadCount(account: AdAccount, campaign: AdCampaign, day: number): number {
  let total = 0;
  for (const group of campaign.adGroups) for (const k of group.keywords) total += keywordDay(account, k, day, NEVER)?.conversions ?? 0;
  return Math.min(total, 999);
}

function lead(account: AdAccount, campaign: AdCampaign, day: number, n: number, clockMs: number): Lead | null {
  const h = (label: string) => unitHash(account.seed, 'ads-lead', campaign.id, day, n, label);
  const dateTimeMs = day * DAY + Math.floor(h('t') * (DAY - 1000));
  const attributedMs = dateTimeMs + (h('a') < 0.7 ? 0 : Math.floor(h('d') * 2 * DAY));
  if (attributedMs > clockMs) return null;
  const typeDraw = h('type');
  const type: LeadType = typeDraw < 0.6 ? 'Call' : typeDraw < 0.75 ? 'WebBooking' : typeDraw < 0.9 ? 'WebLeadForm' : 'ManualJob';
  const keywords = campaign.adGroups.flatMap((g) => g.keywords.map((k) => ({ group: g, keyword: k })));
  const { group, keyword } = keywords[Math.floor(h('k') * keywords.length)];
  const originId = AD_ID_BASE + (day - account.firstDay) * 10_000 + campaign.index * 1000 + n;
  const booksAtMs = type === 'ManualJob' ? dateTimeMs : h('b') < keyword.bookRate ? dateTimeMs + Math.floor(h('bt') * 1.5 * DAY) : NEVER;
  const booked = booksAtMs <= clockMs;
  const customer = account.customers.length > 0 ? account.customers[Math.floor(h('c') * account.customers.length)] : null;
  const slug = campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const record = {
    dateTime: tsSec(dateTimeMs),
    leadType: LEAD_TYPES.indexOf(type) + 1,
    attribution: {
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: slug,
      landingPageUrl: `https://www.example-home-services.com/${slug}`,
      referrerUrl: 'https://www.google.com/',
      clickId: `Cj0KCQ${originId.toString(36)}${Math.floor(h('g') * 1e9).toString(36)}`,
      gbraid: null,
      wbraid: null,
      stCampaignId: campaign.id,
      originalCampaign: campaign.name,
      attributionOverwriteType: null,
      attributionOverwriteId: null,
      overwrittenBookingJobId: null,
      adGroupId: group.id,
      adGroupName: group.name,
      keywordId: keyword.id,
      keywordName: keyword.name,
    },
    job: booked ? { id: originId + 20_000_000, name: keyword.name.replace(/ near me$/, '') } : null,
    customer: customer && (type !== 'WebLeadForm' || booked) ? { id: customer.id, name: customer.name } : null,
    call:
      type === 'Call'
        ? {
            duration: duration(30 + Math.floor(h('dur') * 600)),
            id: originId,
            type: 'Inbound',
            source: 'Google Ads',
            callerNumber: `602555${String(originId % 10_000).padStart(4, '0')}`,
            trackingNumber: `480555${String(1000 + campaign.index).padStart(4, '0')}`,
            excusedReason: null,
          }
        : null,
    leadForm:
      type === 'WebLeadForm'
        ? { leadNumber: originId - AD_ID_BASE + 1000, leadStatus: booked ? 'Converted' : 'Open', notes: `Asked about ${keyword.name}` }
        : null,
    booking: type === 'WebBooking' ? { id: originId } : null,
  };
  return { dateTimeMs, originId, record };
}

/** Leads attributed by `clockMs` that happened in [fromMs, toMs), oldest first; `type` filters by lead type. */
export function leadsBetween(account: AdAccount, fromMs: number, toMs: number, clockMs: number, type: LeadType | null): Lead[] {
  const out: Lead[] = [];
  const firstDay = Math.max(account.firstDay, Math.floor(fromMs / DAY));
  const lastDay = Math.min(Math.floor(clockMs / DAY), Math.floor((toMs - 1) / DAY));
  for (let day = firstDay; day <= lastDay; day++) {
    for (const campaign of account.campaigns) {
      for (let n = leadCount(account, campaign, day) - 1; n >= 0; n--) {
        const found = lead(account, campaign, day, n, clockMs);
        if (!found || found.dateTimeMs < fromMs || found.dateTimeMs >= toMs) continue;
        if (type !== null && found.record.leadType !== LEAD_TYPES.indexOf(type) + 1) continue;
        out.push(found);
      }
    }
  }
  return out.sort((a, b) => a.dateTimeMs - b.dateTimeMs || a.originId - b.originId);
}
