/**
 * The sandbox's report catalog: a few report categories and reports shaped like ServiceTitan's
 * Reporting API (`GET …/report-categories`, `…/reports`, `…/reports/{id}`). Field and parameter
 * names and types follow the documents (`dataType` ∈ String, Number, Boolean, Date, Time). One
 * report is listed but answers 404 everywhere else, as reports that exist only in the UI do.
 */
export type ReportDataType = 'String' | 'Number' | 'Boolean' | 'Date' | 'Time';

export interface ReportField {
  name: string;
  label: string;
  dataType: ReportDataType;
}

export interface ReportParameter {
  name: string;
  label: string;
  dataType: ReportDataType;
  isArray: boolean;
  isRequired: boolean;
  acceptValues: null;
}

/** What one generated row is about: a business unit, a technician or a campaign. */
export type ReportSubject = 'businessUnit' | 'technician' | 'campaign';

export interface ReportDefinition {
  id: number;
  category: string;
  name: string;
  description: string;
  /** false: listed in its category (the UI has it) but the API answers 404 for it. */
  api: boolean;
  subject: ReportSubject;
  parameters: ReportParameter[];
  fields: ReportField[];
}

export const REPORT_CATEGORIES = [
  { id: 'operations', name: 'Operations' },
  { id: 'technician', name: 'Technician' },
  { id: 'marketing', name: 'Marketing' },
];

const dateRange: ReportParameter[] = [
  { name: 'From', label: 'From', dataType: 'Date', isArray: false, isRequired: true, acceptValues: null },
  { name: 'To', label: 'To', dataType: 'Date', isArray: false, isRequired: true, acceptValues: null },
];

const field = (name: string, label: string, dataType: ReportDataType): ReportField => ({ name, label, dataType });

export const REPORTS: ReportDefinition[] = [
  {
    id: 101,
    category: 'operations',
    name: 'Revenue by Business Unit',
    description: 'Completed revenue and jobs per business unit over the date range.',
    api: true,
    subject: 'businessUnit',
    parameters: [
      ...dateRange,
      {
        name: 'IncludeInactive',
        label: 'Include inactive units',
        dataType: 'Boolean',
        isArray: false,
        isRequired: false,
        acceptValues: null,
      },
    ],
    fields: [
      field('BusinessUnitId', 'Business Unit Id', 'Number'),
      field('BusinessUnitName', 'Business Unit', 'String'),
      field('CompletedJobs', 'Completed Jobs', 'Number'),
      field('TotalRevenue', 'Total Revenue', 'Number'),
      field('LastJobCompletedOn', 'Last Job Completed', 'Date'),
    ],
  },
  {
    id: 201,
    category: 'technician',
    name: 'Technician Performance',
    description: 'Per technician: completed jobs, revenue, conversion and hours over the date range.',
    api: true,
    subject: 'technician',
    parameters: dateRange,
    fields: [
      field('TechnicianId', 'Technician Id', 'Number'),
      field('Name', 'Technician', 'String'),
      field('CompletedJobs', 'Completed Jobs', 'Number'),
      field('CompletedRevenue', 'Completed Revenue', 'Number'),
      field('Revenue/Hour', 'Revenue per Hour', 'Number'),
      field('Conversion Rate %', 'Conversion Rate', 'Number'),
      field('IsActive', 'Active', 'Boolean'),
      field('AverageArrival', 'Average Arrival', 'Time'),
    ],
  },
  {
    id: 301,
    category: 'marketing',
    name: 'Campaign Performance',
    description: 'Calls, bookings and revenue per campaign over the date range.',
    api: true,
    subject: 'campaign',
    parameters: dateRange,
    fields: [
      field('CampaignName', 'Campaign', 'String'),
      field('Calls', 'Calls', 'Number'),
      field('BookedJobs', 'Booked Jobs', 'Number'),
      field('Revenue', 'Revenue', 'Number'),
    ],
  },
  {
    id: 302,
    category: 'marketing',
    name: 'Marketing Dashboard (custom view)',
    description: 'A dashboard view available in the ServiceTitan UI only.',
    api: false,
    subject: 'campaign',
    parameters: dateRange,
    fields: [field('CampaignName', 'Campaign', 'String')],
  },
];

export function reportById(category: string, id: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.category === category && String(r.id) === id);
}
