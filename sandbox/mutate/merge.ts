/**
 * Merging duplicates. The merged record stays in the feed with `active: false` and `mergedToId`
 * pointing at the record it was merged into; it is never re-pointed later, so successive merges
 * form chains (A → B, then B → C). A merged customer's locations and contacts move to the winner.
 */
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import type { World } from '../gen/world.js';

export function mergeCustomer(world: World, loser: Rec, winner: Rec, atMs: number): void {
  loser.active = false;
  loser.mergedToId = winner.id;
  loser.modifiedOn = world.stamp(atMs);
  world.touch(T.customers, loser);
  let t = atMs + 100;
  for (const table of [T.locations, T.customerContacts]) {
    for (const row of [...world.table(table).rows()]) {
      if (row.rec.customerId !== loser.id) continue;
      row.rec.customerId = winner.id;
      row.rec.modifiedOn = world.stamp(t++);
      world.touch(table, row.rec);
    }
  }
  world.memo.delete('locations-by-customer');
  if (world.sealed) world.counters.merged++;
}

/** Merges a location into another location of the same customer. */
export function mergeLocation(world: World, loser: Rec, winner: Rec, atMs: number): void {
  loser.active = false;
  loser.mergedToId = winner.id;
  loser.modifiedOn = world.stamp(atMs);
  world.touch(T.locations, loser);
  world.memo.delete('locations-by-customer');
  if (world.sealed) world.counters.merged++;
}
