/**
 * One configured report of one tenant inside a run: describe it (its fields become the table's
 * columns), plan its date windows from the cursor and the look-back, and for each window read
 * every page and replace the window's rows with the cursor in one transaction. Data calls go
 * through the per-report gate (serialised, spaced) and honour ServiceTitan's answers: 429 waits
 * for Retry-After, 409 ("suspended for maintenance") waits and tries again, both on bounded
 * budgets; 404 (a report that exists only in the UI) fails this report with a clear message.
 * A failure is this report's outcome; it never stops the run.
 */
import { DateTime } from 'luxon';
import type pg from 'pg';
import type { ServiceTitanClient } from '../client/index.js';
import { sleep } from '../client/sleep.js';
import type { ReportConfig, TenantConfig } from '../config/types.js';
import { ApiError, AtlasError, errorMessage } from '../errors.js';
import { serverPresent } from '../extract/server-present.js';
import type { Logger } from '../log/logger.js';
import type { EndpointOutcome } from '../pipeline/outcomes.js';
import { emptyFigures, type RunFigures } from '../runs/run-figures.js';
import { finishRunEndpoint, startRunEndpoint } from '../runs/run-records.js';
import type { ReportCallGate } from './call-gate.js';
import { columnValue, type ReportColumn, reportColumns } from './columns.js';
import { describeReport, type ReportDescription, reportDataPage } from './report-api.js';
import { ensureReportTable, readReportCursor, replaceWindow, reportEndpoint, reportTable } from './report-table.js';
import { addDays, type DateWindow, windowsToRead } from './windows.js';

/** 429s one data call may meet before the report fails (each waits Retry-After). */
const RATE_LIMITED_BUDGET = 10;
/** 409s one data call may meet before the report fails. */
const MAINTENANCE_BUDGET = 6;
const MAX_MAINTENANCE_WAIT_MS = 300_000;

export interface ReportRunInput {
  pool: pg.Pool;
  schema: string;
  client: ServiceTitanClient;
  tenant: TenantConfig;
  report: ReportConfig;
  runId: number;
  gate: ReportCallGate;
  logger: Logger;
  signal?: AbortSignal;
}

export async function runReport(input: ReportRunInput): Promise<EndpointOutcome> {
  const { pool, schema, report, tenant } = input;
  const endpoint = reportEndpoint(report.name);
  const figures = emptyFigures();
  await startRunEndpoint(pool, schema, input.runId, endpoint, reportTable(report.name));
  try {
    const { description, headers } = await describe(input);
    figures.requests++;
    checkParameters(report, description);
    const columns = reportColumns(description.fields ?? []);
    await ensureReportTable(pool, schema, report.name, columns);
    const today = DateTime.fromMillis(serverPresent(headers), { zone: tenant.timezone }).toISODate() ?? '';
    const windows = await plannedWindows(input, today);
    for (const window of windows) {
      if (input.signal?.aborted) throw input.signal.reason;
      const delta = await loadWindow(input, columns, window);
      for (const [figure, n] of Object.entries(delta) as Array<[keyof RunFigures, number]>) figures[figure] += n;
    }
    await finishRunEndpoint(pool, schema, input.runId, endpoint, { status: 'succeeded' });
    return { endpoint, status: 'succeeded', ...figures, notes: [] };
  } catch (error) {
    const message = errorMessage(error);
    input.logger.error('report failed', { tenant: tenant.name, report: report.name, error: message });
    await finishRunEndpoint(pool, schema, input.runId, endpoint, { status: 'failed', error: message }).catch(() => {});
    return { endpoint, status: 'failed', error: message, ...figures, notes: [] };
  }
}

const notOnApi = (report: ReportConfig) =>
  `report ${report.name}: ServiceTitan answers 404 for report ${report.reportId} in category "${report.category}" through the API ` +
  '(some reports exist only in the ServiceTitan UI, and ids differ between categories); check it with `atlas reports list`';

