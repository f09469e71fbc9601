/**
 * Records of endpoints whose id the documents declare nullable are sometimes sent without it
 * (SandboxOptions.missingIds). The record keeps its place in its table under a hidden row key; the
 * decision comes from its own random stream, so the rest of the generated data is the same whatever
 * the share.
 */
import type { Rec } from '../data/table.js';
import { ROW_KEY, type World } from './world.js';

export function withoutIdSometimes(world: World, table: string, rec: Rec): void {
  if (world.missingIds <= 0 || rec.id === null || rec.id === undefined) return;
  if (!world.rng('missing-id', table, String(rec.id)).chance(world.missingIds)) return;
  const hidden = rec as Record<symbol, unknown>;
  hidden[ROW_KEY] ??= `${table}#${String(rec.id)}`;
  rec.id = null;
}
