/**
 * The `schedule` setting (global, or per tenant): when `atlas worker` syncs a tenant, as the five
 * time fields of a graphile-worker crontab line — minute, hour, day of month, month, day of week
 * (UTC; day of week 0 or 7 is Sunday). The grammar is graphile-worker's: each field a comma list of `*` (optionally with a step,
 * `*\/15`), `n` or `n-m`.
 * Checked here so every command reports a bad schedule up front, naming the field that is wrong;
 * test/config/schedule.unit.test.ts holds this check to graphile-worker's own parser.
 */
import { showValue, type Problems } from './problems.js';

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

const EXAMPLE = 'e.g. "*/15 * * * *" (every 15 minutes) or "0 3 * * *" (03:00 UTC daily)';

/** The problem with one field's text, or null when it is good. */
function fieldProblem(text: string, field: (typeof FIELDS)[number]): string | null {
  const inRange = (n: number) => n >= field.min && n <= field.max;
  for (const part of text.split(',')) {
    const wildcard = /^\*(?:\/(\d+))?$/.exec(part);
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (wildcard) {
      if (wildcard[1] !== undefined && (Number(wildcard[1]) < 1 || Number(wildcard[1]) > field.max)) {
        return `step "${part}" must be between 1 and ${field.max}`;
      }
    } else if (/^\d+$/.test(part)) {
      if (!inRange(Number(part))) return `"${part}" is outside ${field.min}-${field.max}`;
    } else if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (!inRange(from) || !inRange(to)) return `range "${part}" is outside ${field.min}-${field.max}`;
      if (from > to) return `range "${part}" runs backwards`;
    } else {
      return `"${part}" is not *, */n, a number or a range n-m`;
    }
  }
  return null;
}

/** The schedule, trimmed, or undefined (reported) when it is not a valid five-field crontab time. */
export function checkSchedule(label: string, value: unknown, problems: Problems): string | undefined {
  if (typeof value !== 'string') {
    problems.add(label, `${showValue(value)} is not a crontab schedule: ${EXAMPLE}`);
    return undefined;
  }
  const parts = value.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    problems.add(
      label,
      `${showValue(value)} has ${parts.length} field(s), expected 5 (minute hour day-of-month month day-of-week): ${EXAMPLE}`,
    );
    return undefined;
  }
  for (const [index, field] of FIELDS.entries()) {
    const problem = fieldProblem(parts[index], field);
    if (problem) {
      problems.add(label, `${showValue(value)}: the ${field.name} field ${problem}: ${EXAMPLE}`);
      return undefined;
    }
  }
  return parts.join(' ');
}
