/**
 * Migration steps for tests of one migration: roll back through it whatever came after it, so a
 * test of migration N keeps working when N+1 lands.
 */
import type { Knex } from 'knex';
import { migrateStep } from '../../src/db/migrate.js';

/** Steps down until `name` has been undone; returns every migration undone, newest first. */
export async function rollbackThrough(knex: Knex, schema: string, name: string): Promise<string[]> {
  const undone: string[] = [];
  while (!undone.includes(name)) {
    const step = await migrateStep(knex, schema, 'down');
    if (step.length === 0) throw new Error(`migration ${name} is not applied in schema ${schema}`);
    undone.push(...step);
  }
  return undone;
}
