/**
 * The records a page stores, from the rows it carries. For most endpoints they are the rows. For an
 * endpoint whose plan has `unnest` (job history: `{jobId, history[]}`) every element of the array is
 * a record of its own, with the plan's `carry` fields of its row copied in, so that no element is
 * ever overwritten by a later row of the same parent, whether a row carries the whole array or only
 * what is new since `from`.
 *
 * Nothing is dropped silently: a row whose array is missing or not an array is passed on as it is
 * (the loader then rejects it for its missing key, keeping it with the reason), and an element that
 * is not an object is passed on as it is (rejected as "not a JSON object"). A row with an empty
 * array holds no records.
 */
import type { ExtractionPlan } from '../catalog/types.js';
import { withIdentity } from './stamp-records.js';

/** The stored records of a page, with the plan's identity field when it has one (./stamp-records.ts). */
export function storedRecords(rows: unknown[], plan: ExtractionPlan | null): unknown[] {
  return withIdentity(unnestedRecords(rows, plan), plan);
}

function unnestedRecords(rows: unknown[], plan: ExtractionPlan | null): unknown[] {
  const unnest = plan?.unnest;
  if (!unnest) return rows;
  const out: unknown[] = [];
  for (const row of rows) {
    const fields = row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : null;
    const elements = fields?.[unnest.field];
    if (!fields || !Array.isArray(elements)) {
      out.push(row);
      continue;
    }
    const carried = Object.fromEntries(unnest.carry.map((field) => [field, fields[field] ?? null]));
    for (const element of elements) {
      out.push(
        element !== null && typeof element === 'object' && !Array.isArray(element) ? { ...carried, ...element, ...carried } : element,
      );
    }
  }
  return out;
}
