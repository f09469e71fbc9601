/**
 * Merged customers resolved to their survivor: follow `mergedToId` until a customer that was not
 * merged (or whose target we do not hold), through chains of any length; a loop stops before it
 * repeats a customer, as the warehouse's recursive query does.
 */
import type { Rec } from './tenant.js';

export interface Survivor {
  survivorId: number;
  hops: number;
}

export function survivors(customers: Rec[]): Map<number, Survivor> {
  const byId = new Map(customers.map((c) => [c.id as number, c]));
  const out = new Map<number, Survivor>();
  for (const customer of customers) {
    const seen = new Set<number>([customer.id as number]);
    let current = customer;
    let hops = 0;
    for (;;) {
      const next = typeof current.mergedToId === 'number' ? byId.get(current.mergedToId) : undefined;
      if (!next || seen.has(next.id as number)) break;
      seen.add(next.id as number);
      current = next;
      hops++;
    }
    out.set(customer.id as number, { survivorId: current.id as number, hops });
  }
  return out;
}

/** The survivor of a customer id; an id we do not hold is its own survivor. */
export function survivorOf(map: Map<number, Survivor>, customerId: number): number {
  return map.get(customerId)?.survivorId ?? customerId;
}
