/**
 * The stored key of a row sent without its (nullable) key field, for endpoints whose plan names
 * `keyFallback` fields: the row is normal for its endpoint, so it is stored, not rejected. The key is
 * derived from the values of the fallback fields only, so the same row sent again lands on the same
 * staging row, and it can never equal a key ServiceTitan assigns:
 *
 * - `bigint` keys: −(1 + the first 60 bits of SHA-256 over the JSON array of the fallback values,
 *   a missing field counting as null). ServiceTitan ids are positive, so the two never meet.
 *   e.g. gross pay items: `payrollId, employeeType, employeeId, grossPayItemType, date,
 *   sourceEntityId, invoiceItemId, jobId, activityCodeId, paidTimeType, startedOn`.
 * - `text` keys: `field=value` pairs joined by `&`, values as JSON (`number=28` for a journal entry,
 *   `name="Net 30"` for a payment term). ServiceTitan's text ids are GUIDs, which have no `=`.
 *
 * Returns null when every fallback field is missing too: then nothing identifies the row, and the
 * loader rejects it with its reason.
 */
import { createHash } from 'node:crypto';

export function fallbackKey(record: Record<string, unknown>, fields: readonly string[], type: 'bigint' | 'text'): string | null {
  const values = fields.map((field) => record[field] ?? null);
  if (values.every((value) => value === null)) return null;
  if (type === 'text') return fields.map((field, i) => `${field}=${JSON.stringify(values[i])}`).join('&');
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('hex');
  return String(-(BigInt(`0x${digest.slice(0, 15)}`) + 1n));
}
