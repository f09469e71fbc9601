/**
 * Incremental lists cannot see hard deletes; Atlas sweeps them (a complete walk that marks rows
 * it did not see as deleted) when the last sweep is old enough. `swept_at` records when the
 * last complete sweep of a (tenant, endpoint) ended. Frozen in time: never imports from src/.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema(knex.userParams.schema as string).alterTable('_cursors', (t) => {
    t.timestamp('swept_at', { useTz: true }).comment('lists: when the last complete walk that detects deletions ended');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema(knex.userParams.schema as string).alterTable('_cursors', (t) => {
    t.dropColumn('swept_at');
  });
}
