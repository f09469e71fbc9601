/**
 * The `reports` key: ServiceTitan reports run into staging tables (src/reports). Each entry is
 * checked here so a run never starts with a report it cannot run: a table name Atlas can use, a
 * known tenant, a category and report id that fit in a URL, parameters as an object (without the
 * date parameters, which the windows set), and numbers in range. Every problem names its entry.
 */
import { checkDate, checkKeys, isPlainObject } from './checks.js';
import { type Problems, showValue, typeName } from './problems.js';
import type { ReportConfig, TenantConfig } from './types.js';

const REPORT_KEYS = [
  'tenant',
  'name',
  'category',
  'reportId',
  'parameters',
  'dateParameter',
  'endDateParameter',
  'windowDays',
  'lookbackDays',
  'startDate',
  'spacingSeconds',
];
const EXAMPLE =
  '{"name": "tech_performance", "category": "technician", "reportId": 201, "dateParameter": "From", "startDate": "2024-01-01"}';
/** ServiceTitan's "same report about once a minute" (older accounts: once per five minutes). */
export const DEFAULT_REPORT_SPACING_SECONDS = 60;

export interface ReportSources {
  file: unknown;
  /** The tenants selected for this run (after `--tenant`). */
  tenants: TenantConfig[];
  /** `--tenant` was given: reports of tenants it left out are skipped, not errors. */
  tenantFilter: boolean;
  /** The top-level startDate, the default of each report's. */
  startDate: string | null | undefined;
}

export function resolveReports(sources: ReportSources, problems: Problems): ReportConfig[] | undefined {
  if (sources.file === undefined || sources.file === null) return [];
  if (!Array.isArray(sources.file)) {
    problems.add('reports', `must be an array of reports, not ${typeName(sources.file)}: e.g. [${EXAMPLE}]`);
    return undefined;
  }
  const reports: ReportConfig[] = [];
  const before = problems.count;
  sources.file.forEach((entry, index) => {
    const report = resolveReport(entry, `reports[${index}]`, sources, problems);
    if (report) reports.push(report);
  });
  checkNamesShareReports(reports, problems);
  return problems.count === before ? reports : undefined;
}

function resolveReport(entry: unknown, label: string, sources: ReportSources, problems: Problems): ReportConfig | null | undefined {
  if (!isPlainObject(entry)) {
    problems.add(label, `must be an object, not ${typeName(entry)}: e.g. ${EXAMPLE}`);
    return undefined;
  }
  checkKeys(entry, REPORT_KEYS, label, problems);
  const at = (key: string) => `${label}.${key}`;
  const tenant = reportTenant(entry.tenant, at('tenant'), sources, problems);
  const name = reportName(entry.name, at('name'), problems);
  const category = text(
    entry.category,
    at('category'),
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
    'a report category id such as "technician"',
    problems,
  );
  const reportId = positiveId(entry.reportId, at('reportId'), problems);
  const parameters = entry.parameters === undefined ? {} : isPlainObject(entry.parameters) ? entry.parameters : undefined;
  if (!parameters)
    problems.add(
      at('parameters'),
      `must be an object of parameter values, not ${typeName(entry.parameters)}: e.g. {"BusinessUnitIds": [1, 2]}`,
    );
  const dateParameter = parameterName(entry.dateParameter, 'From', at('dateParameter'), problems);
  const endDateParameter = parameterName(entry.endDateParameter, dateParameter === null ? null : 'To', at('endDateParameter'), problems);
  const windowDays = wholeNumber(entry.windowDays, 1, 1, 366, at('windowDays'), problems);
  const lookbackDays = wholeNumber(entry.lookbackDays, 7, 0, 366, at('lookbackDays'), problems);
  const spacingSeconds = spacing(entry.spacingSeconds, at('spacingSeconds'), problems);
  const startDate = entry.startDate === undefined ? sources.startDate : checkDate(at('startDate'), entry.startDate, problems);
  if (dateParameter !== null && entry.startDate === undefined && !startDate) {
    problems.add(
      at('startDate'),
      'is not set (nor the top-level startDate): a dated report needs the first day to read, e.g. "2024-01-01"',
    );
  }
  if (dateParameter === null && endDateParameter !== null) {
    problems.add(at('endDateParameter'), `${showValue(endDateParameter)} needs a dateParameter too: set "dateParameter" or make both null`);
  }
  if (endDateParameter === null && windowDays !== undefined && windowDays !== 1 && dateParameter !== null) {
    problems.add(at('windowDays'), `${windowDays} needs an endDateParameter: a report with one date parameter is read one day at a time`);
  }
  for (const dated of [dateParameter, endDateParameter]) {
    if (dated && parameters && dated in parameters) {
      problems.add(at(`parameters.${dated}`), 'is set by Atlas for each date window: remove it from parameters');
    }
  }
  if (tenant === null) return null; // left out by --tenant
  if (!tenant || !name || !category || !reportId || !parameters || dateParameter === undefined || endDateParameter === undefined)
    return undefined;
  if (!windowDays || lookbackDays === undefined || spacingSeconds === undefined || startDate === undefined) return undefined;
  return {
    tenant,
    name,
    category,
    reportId,
    parameters,
    dateParameter,
    endDateParameter,
    windowDays,
    lookbackDays,
    startDate: dateParameter === null ? null : startDate,
    spacingSeconds,
  };
}

