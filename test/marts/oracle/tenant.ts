/**
 * One sandbox tenant as the oracle sees it: the sandbox's records (`truth`, what a perfect
 * extractor holds) with the tenant's id and time zone. `active` is the marts' rule: a record counts
 * unless it says `active: false` (records without the field, such as campaign costs, count).
 */
import type { Sandbox } from '../../../sandbox/index.js';

export type Rec = Record<string, unknown>;

/** A mart row as compared: every column as text (numerics canonical, see decimal.ts), or null. */
export type MartRow = Record<string, string | null>;

export interface TenantTruth {
  tenantId: string;
  zone: string;
  /** Every record of the endpoint, active or not. */
  all(endpoint: string): Rec[];
  /** The records that count: `active` is not false. */
  active(endpoint: string): Rec[];
}

export function tenantTruth(sandbox: Sandbox, zone: string): TenantTruth {
  const cache = new Map<string, Rec[]>();
  const all = (endpoint: string): Rec[] => {
    let records = cache.get(endpoint);
    if (!records) {
      records = sandbox.truth(endpoint);
      cache.set(endpoint, records);
    }
    return records;
  };
  return { tenantId: sandbox.tenantId, zone, all, active: (endpoint) => all(endpoint).filter((r) => r.active !== false) };
}

/** `record.a.b` for a nested single object (`businessUnit.id`), null when absent. */
export function nested(record: Rec, object: string, field: string): unknown {
  const inner = record[object];
  return inner && typeof inner === 'object' ? ((inner as Rec)[field] ?? null) : null;
}

/** An id or count as text, null stays null. */
export function idText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Groups records by a key built from their fields. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
