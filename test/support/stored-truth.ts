/**
 * The sandbox's truth as a perfect extractor would store it, written here from the catalog's
 * documented rules (src/catalog/types.ts `unnest`, src/load/fallback-key.ts) and not by calling
 * the loader: records of unnested endpoints are the array elements with the carried fields, and a
 * record sent without its nullable key is keyed by its fallback fields.
 */
import { createHash } from 'node:crypto';
import type { EndpointDescriptor } from '../../src/catalog/types.js';
import type { Sandbox } from '../../sandbox/index.js';

export function storedTruth(sandbox: Sandbox, descriptor: EndpointDescriptor): Record<string, unknown>[] {
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