/** Tenant name; null when `--tenant` left it out; optional when exactly one tenant is configured. */
function reportTenant(value: unknown, label: string, sources: ReportSources, problems: Problems): string | null | undefined {
  const names = sources.tenants.map((t) => t.name);
  if (value === undefined) {
    if (names.length === 1 && !sources.tenantFilter) return names[0];
    problems.add(label, `is not set: with several tenants each report names its tenant, e.g. ${showValue(names[0] ?? 'acme-hvac')}`);
    return undefined;
  }
  if (typeof value === 'string' && names.includes(value)) return value;
  if (typeof value === 'string' && sources.tenantFilter) return null;
  const choices = names.length > 0 ? checkChoiceText(names) : 'a configured tenant name';
  problems.add(label, `${showValue(value)} is not a configured tenant: expected ${choices}`);
  return undefined;
}

const checkChoiceText = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** The table is `report_<name>`: a plain lowercase identifier that fits in 63 characters. */
function reportName(value: unknown, label: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && /^[a-z][a-z0-9_]{0,55}$/.test(value)) return value;
  problems.add(
    label,
    `${value === undefined ? 'is not set' : `${showValue(value)} is not a valid report name`}: expected lowercase letters, digits and _ ` +
      '(at most 56, starting with a letter; the table is report_<name>), e.g. "tech_performance"',
  );
  return undefined;
}

function text(value: unknown, label: string, pattern: RegExp, what: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && pattern.test(value)) return value;
  problems.add(label, `${value === undefined ? 'is not set' : `${showValue(value)} is not valid`}: expected ${what}`);
  return undefined;
}

function positiveId(value: unknown, label: string, problems: Problems): string | undefined {
  const digits = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (/^[1-9]\d{0,17}$/.test(digits)) return digits;
  problems.add(
    label,
    `${value === undefined ? 'is not set' : `${showValue(value)} is not a report id`}: expected the report's numeric id, e.g. 201`,
  );
  return undefined;
}

/** A report parameter's name, or null (no such parameter); `fallback` when not given. */
function parameterName(value: unknown, fallback: string | null, label: string, problems: Problems): string | null | undefined {
  if (value === undefined) return fallback;
  if (value === null) return null;
  if (typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_ .-]{0,99}$/.test(value)) return value;
  problems.add(label, `${showValue(value)} is not a parameter name: expected a name from \`atlas reports list\`, e.g. "From", or null`);
  return undefined;
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number, label: string, problems: Problems): number | undefined {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
  problems.add(label, `${showValue(value)} is not a whole number from ${min} to ${max}: e.g. ${fallback}`);
  return undefined;
}

function spacing(value: unknown, label: string, problems: Problems): number | undefined {
  if (value === undefined) return DEFAULT_REPORT_SPACING_SECONDS;
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 3600) return n;
  problems.add(label, `${showValue(value)} is not a number of seconds from 0 to 3600: e.g. ${DEFAULT_REPORT_SPACING_SECONDS}`);
  return undefined;
}

/** One table per name: reports sharing a name (for different tenants) must be the same report. */
function checkNamesShareReports(reports: ReportConfig[], problems: Problems): void {
  const seen = new Map<string, ReportConfig>();
  reports.forEach((report) => {
    const first = seen.get(report.name);
    if (!first) {
      seen.set(report.name, report);
      return;
    }
    if (first.tenant === report.tenant) {
      problems.add(
        `reports (name ${showValue(report.name)})`,
        `is used twice for tenant ${showValue(report.tenant)}: give each report its own name`,
      );
    } else if (first.category !== report.category || first.reportId !== report.reportId) {
      problems.add(
        `reports (name ${showValue(report.name)})`,
        'names different reports for different tenants: a name is one table, so use one name per report',
      );
    }
  });
}