async function describe(input: ReportRunInput) {
  try {
    return await describeReport(input.client, input.report.category, input.report.reportId, input.signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new AtlasError('API_REQUEST_FAILED', notOnApi(input.report));
    throw error;
  }
}

/** The configured parameters must be the report's; the date parameters must exist. */
function checkParameters(report: ReportConfig, description: ReportDescription): void {
  const known = (description.parameters ?? []).map((p) => p.name);
  const wanted = [...Object.keys(report.parameters), report.dateParameter, report.endDateParameter].filter((p): p is string => p !== null);
  const unknown = wanted.filter((p) => !known.includes(p));
  if (unknown.length > 0) {
    throw new AtlasError(
      'CONFIG_INVALID',
      `report ${report.name}: report ${report.reportId} has no parameter ${unknown.map((p) => JSON.stringify(p)).join(', ')}; ` +
        `its parameters are ${known.map((p) => JSON.stringify(p)).join(', ') || '(none)'}`,
    );
  }
}

async function plannedWindows(input: ReportRunInput, today: string): Promise<Array<DateWindow | null>> {
  const { report } = input;
  if (report.dateParameter === null || report.startDate === null) return [null];
  const next = await readReportCursor(input.pool, input.schema, input.tenant.tenantId, report.name);
  return windowsToRead({ startDate: report.startDate, windowDays: report.windowDays, lookbackDays: report.lookbackDays, next, today });
}

function parametersFor(report: ReportConfig, window: DateWindow | null): Array<{ name: string; value: unknown }> {
  const list = Object.entries(report.parameters).map(([name, value]) => ({ name, value }));
  if (window && report.dateParameter) list.push({ name: report.dateParameter, value: window.from });
  if (window && report.endDateParameter) list.push({ name: report.endDateParameter, value: window.to });
  return list;
}

/** Reads every page of one window and replaces its rows; returns the window's figures. */
async function loadWindow(input: ReportRunInput, columns: ReportColumn[], window: DateWindow | null): Promise<Partial<RunFigures>> {
  const { report } = input;
  const parameters = parametersFor(report, window);
  const rows: unknown[][] = [];
  const rejects: Array<{ reason: string; record: string }> = [];
  let pages = 0;
  let requests = 0;
  for (let page = 1; ; page++) {
    const { body, calls } = await dataPage(input, parameters, page);
    pages++;
    requests += calls;
    const positions = new Map((body.fields ?? []).map((f, i) => [f.name, i]));
    for (const raw of body.data ?? []) {
      const row = toRow(columns, positions, raw);
      if ('reason' in row) rejects.push({ reason: row.reason, record: JSON.stringify(raw) });
      else rows.push(row.values);
    }
    if (!body.hasMore) break;
  }
  const next = window === null ? null : window.settled ? addDays(window.from, report.windowDays) : window.from;
  const figures = {
    pages,
    requests,
    retries: requests - pages,
    received: rows.length + rejects.length,
    inserted: rows.length,
    rejected: rejects.length,
  };
  await replaceWindow(input.pool, input.schema, {
    tenantId: input.tenant.tenantId,
    runId: input.runId,
    name: report.name,
    window: { from: window?.from ?? null, to: window?.to ?? null },
    parameters,
    columns,
    rows,
    rejects,
    next,
    figures,
  });
  input.logger.debug('report window loaded', { report: report.name, from: window?.from, to: window?.to, rows: rows.length });
  return figures;
}

function toRow(columns: ReportColumn[], positions: Map<string, number>, raw: unknown): { values: unknown[] } | { reason: string } {
  if (!Array.isArray(raw)) return { reason: 'the row is not an array of values aligned to the fields' };
  if (raw.length !== positions.size) return { reason: `the row has ${raw.length} values for ${positions.size} fields` };
  const values: unknown[] = [];
  for (const column of columns) {
    const at = positions.get(column.field);
    const checked = columnValue(column, at === undefined ? null : raw[at]);
    if ('reason' in checked) return checked;
    values.push(checked.value);
  }
  return { values };
}

/** One data page through the gate, waiting out 429s and 409s; `calls` counts every attempt. */
async function dataPage(input: ReportRunInput, parameters: Array<{ name: string; value: unknown }>, page: number) {
  const { report, gate, signal } = input;
  const key = `${input.tenant.tenantId}:${report.reportId}`;
  const spacingMs = report.spacingSeconds * 1000;
  let rateLimited = 0;
  let maintenance = 0;
  for (let calls = 1; ; calls++) {
    try {
      const body = await gate.run(key, spacingMs, () => reportDataPage(input.client, report, parameters, page, signal), signal);
      return { body, calls };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 404) throw new AtlasError('API_REQUEST_FAILED', notOnApi(report));
      if (error.status === 429 && ++rateLimited < RATE_LIMITED_BUDGET) {
        const waitMs = Number(error.details?.retryAfterMs ?? spacingMs);
        input.logger.info('report rate limited; waiting', { report: report.name, waitMs });
        gate.holdFor(key, waitMs, spacingMs);
        continue;
      }
      if (error.status === 409 && ++maintenance < MAINTENANCE_BUDGET) {
        const waitMs = Math.min(MAX_MAINTENANCE_WAIT_MS, Math.max(spacingMs, 250) * 2 ** (maintenance - 1));
        input.logger.info('reporting suspended for maintenance; waiting', { report: report.name, waitMs });
        await sleep(waitMs, signal);
        continue;
      }
      if (error.status === 429 || error.status === 409) {
        throw new AtlasError('API_RETRIES_EXHAUSTED', `report ${report.name}: ${error.message} (after ${calls} calls)`);
      }
      throw error;
    }
  }
}
