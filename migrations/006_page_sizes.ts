/**
 * `_page_sizes`: the page size a (tenant, endpoint) accepts when ServiceTitan refused a larger one
 * (an undocumented lower cap). Walks read it before their first request, so a refusal costs its
 * retries once, not on every run; kept across `--full-refresh`, which resets only cursors.
 * Frozen in time: never imports from src/.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema(knex.userParams.schema as string).createTable('_page_sizes', (t) => {
    t.bigInteger('tenant_id').notNullable();
    t.text('endpoint').notNullable();
    t.integer('page_size').notNullable().comment('the largest page size known to be accepted');
    t.integer('refused_page_size').notNullable().comment('the page size ServiceTitan refused');
    t.text('refusal').comment('what ServiceTitan said when it refused');
    t.timestamp('learned_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'endpoint']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema(knex.userParams.schema as string).dropTableIfExists('_page_sizes');
}
