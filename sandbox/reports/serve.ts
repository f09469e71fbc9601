/**
 * The Reporting API routes (`/reporting/v2/tenant/{t}/…`, after auth and the tenant check):
 *   GET  report-categories                                   paged categories
 *   GET  report-category/{category}/reports                  paged reports of a category
 *   GET  report-category/{category}/reports/{id}             description: parameters and fields
 *   POST report-category/{category}/reports/{id}/data        rows as positional arrays, paged
 * with ServiceTitan's stricter limits: the same report's data at most once per
 * `minIntervalSeconds` (429 with Retry-After otherwise), `pageSize` at most 25,000 (400 above),
 * and a share of data calls answered 409 "suspended for maintenance" (`reportMaintenanceRate`
 * fault). A report that exists only in the UI is listed but answers 404.
 */
import { unitHash } from '../random.js';
import { apiError, jsonReply, validationError, type Reply } from '../http/respond.js';
import { REPORT_CATEGORIES, REPORTS, reportById, type ReportDefinition } from './definitions.js';
import { reportAnswer } from './rows.js';

/** ServiceTitan's documented ceiling for report data pages. */
export const REPORT_MAX_PAGE_SIZE = 25_000;

export interface SandboxReportOptions {
  /** Least time between two data calls of the same report (default 60, ServiceTitan's "once a minute"). */
  minIntervalSeconds?: number;
  /** Largest page the sandbox sends (default 25,000); lower it to make tests page. */
  pageCap?: number;
}

export interface ReportServerContext {
  seed: number;
  clockMs: () => number;
  /** Share (0–1) of data calls answered 409, read per call (faults can change it). */
  maintenanceRate: () => number;
}

type Params = Record<string, unknown>;

export class ReportServer {
  private readonly minIntervalMs: number;
  private readonly pageCap: number;
  /** Wall time (ms) of the last admitted data call, per report id. */
  private readonly lastCall = new Map<number, number>();
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly context: ReportServerContext,
    options: SandboxReportOptions = {},
  ) {
    const interval = options.minIntervalSeconds ?? 60;
    if (!(interval >= 0 && Number.isFinite(interval))) throw new RangeError('sandbox: reports.minIntervalSeconds must be >= 0');
    const cap = options.pageCap ?? REPORT_MAX_PAGE_SIZE;
    if (!(Number.isInteger(cap) && cap >= 1)) throw new RangeError('sandbox: reports.pageCap must be a positive integer');
    this.minIntervalMs = interval * 1000;
    this.pageCap = Math.min(cap, REPORT_MAX_PAGE_SIZE);
  }

  /** `rest`: the path segments after `/tenant/{t}/`. */
  serve(method: string, rest: string[], query: URLSearchParams, body: string, now = Date.now()): Reply {
    const notFound = apiError(404, 'The requested resource was not found.');
    const [head, category, reports, id, data] = rest;
    if (head === 'report-categories' && rest.length === 1)
      return method === 'GET' ? paged(REPORT_CATEGORIES, query, 50) : notAllowed(method);
    if (head !== 'report-category' || reports !== 'reports' || !category) return notFound;
    if (!REPORT_CATEGORIES.some((c) => c.id === category)) return notFound;
    if (rest.length === 3) {
      if (method !== 'GET') return notAllowed(method);
      const listed = REPORTS.filter((r) => r.category === category).map(({ id: reportId, name, description }) => ({
        id: reportId,
        name,
        description,
      }));
      return paged(listed, query, 50);
    }
    const report = id === undefined ? undefined : reportById(category, id);
    if (!report?.api) return apiError(404, `Report ${id} was not found in category ${category}.`);
    if (rest.length === 4) return method === 'GET' ? jsonReply(200, describe(report)) : notAllowed(method);
    if (rest.length !== 5 || data !== 'data') return notFound;
    if (method !== 'POST') return notAllowed(method);
    return this.data(report, query, body, now);
  }

  /** Every row of a report for these parameters, unpaged: what a perfect extractor holds. */
  answer(report: ReportDefinition, parameters: Params) {
    const from = dateParameter(parameters.From);
    const to = dateParameter(parameters.To);
    if (!from || !to) throw new RangeError('sandbox: report parameters need From and To dates');
    return reportAnswer(this.context.seed, report, from, to, this.context.clockMs());
  }

  private data(report: ReportDefinition, query: URLSearchParams, body: string, now: number): Reply {
    const identity = `${report.id} ${query.toString()} ${body}`;
    const attempt = this.attempts.get(identity) ?? 0;
    this.attempts.set(identity, attempt + 1);
    if (unitHash(this.context.seed, 'report-maintenance', identity, attempt) < this.context.maintenanceRate()) {
      return apiError(409, 'The service is suspended for maintenance. Please try again later.');
    }
    const last = this.lastCall.get(report.id);
    if (last !== undefined && now - last < this.minIntervalMs) {
      const seconds = Math.max(1, Math.ceil((last + this.minIntervalMs - now) / 1000));
      return apiError(
        429,
        `Report ${report.id} was run too recently. Please try again in ${seconds} seconds.`,
        {},
        { 'Retry-After': String(seconds) },
      );
    }
    const page = intParam(query, 'page', 1);
    const pageSize = intParam(query, 'pageSize', 1000);
    if (page === null || page < 1) return validationError('page', 'The field page must be a positive integer.');
    if (pageSize === null || pageSize < 1 || pageSize > REPORT_MAX_PAGE_SIZE) {
      return validationError('pageSize', `The field pageSize must be between 1 and ${REPORT_MAX_PAGE_SIZE}.`);
    }
    const parameters = parseParameters(report, body);
    if (typeof parameters === 'string') return validationError('parameters', parameters);
    this.lastCall.set(report.id, now);
    const answer = this.answer(report, parameters);
    const size = Math.min(pageSize, this.pageCap);
    const rows = answer.data.slice((page - 1) * size, page * size);
    const hasMore = page * size < answer.data.length;
    const total = query.get('includeTotal') === 'true' ? answer.data.length : null;
    return jsonReply(200, { page, pageSize: size, hasMore, totalCount: total, fields: answer.fields, data: rows });
  }
}

