/**
 * `_report_cursors`: where each configured report of each tenant stands — the first date window
 * not yet settled (null for a report without a date parameter). Saved in the transaction that
 * replaces a window's rows, like the feeds' cursors. Frozen in time: never imports from src/.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const schema = knex.userParams.schema as string;
  await knex.schema.withSchema(schema).createTable('_report_cursors', (t) => {
    t.bigInteger('tenant_id').notNullable();
    t.text('report').notNullable().comment('the configured report name (table report_<name>)');
    t.date('next_window').comment('first window start still to read or refresh');
    t.bigInteger('run_id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'report']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema(knex.userParams.schema as string).dropTableIfExists('_report_cursors');
}
