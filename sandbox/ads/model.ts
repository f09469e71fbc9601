/**
 * The tenant's ad account, fixed when the sandbox starts: a few of its marketing campaigns run on
 * Google Ads, each with two ad groups of keywords, since ADS_HISTORY_DAYS before the initial clock.
 *
 * Drawn from its own random stream, with ids of its own (ad-platform strings, and lead-origin ids
 * from AD_ID_BASE up, above any id the world's shared sequence reaches), after the world is built
 * and without writing to it: generating the ad account changes nothing any other endpoint serves.
 * Campaign and customer names are a snapshot of the world at start, so a rename by `advance()`
 * does not rewrite history the API would not rewrite either.
 */
import { T } from '../data/names.js';
import type { World } from '../gen/world.js';
import { rngFor } from '../random.js';
import { DAY, dayStart } from '../time.js';

/** Days of ad history before the initial clock (within the 30 days Atlas reads without a start date). */
export const ADS_HISTORY_DAYS = 21;
/** Lead-origin ids (calls, bookings, lead forms, jobs of leads) start here. */
export const AD_ID_BASE = 900_000_000;

export interface AdKeyword {
  /** Criterion id: the same keyword text has the same id in every ad group, as on Google Ads. */
  id: string;
  name: string;
  launchDay: number;
  impressions: number;
  ctr: number;
  cpc: number;
  conversionRate: number;
  impressionShare: number;
  bookRate: number;
  ticket: number;
}

export interface AdGroup {
  id: string;
  name: string;
  keywords: AdKeyword[];
}

export interface AdCampaign {
  index: number;
  id: number;
  externalId: number;
  name: string;
  category: string;
  launchDay: number;
  adGroups: AdGroup[];
  warningType: string;
  businessUnits: string[];
  lookaheadWindow: number;
  thresholdValue: number;
}

export interface AdAccount {
  seed: number;
  tenantId: string;
  tenantName: string;
  /** UTC day index (ms / DAY) of the first day with ads. */
  firstDay: number;
  campaigns: AdCampaign[];
  customers: Array<{ id: number; name: string }>;
}

const KEYWORDS = [
  'ac repair',
  'ac repair near me',
  'furnace repair',
  'emergency plumber',
  'water heater replacement',
  'hvac service',
  'drain cleaning',
  'heat pump installation',
  'air conditioning installation',
  'plumber near me',
  'duct cleaning',
  'thermostat installation',
];

const GROUP_NAMES = ['Repair', 'Install', 'Emergency', 'Maintenance', 'Brand'];

function keywordId(text: string): string {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 900_000_000;
  return String(100_000_000_000 + h);
}

export function buildAdAccount(world: World): AdAccount {
  const rng = rngFor(world.seed, 'ads', 'account');
  const firstDay = Math.floor(dayStart(world.clockMs) / DAY) - ADS_HISTORY_DAYS;
  const campaigns = [...world.table(T.campaigns).rows()].map((r) => r.rec).filter((c) => c.active === true);
  const units = [...world.table(T.businessUnits).rows()].map((r) => String(r.rec.name ?? ''));
  const count = Math.min(campaigns.length, 8, Math.max(3, Math.round(8 * world.scale)));
  const chosen = rng.sample(campaigns, count).sort((a, b) => Number(a.id) - Number(b.id));
  let groupSeq = 0;
  const account: AdCampaign[] = chosen.map((c, index) => {
    const launchDay = firstDay + rng.int(0, 4);
    const adGroups: AdGroup[] = rng.sample(GROUP_NAMES, 2).map((groupName) => ({
      id: String(140_000_000_000 + ++groupSeq * 7_919 + rng.int(0, 999)),
      name: `${c.name} - ${groupName}`,
      keywords: rng.sample(KEYWORDS, 3).map((text) => ({
        id: keywordId(text),
        name: text,
        launchDay: launchDay + rng.int(0, 3),
        impressions: rng.int(80, 600),
        ctr: rng.float(0.02, 0.08),
        cpc: rng.float(2, 14),
        conversionRate: rng.float(0.05, 0.2),
        impressionShare: rng.float(0.3, 0.9),
        bookRate: rng.float(0.4, 0.8),
        ticket: rng.float(250, 1800),
      })),
    }));
    const category = c.category as { name?: unknown } | null | undefined;
    return {
      index,
      id: Number(c.id),
      externalId: 1_000_000_000 + rng.int(0, 8_999_999_999),
      name: String(c.name),
      category: typeof category?.name === 'string' ? category.name : 'Digital',
      launchDay,
      adGroups,
      warningType: rng.pick(['TechnicianCapacity', 'BusinessUnitCapacity']),
      businessUnits: units.length > 0 ? rng.sample(units, rng.int(1, 2)) : [],
      lookaheadWindow: rng.pick([3, 7, 14]),
      thresholdValue: rng.pick([70, 80, 90]),
    };
  });
  const customers = [...world.table(T.customers).rows()]
    .map((r) => r.rec)
    .filter((c) => c.active === true)
    .slice(-200)
    .map((c) => ({ id: Number(c.id), name: String(c.name) }));
  return { seed: world.seed, tenantId: world.tenantId, tenantName: 'Sandbox Home Services', firstDay, campaigns: account, customers };
}
