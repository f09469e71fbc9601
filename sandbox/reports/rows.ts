/**
 * A report's answer for one set of parameters: deterministic from the seed, the report and each
 * day of the `From`–`To` range (days after the sandbox clock have no activity yet). Rows aggregate
 * the range, as ServiceTitan's reports do. The last three days before the clock are still being
 * revised (their figures change every simulated hour), so a look-back refresh has something to find.
 */
import { unitHash } from '../random.js';
import { dateOnly } from '../time.js';
import type { ReportDefinition } from './definitions.js';

const DAY_MS = 86_400_000;
const REVISED_DAYS = 3;
const SUBJECTS = { businessUnit: 4, technician: 8, campaign: 5 } as const;
const BUSINESS_UNITS = ['HVAC Service', 'HVAC Install', 'Plumbing', 'Electrical'];
const CAMPAIGNS = ['Google Ads', 'Yard Signs', 'Referral', 'Radio', 'Direct Mail'];

export type ReportValue = string | number | boolean | null;

export interface ReportAnswer {
  fields: Array<{ name: string; label: string }>;
  data: ReportValue[][];
}

interface DayActivity {
  day: string;
  jobs: number;
  cents: number;
  calls: number;
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) days.push(dateOnly(ms));
  return days;
}

/** One subject's activity on one day; the revision is 0 once the day is settled. */
function activity(seed: number, report: ReportDefinition, subject: number, day: string, clockMs: number): DayActivity {
  const settled = Date.parse(`${day}T00:00:00Z`) < clockMs - REVISED_DAYS * DAY_MS;
  const revision = settled ? 0 : Math.floor(clockMs / 3_600_000);
  const u = (label: string) => unitHash(seed, 'report', report.id, subject, day, revision, label);
  const jobs = Math.floor(u('jobs') * 4);
  return { day, jobs, cents: jobs * (20_000 + Math.floor(u('ticket') * 80_000)), calls: jobs + Math.floor(u('calls') * 6) };
}

const money = (cents: number) => cents / 100;

function rowFor(report: ReportDefinition, subject: number, days: DayActivity[]): ReportValue[] | null {
  const jobs = days.reduce((n, d) => n + d.jobs, 0);
  const cents = days.reduce((n, d) => n + d.cents, 0);
  const calls = days.reduce((n, d) => n + d.calls, 0);
  switch (report.subject) {
    case 'businessUnit': {
      if (jobs === 0) return null; // units without completed work are left out of the report
      const last = days.filter((d) => d.jobs > 0).at(-1);
      return [1000 + subject, BUSINESS_UNITS[subject], jobs, money(cents), last ? `${last.day}T00:00:00` : null];
    }
    case 'technician': {
      const hours = jobs * 1.5;
      const perHour = hours === 0 ? null : Math.round(cents / hours) / 100;
      const conversion = calls === 0 ? 0 : Math.round((jobs / calls) * 10_000) / 100;
      const arrival = `08:${String((subject * 7) % 60).padStart(2, '0')}:00`;
      return [2000 + subject, `Technician ${subject + 1}`, jobs, money(cents), perHour, conversion, subject % 5 !== 4, arrival];
    }
    case 'campaign':
      return [CAMPAIGNS[subject], calls, jobs, money(cents)];
  }
}

/** Every row of the report for `from`–`to` (YYYY-MM-DD, inclusive), in the order the API sends them. */
export function reportAnswer(seed: number, report: ReportDefinition, from: string, to: string, clockMs: number): ReportAnswer {
  const today = dateOnly(clockMs);
  const days = daysBetween(from, to < today ? to : today);
  const data: ReportValue[][] = [];
  for (let subject = 0; subject < SUBJECTS[report.subject]; subject++) {
    const row = rowFor(
      report,
      subject,
      days.map((day) => activity(seed, report, subject, day, clockMs)),
    );
    if (row) data.push(row);
  }
  return { fields: report.fields.map(({ name, label }) => ({ name, label })), data };
}
