/**
 * The Reporting API calls Atlas makes (through the tenant's client, so its token, rate limiter,
 * retries and redaction apply): categories, a category's reports, a report's description, and a
 * page of report data (`POST …/data` with the parameters in the body, `pageSize` at most 25,000).
 */
import type { ServiceTitanClient } from '../client/index.js';

/** ServiceTitan's largest report page: the fewer calls, the better under the report limits. */
export const REPORT_PAGE_SIZE = 25_000;

export interface ReportDescription {
  id: number;
  name: string;
  description?: string | null;
  parameters: Array<{ name: string; label?: string; dataType?: string; isArray?: boolean; isRequired?: boolean }>;
  fields: Array<{ name: string; label?: string; dataType?: string }>;
}

export interface ReportDataPage {
  page: number;
  hasMore: boolean;
  fields: Array<{ name: string; label?: string }>;
  data: unknown[][];
}

type Paged<T> = { data: T[]; hasMore: boolean };

const base = (client: ServiceTitanClient) => `/reporting/v2/tenant/${encodeURIComponent(client.tenantId)}`;
const reportPath = (client: ServiceTitanClient, category: string, reportId: string) =>
  `${base(client)}/report-category/${encodeURIComponent(category)}/reports/${encodeURIComponent(reportId)}`;

async function allPages<T>(client: ServiceTitanClient, path: string, endpoint: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const { body } = await client.request<Paged<T>>(path, { page, pageSize: 500 }, { endpoint });
    items.push(...(body?.data ?? []));
    if (!body?.hasMore) return items;
  }
}

export function listCategories(client: ServiceTitanClient): Promise<Array<{ id: string; name: string }>> {
  return allPages(client, `${base(client)}/report-categories`, 'reporting/report-categories');
}

export function listReports(
  client: ServiceTitanClient,
  category: string,
): Promise<Array<{ id: number; name: string; description?: string | null }>> {
  return allPages(client, `${base(client)}/report-category/${encodeURIComponent(category)}/reports`, 'reporting/reports');
}

/** The description and the API's present (its Date header), which decides "today". */
export async function describeReport(
  client: ServiceTitanClient,
  category: string,
  reportId: string,
  signal?: AbortSignal,
): Promise<{ description: ReportDescription; headers: Record<string, unknown> }> {
  const response = await client.request<ReportDescription>(reportPath(client, category, reportId), undefined, {
    endpoint: `reporting/${category}/reports/${reportId}`,
    signal,
  });
  return { description: response.body, headers: response.headers };
}

/** One data page; 429 and 409 come back as ApiError for the caller to wait on (see run-report.ts). */
export async function reportDataPage(
  client: ServiceTitanClient,
  report: { category: string; reportId: string },
  parameters: Array<{ name: string; value: unknown }>,
  page: number,
  signal?: AbortSignal,
): Promise<ReportDataPage> {
  const response = await client.request<ReportDataPage>(
    `${reportPath(client, report.category, report.reportId)}/data`,
    { page, pageSize: REPORT_PAGE_SIZE },
    {
      endpoint: `reporting/${report.category}/reports/${report.reportId}/data`,
      method: 'POST',
      json: { parameters },
      finalStatuses: [409, 429],
      signal,
    },
  );
  return response.body;
}
