/**
 * Performance rows (`GET /marketingads/v2/tenant/{t}/performance`) as the API's clock sees them.
 *
 * Each keyword has final daily figures drawn from (seed, keyword, day). What the API reports for a
 * day depends on the clock, which is what makes syncs re-read recent days:
 * - the day in progress reports the share of the day elapsed (conversions lag behind: 60 %);
 * - a finished day's conversion, lead, job and revenue figures keep maturing for RESTATE_DAYS
 *   after its end (from 60 % to 100 %), as ad platforms and ServiceTitan attribution restate them;
 * - ad groups and campaigns are the sums of their keywords; rates are computed from the sums.
 * A window holds the days whose UTC start lies in [fromUtc, toUtc); several days are summed.
 */
import { unitHash } from '../random.js';
import { DAY, midnight } from '../time.js';
import type { AdAccount, AdCampaign, AdGroup, AdKeyword } from './model.js';

/** Days after a day's end during which its figures still change. */
export const RESTATE_DAYS = 3;

export type Segmentation = 'Campaign' | 'AdGroup' | 'Keyword';
export const SEGMENTATIONS: readonly Segmentation[] = ['Campaign', 'AdGroup', 'Keyword'];

interface Figures {
  impressions: number;
  shareWeight: number;
  clicks: number;
  cost: number;
  conversions: number;
  leads: number;
  leadCalls: number;
  onlineBooking: number;
  manualBooking: number;
  bookedJobs: number;
  ranJobs: number;
  soldJobs: number;
  revenue: number;
  potentialRevenue: number;
}

const ZERO: Figures = {
  impressions: 0,
  shareWeight: 0,
  clicks: 0,
  cost: 0,
  conversions: 0,
  leads: 0,
  leadCalls: 0,
  onlineBooking: 0,
  manualBooking: 0,
  bookedJobs: 0,
  ranJobs: 0,
  soldJobs: 0,
  revenue: 0,
  potentialRevenue: 0,
};

const round2 = (n: number): number => Math.round(n * 100) / 100;
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** The keyword's figures for UTC day `day` (day index) at clock `clockMs`, or null before it ran. */
export function keywordDay(account: AdAccount, keyword: AdKeyword, day: number, clockMs: number): Figures | null {
  const start = day * DAY;
  if (day < keyword.launchDay || start > clockMs) return null;
  const h = (label: string) => unitHash(account.seed, 'ads', keyword.id, keyword.name, day, label);
  const weekday = new Date(start).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1;
  const elapsed = Math.min(1, (clockMs - start) / DAY);
  const maturity = clockMs < start + DAY ? 0.6 : Math.min(1, 0.6 + (0.4 * (clockMs - start - DAY)) / (RESTATE_DAYS * DAY));
  const impressions = Math.round(keyword.impressions * (0.6 + 0.8 * h('i')) * weekend * elapsed);
  const clicks = Math.round(impressions * keyword.ctr * (0.8 + 0.4 * h('c')));
  const finalConversions = clicks * keyword.conversionRate * (0.7 + 0.6 * h('v'));
  const conversions = Math.round(finalConversions * maturity);
  const leads = conversions;
  const leadCalls = Math.round(leads * 0.6);
  const onlineBooking = Math.round((leads - leadCalls) * 0.5);
  const bookedJobs = Math.round(leads * keyword.bookRate);
  const soldJobs = Math.round(bookedJobs * 0.6);
  return {
    impressions,
    shareWeight: impressions * keyword.impressionShare,
    clicks,
    cost: round2(clicks * keyword.cpc),
    conversions,
    leads,
    leadCalls,
    onlineBooking,
    manualBooking: leads - leadCalls - onlineBooking,
    bookedJobs,
    ranJobs: bookedJobs,
    soldJobs,
    revenue: round2(soldJobs * keyword.ticket * (0.8 + 0.4 * h('r'))),
    potentialRevenue: round2((bookedJobs - soldJobs) * keyword.ticket * 0.8),
  };
}

function add(a: Figures, b: Figures): Figures {
  const out = { ...a };
  for (const k of Object.keys(out) as Array<keyof Figures>)
    out[k] = k === 'cost' || k.endsWith('evenue') ? round2(a[k] + b[k]) : a[k] + b[k];
  return out;
}

function sumOver(account: AdAccount, keywords: AdKeyword[], days: number[], clockMs: number): Figures | null {
  let total: Figures | null = null;
  for (const keyword of keywords) {
    for (const day of days) {
      const f = keywordDay(account, keyword, day, clockMs);
      if (f) total = add(total ?? ZERO, f);
    }
  }
  return total;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : round4(a / b));

function stats(f: Figures) {
  return {
    digitalStats: {
      impressionShare: ratio(f.shareWeight, f.impressions),
      impressions: f.impressions,
      clicks: f.clicks,
      averageCPC: ratio(f.cost, f.clicks) ?? 0,
      conversions: f.conversions,
      allConversions: f.conversions,
      cost: f.cost,
      clickRate: ratio(f.clicks, f.impressions),
      costPerConversion: ratio(f.cost, f.conversions),
      conversionRate: ratio(f.conversions, f.clicks),
    },
    leadStats: {
      leads: f.leads,
      leadCalls: f.leadCalls,
      onlineBooking: f.onlineBooking,
      manualBooking: f.manualBooking,
      bookedJobs: f.bookedJobs,
      ranJobs: f.ranJobs,
      soldJobs: f.soldJobs,
      revenue: f.revenue,
      potentialRevenue: f.potentialRevenue,
      bookingRate: ratio(f.bookedJobs, f.leads),
      avgTicket: ratio(f.revenue, f.soldJobs),
    },
    returnOnInvestment: ratio(f.revenue - f.cost, f.cost),
  };
}

function campaignPart(campaign: AdCampaign) {
  return {
    id: campaign.id,
    externalId: campaign.externalId,
    name: campaign.name,
    category: campaign.category,
    launchDate: midnight(campaign.launchDay * DAY),
    status: 'Live',
  };
}

const groupPart = (group: AdGroup) => ({ id: group.id, name: group.name, status: 'Live' });
const keywordPart = (keyword: AdKeyword) => ({ id: keyword.id, name: keyword.name, status: 'Live' });

/** The rows of one read: `days` are UTC day indexes; rows in campaign, ad group, keyword order. */
export function performanceRows(account: AdAccount, type: Segmentation, days: number[], clockMs: number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const campaign of account.campaigns) {
    if (type === 'Campaign') {
      const f = sumOver(
        account,
        campaign.adGroups.flatMap((g) => g.keywords),
        days,
        clockMs,
      );
      if (f) rows.push({ campaign: campaignPart(campaign), adGroup: null, keyword: null, ...stats(f) });
      continue;
    }
    for (const group of campaign.adGroups) {
      if (type === 'AdGroup') {
        const f = sumOver(account, group.keywords, days, clockMs);
        if (f) rows.push({ campaign: campaignPart(campaign), adGroup: groupPart(group), keyword: null, ...stats(f) });
        continue;
      }
      for (const keyword of group.keywords) {
        const f = sumOver(account, [keyword], days, clockMs);
        if (f) rows.push({ campaign: campaignPart(campaign), adGroup: groupPart(group), keyword: keywordPart(keyword), ...stats(f) });
      }
    }
  }
  return rows;
}