function describe(report: ReportDefinition) {
  const { id, name, description, parameters, fields } = report;
  return { id, name, description, modifiedOn: '2025-01-15T00:00:00Z', parameters, fields };
}

function notAllowed(method: string): Reply {
  return apiError(405, `The ${method} method is not supported for this resource.`);
}

function intParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  return /^\d+$/.test(text) ? Number(text) : null;
}

function paged<T>(items: T[], query: URLSearchParams, fallbackSize: number): Reply {
  const page = intParam(query, 'page', 1);
  const pageSize = intParam(query, 'pageSize', fallbackSize);
  if (page === null || page < 1) return validationError('page', 'The field page must be a positive integer.');
  if (pageSize === null || pageSize < 1) return validationError('pageSize', 'The field pageSize must be a positive integer.');
  const data = items.slice((page - 1) * pageSize, page * pageSize);
  const totalCount = query.get('includeTotal') === 'true' ? items.length : null;
  return jsonReply(200, { page, pageSize, hasMore: page * pageSize < items.length, totalCount, data });
}

/** `YYYY-MM-DD` from a date or date-time parameter value; undefined when it is neither. */
function dateParameter(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const day = value.slice(0, 10);
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}

/** The body's `{"parameters": [{name, value}]}` checked against the report: a message when wrong. */
function parseParameters(report: ReportDefinition, body: string): Params | string {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return 'The request body must be JSON: {"parameters": [{"name": "From", "value": "2024-01-01"}]}.';
  }
  const list = (parsed as { parameters?: unknown }).parameters ?? [];
  if (!Array.isArray(list)) return 'parameters must be an array of {name, value}.';
  const params: Params = {};
  for (const item of list) {
    const name = (item as { name?: unknown })?.name;
    const known = report.parameters.find((p) => p.name === name);
    if (!known) return `Unknown parameter ${JSON.stringify(name)} for report ${report.id}.`;
    params[known.name] = (item as { value?: unknown }).value;
  }
  for (const p of report.parameters) {
    if (p.isRequired && params[p.name] === undefined) return `The parameter ${p.name} is required.`;
    if (p.dataType === 'Date' && params[p.name] !== undefined && !dateParameter(params[p.name]))
      return `The parameter ${p.name} must be a date.`;
  }
  if (String(params.From) > String(params.To)) return 'From must not be after To.';
  return params;
}
