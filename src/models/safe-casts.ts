/**
 * Helper functions the runner creates in the marts schema before building models. Typed views
 * read JSON text through them, so a cast never fails on odd data: anything that is not a clean
 * value of the type becomes null (ServiceTitan's own rule: every non-key field is nullable, every
 * enum an open string). They are plain SQL and regex-guarded, so Postgres inlines them
 * (no per-row exception blocks).
 *
 * Timestamps without an offset are read as UTC, as ServiceTitan documents them — never in the
 * session's zone, so every analyst sees the same instant.
 */
import { qualified } from '../db/identifiers.js';

export const HELPER_FUNCTIONS = ['_to_numeric', '_to_bigint', '_to_boolean', '_to_timestamptz', '_to_date'];

const YMD = '[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
const TIME = '[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?';
const OFFSET = '(Z|[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?)';

/** True when the first ten characters are a real calendar day (also rules out February 30). */
const realDay = (value: string) =>
  `(substr(${value}, 9, 2)::int <= 28 or substr(${value}, 9, 2)::int <= ` +
  `extract(day from (substr(${value}, 1, 7) || '-01')::date + interval '1 month' - interval '1 day')::int)`;

/** The `create or replace function` statements, in the given schema. */
export function helperFunctionsSql(schema: string): string[] {
  const fn = (name: string) => qualified(schema, name);
  // Text to date/time casts are only `stable` in Postgres (they accept words like 'now', which the
  // guards refuse); declaring the truth keeps the functions inlinable.
  const header = (name: string, returns: string, volatility = 'immutable') =>
    `create or replace function ${fn(name)}(value text) returns ${returns} language sql ${volatility} parallel safe as $body$`;
  return [
    `${header('_to_numeric', 'numeric')}
  select case when value ~ '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?\\s*$' then trim(value)::numeric end
$body$`,
    `${header('_to_bigint', 'bigint')}
  select case when value ~ '^\\s*[-+]?[0-9]{1,18}(\\.0*)?\\s*$' then trunc(trim(value)::numeric)::bigint end
$body$`,
    `${header('_to_boolean', 'boolean')}
  select case lower(trim(value)) when 'true' then true when 'false' then false end
$body$`,
    `${header('_to_timestamptz', 'timestamptz', 'stable')}
  select case
    when value !~ '^${YMD}(${TIME})?${OFFSET}?$' then null
    when not ${realDay('value')} then null
    when value ~ '${OFFSET}$' and value ~ '${TIME}' then value::timestamptz
    else value::timestamp at time zone 'UTC'
  end
$body$`,
    `${header('_to_date', 'date', 'stable')}
  select case when value !~ '^${YMD}' then null when ${realDay('value')} then left(value, 10)::date end
$body$`,
  ];
}
