/**
 * Fields the extractor adds to records that carry nothing identifying them alone (the catalog's
 * `identity` and `window` plans; the catalog generator documents them in the typed views):
 *
 * - identity: `<path>:<value>` for the first of the plan's dotted paths whose value is a string or
 *   number (attributed leads: `call.id:123`, else `booking.id:…`, `leadForm.leadNumber:…`,
 *   `job.id:…`); null when none is, and the loader then rejects the record with its reason;
 * - window: the window's first day under `dayField`, and for segmented reads the segmentation
 *   value under `field` and the segment's id under `idField` (the values at its `idPaths` joined
 *   with `/`, null when one is missing).
 * Added fields go last and replace a field of the same name: they are what the key is made of.
 * Anything that is not an object is passed on untouched (the loader rejects it as such).
 */
import type { ExtractionPlan, WindowPlan } from '../catalog/types.js';

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at a dotted path (`call.id`), when it is a string or a number. */
export function valueAt(record: Fields, path: string): string | number | null {
  let value: unknown = record;
  for (const part of path.split('.')) value = isRecord(value) ? value[part] : undefined;
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null;
}

/** The record's identity under the plan's `identity`, or null. */
export function identityOf(record: Fields, paths: readonly string[]): string | null {
  for (const path of paths) {
    const value = valueAt(record, path);
    if (value !== null) return `${path}:${value}`;
  }
  return null;
}

/** Records with the plan's identity field added (unchanged when the plan has none). */
export function withIdentity(records: unknown[], plan: ExtractionPlan | null): unknown[] {
  const identity = plan?.identity;
  if (!identity) return records;
  return records.map((r) => (isRecord(r) ? { ...r, [identity.field]: identityOf(r, identity.paths) } : r));
}

/** Where a windowed read happened: the window's first day and the segmentation value, if any. */
export interface WindowRead {
  window: string;
  segment: { value: string; idPaths: string[] } | null;
}

/** Records of one windowed read with the window's fields added. */
export function withWindow(records: unknown[], plan: WindowPlan, read: WindowRead): unknown[] {
  return records.map((r) => {
    if (!isRecord(r)) return r;
    const added: Fields = {};
    if (plan.dayField) added[plan.dayField] = read.window;
    if (plan.segments && read.segment) {
      const parts = read.segment.idPaths.map((path) => valueAt(r, path));
      added[plan.segments.field] = read.segment.value;
      added[plan.segments.idField] = parts.every((p) => p !== null) ? parts.join('/') : null;
    }
    return { ...r, ...added };
  });
}
