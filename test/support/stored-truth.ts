/**
 * The sandbox's truth as a perfect extractor would store it, written here from the catalog's
 * documented rules (src/catalog/types.ts `unnest`, `window`, `identity`, src/load/fallback-key.ts)
 * and not by calling the loader: records of unnested endpoints are the array elements with the
 * carried fields, a record sent without its nullable key is keyed by its fallback fields, records of
 * windowed endpoints are every one-day window's rows with the window's day, segmentation type and
 * segment id added, and records with an identity get `<path>:<value>` of the first present path.
 */
import { createHash } from 'node:crypto';
import type { EndpointDescriptor } from '../../src/catalog/types.js';
import type { Sandbox } from '../../sandbox/index.js';

type Row = Record<string, unknown>;

function at(record: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Row)[part] : undefined), record);
}

const present = (value: unknown) => typeof value === 'string' || typeof value === 'number';

function windowedTruth(sandbox: Sandbox, descriptor: EndpointDescriptor): Row[] {
  const window = descriptor.extract!.window!;
  return sandbox.dailyTruth(descriptor.name).flatMap(({ day, segmentationType, rows }) =>
    rows.map((row) => {
      const added: Row = {};
      if (window.dayField) added[window.dayField] = day;
      const segment = window.segments?.values.find((v) => v.value === segmentationType);
      if (window.segments && segment) {
        const parts = segment.idPaths.map((path) => at(row, path));
        added[window.segments.field] = segment.value;
        added[window.segments.idField] = parts.every(present) ? parts.join('/') : null;
      }
      return { ...row, ...added };
    }),
  );
}

function withIdentity(rows: Row[], descriptor: EndpointDescriptor): Row[] {
  const identity = descriptor.extract?.identity;
  if (!identity) return rows;
  return rows.map((row) => {
    const path = identity.paths.find((p) => present(at(row, p)));
    return { ...row, [identity.field]: path ? `${path}:${at(row, path)}` : null };
  });
}

export function storedTruth(sandbox: Sandbox, descriptor: EndpointDescriptor): Record<string, unknown>[] {
  return withIdentity(unnestedTruth(sandbox, descriptor), descriptor);
}

function unnestedTruth(sandbox: Sandbox, descriptor: EndpointDescriptor): Row[] {
  if (descriptor.extract?.window) return windowedTruth(sandbox, descriptor);
  const rows = sandbox.truth(descriptor.name);
  const unnest = descriptor.extract?.unnest;
  if (!unnest) return rows;
  return rows.flatMap((row) => {
    const carried = Object.fromEntries(unnest.carry.map((field) => [field, row[field]]));
    return (row[unnest.field] as Record<string, unknown>[]).map((entry) => ({ ...carried, ...entry }));
  });
}

/** The record's key values as stored, or null when it has none (not even a fallback). */
export function storedKey(record: Record<string, unknown>, descriptor: EndpointDescriptor): unknown[] | null {
  const values = descriptor.key.map((field) => record[field]);
  if (values.every((v) => v !== null && v !== undefined)) return values;
  const fallback = descriptor.extract?.keyFallback;
  if (!fallback) return null;
  const parts = fallback.map((field) => record[field] ?? null);
  if (parts.every((v) => v === null)) return null;
  if (descriptor.keyTypes[descriptor.key[0]] === 'text') return [fallback.map((f, i) => `${f}=${JSON.stringify(parts[i])}`).join('&')];
  const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 15);
  return [String(-(BigInt(`0x${hex}`) + 1n))];
}
