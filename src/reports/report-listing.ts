/**
 * What `atlas reports list` shows: the tenant's report categories, their reports and each
 * report's parameters (name, type, required, array), to help write the `reports` config.
 */
import type { ServiceTitanClient } from '../client/index.js';
import { ApiError } from '../errors.js';
import { describeReport, listCategories, listReports } from './report-api.js';

export interface ListedReport {
  category: string;
  id: number;
  name: string;
  /** null when the API answers 404 for the report (it exists only in the UI). */
  parameters: Array<{ name: string; dataType?: string; isRequired?: boolean; isArray?: boolean }> | null;
}

export async function reportListing(client: ServiceTitanClient, category?: string): Promise<ListedReport[]> {
  const categories = category ? [category] : (await listCategories(client)).map((c) => c.id);
  const listed: ListedReport[] = [];
  for (const id of categories) {
    for (const report of await listReports(client, id)) {
      let parameters: ListedReport['parameters'] = null;
      try {
        const { description } = await describeReport(client, id, String(report.id));
        parameters = (description.parameters ?? []).map(({ name, dataType, isRequired, isArray }) => ({
          name,
          dataType,
          isRequired,
          isArray,
        }));
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
      listed.push({ category: id, id: report.id, name: report.name, parameters });
    }
  }
  return listed;
}

export function formatReportListing(reports: ListedReport[]): string {
  if (reports.length === 0) return 'no reports\n';
  const lines = reports.map((r) => {
    const parameters =
      r.parameters === null
        ? 'not available through the API (404)'
        : r.parameters.map((p) => `${p.name}:${p.dataType ?? '?'}${p.isArray ? '[]' : ''}${p.isRequired ? '' : '?'}`).join(' ') ||
          '(no parameters)';
    return `${r.category}\t${r.id}\t${r.name}\t${parameters}`;
  });
  return `category\tid\tname\tparameters (? = optional)\n${lines.join('\n')}\n`;
}
