/**
 * The marketing-ads API of the sandbox: performance and attributed leads by `fromUtc`/`toUtc`
 * window (required, as the real API requires them), capacity warnings whole. It shadows the
 * generic filler rows the world keeps for these paths (kept so the world's generation, and so
 * every other endpoint, stays as it was). Everything is computed from the ad account and the
 * clock, so `advance()` brings new days and restates recent ones without any state here.
 */
import type { World } from '../gen/world.js';
import { apiError, validationError, type Reply } from '../http/respond.js';
import { canonical, DAY, dateOnly, msOf } from '../time.js';
import { LEAD_TYPES, type LeadType, leadsBetween } from './leads.js';
import { type AdAccount, buildAdAccount } from './model.js';
import { performanceRows, SEGMENTATIONS, type Segmentation } from './performance.js';
import { capacityWarnings } from './warnings.js';

export const AD_ENDPOINTS = ['marketingads/performance', 'marketingads/attributed-leads', 'marketingads/capacity-warnings'] as const;

const MAX_PAGE_SIZE = 5000;

/** One day of a windowed endpoint as the API sends it for a one-day window (and segmentation). */
export interface DailyRows {
  day: string;
  segmentationType: Segmentation | null;
  rows: Record<string, unknown>[];
}

type Invalid = { invalid: Reply };

function windowOf(query: URLSearchParams): { fromMs: number; toMs: number } | Invalid {
  const bounds: number[] = [];
  for (const param of ['fromUtc', 'toUtc']) {
    const text = query.get(param) ?? '';
    if (text === '') return { invalid: validationError(param, `The ${param} field is required.`) };
    const value = canonical(text);
    if (!value) return { invalid: validationError(param, `The value '${text}' is not valid.`) };
    bounds.push(msOf(value));
  }
  if (bounds[1] <= bounds[0]) return { invalid: validationError('toUtc', 'toUtc must be later than fromUtc.') };
  return { fromMs: bounds[0], toMs: bounds[1] };
}

function paging(query: URLSearchParams): { page: number; pageSize: number; includeTotal: boolean } | Invalid {
  const pageText = query.get('page') ?? '';
  const sizeText = query.get('pageSize') ?? '';
  const page = pageText === '' ? 1 : Number(pageText);
  const pageSize = sizeText === '' ? 50 : Number(sizeText);
  if (!Number.isInteger(page) || page < 1) return { invalid: validationError('page', 'The page must be 1 or greater.') };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return { invalid: validationError('pageSize', `The page size must be between 1 and ${MAX_PAGE_SIZE}.`) };
  }
  const total = query.get('includeTotal') ?? '';
  if (!/^(|true|false)$/i.test(total)) return { invalid: validationError('includeTotal', `The value '${total}' is not valid.`) };
  return { page, pageSize, includeTotal: /^true$/i.test(total) };
}

function pageReply(rows: Record<string, unknown>[], at: { page: number; pageSize: number; includeTotal: boolean }): Reply {
  const start = (at.page - 1) * at.pageSize;
  const body = {
    page: at.page,
    pageSize: at.pageSize,
    hasMore: start + at.pageSize < rows.length,
    totalCount: at.includeTotal ? rows.length : null,
    data: rows.slice(start, start + at.pageSize),
  };
  return { status: 200, body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
}

/** UTC day indexes whose start lies in [fromMs, toMs). */
function daysIn(fromMs: number, toMs: number): number[] {
  const days: number[] = [];
  for (let day = Math.ceil(fromMs / DAY); day * DAY < toMs; day++) days.push(day);
  return days;
}

export class AdsServer {
  readonly account: AdAccount;

  constructor(
    world: World,
    private readonly clockMs: () => number,
  ) {
    this.account = buildAdAccount(world);
  }

  serves(endpoint: string): boolean {
    return (AD_ENDPOINTS as readonly string[]).includes(endpoint);
  }

  serve(endpoint: string, method: string, query: URLSearchParams): Reply {
    if (method !== 'GET') return apiError(405, `The ${method} method is not supported for this resource.`);
    if (endpoint === 'marketingads/capacity-warnings') {
      const data = capacityWarnings(this.account, this.clockMs());
      const body = { tenantId: Number(this.account.tenantId), tenantName: this.account.tenantName, totalCount: data.length, data };
      return { status: 200, body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
    }
    const window = windowOf(query);
    if ('invalid' in window) return window.invalid;
    const at = paging(query);
    if ('invalid' in at) return at.invalid;
    if (endpoint === 'marketingads/performance') {
      const text = query.get('performanceSegmentationType') ?? '';
      if (text === '') return validationError('performanceSegmentationType', 'The performanceSegmentationType field is required.');
      const type = SEGMENTATIONS.find((s) => s.toLowerCase() === text.toLowerCase());
      if (!type) return validationError('performanceSegmentationType', `The value '${text}' is not valid.`);
      return pageReply(performanceRows(this.account, type, daysIn(window.fromMs, window.toMs), this.clockMs()), at);
    }
    const typeText = query.get('leadType') ?? '';
    const type = typeText === '' ? null : (LEAD_TYPES.find((t) => t.toLowerCase() === typeText.toLowerCase()) ?? 'bad');
    if (type === 'bad') return validationError('leadType', `The value '${typeText}' is not valid.`);
    const leads = leadsBetween(this.account, window.fromMs, window.toMs, this.clockMs(), type as LeadType | null);
    return pageReply(
      leads.map((l) => l.record),
      at,
    );
  }

  /** Every day from the first day with ads to the clock's, one-day windows, as the API sends them now. */
  dailyTruth(endpoint: string): DailyRows[] {
    const clock = this.clockMs();
    const out: DailyRows[] = [];
    for (let day = this.account.firstDay; day * DAY <= clock; day++) {
      const date = dateOnly(day * DAY);
      if (endpoint === 'marketingads/performance') {
        for (const type of SEGMENTATIONS)
          out.push({ day: date, segmentationType: type, rows: performanceRows(this.account, type, [day], clock) });
      } else if (endpoint === 'marketingads/attributed-leads') {
        out.push({
          day: date,
          segmentationType: null,
          rows: leadsBetween(this.account, day * DAY, (day + 1) * DAY, clock, null).map((l) => l.record),
        });
      } else {
        throw new RangeError(`sandbox: ${endpoint} is not read in date windows`);
      }
    }
    return out;
  }

  /** What a perfect extractor holds now, as sent: every day's rows for windowed endpoints, the current warnings. */
  truth(endpoint: string): Record<string, unknown>[] {
    if (endpoint === 'marketingads/capacity-warnings') return capacityWarnings(this.account, this.clockMs());
    return this.dailyTruth(endpoint).flatMap((d) => d.rows);
  }
}
