/** Small helpers shared by the generators. */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { DAY } from '../time.js';
import type { FillTimes } from './fill.js';
import type { World } from './world.js';

/** Reference data: created around the start of history, modified at some point since (mostly early). */
export function refTimes(world: World, rng: Rng): FillTimes {
  const createdMs = world.originMs - rng.int(30, 200) * DAY + rng.int(0, DAY);
  const span = world.clockMs - createdMs;
  const modifiedMs = createdMs + Math.floor(rng.next() ** 2.5 * span);
  return { createdMs, modifiedMs };
}

/** A time in history, denser towards the present (a growing business). */
export function historyMs(world: World, rng: Rng): number {
  const span = world.clockMs - world.originMs;
  return world.originMs + Math.floor(Math.sqrt(rng.next()) * span);
}

/** `{id, name}` reference for denormalised fields. */
export function named(world: World, table: string, id: number | null | undefined): { id: number; name: string } | null {
  if (id === null || id === undefined) return null;
  const rec = world.record(table, id);
  return { id, name: (rec?.name as string) ?? '' };
}

/** Name of a record (empty string when unknown). */
export function nameOf(world: World, table: string, id: number | null | undefined): string {
  if (id === null || id === undefined) return '';
  return (world.record(table, id)?.name as string) ?? '';
}

/** A random record of a table, optionally filtered; null when none matches. */
export function pickRecord(world: World, table: string, rng: Rng, accept?: (rec: Rec) => boolean): Rec | null {
  const pool = world.pool(table);
  if (pool.length === 0) return null;
  for (let attempt = 0; attempt < 40; attempt++) {
    const rec = world.record(table, rng.pick(pool));
    if (rec && (!accept || accept(rec))) return rec;
  }
  return null;
}
