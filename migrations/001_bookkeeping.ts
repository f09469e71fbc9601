/**
 * Bookkeeping tables in the staging schema: runs, per-endpoint run figures, cursors, rejected
 * records and the key lists of full-refresh walks. Frozen in time: this file never imports from
 * src/. The schema name arrives as `knex.userParams.schema` and was validated as a plain
 * identifier before any migration runs.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const schema = knex.userParams.schema as string;
  // A schema builder accumulates statements: take a fresh one for every table.
  const s = () => knex.schema.withSchema(schema);

  await s().createTable('_runs', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('tenant_id').notNullable();
    t.text('tenant_name').notNullable();
    t.text('command').notNullable();
    t.text('status').notNullable().comment('running | succeeded | failed | partial');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('ended_at', { useTz: true });
    t.text('error');
    t.integer('pid');
    t.text('host');
    t.jsonb('options');
    t.index(['tenant_id', 'started_at']);
  });

  await s().createTable('_run_endpoints', (t) => {
    t.bigInteger('run_id').notNullable().references('id').inTable(`${schema}._runs`).onDelete('CASCADE');
    t.text('endpoint').notNullable();
    t.text('table_name');
    t.text('status').notNullable().comment('running | succeeded | failed');
    t.integer('pages').notNullable().defaultTo(0);
    t.bigInteger('rows_received').notNullable().defaultTo(0);
    t.bigInteger('rows_inserted').notNullable().defaultTo(0);
    t.bigInteger('rows_updated').notNullable().defaultTo(0);
    t.bigInteger('rows_unchanged').notNullable().defaultTo(0);
    t.bigInteger('rows_rejected').notNullable().defaultTo(0);
    t.bigInteger('rows_deleted').notNullable().defaultTo(0);
    t.integer('requests').notNullable().defaultTo(0);
    t.integer('retries').notNullable().defaultTo(0);
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('ended_at', { useTz: true });
    t.integer('duration_ms');
    t.text('error');
    t.text('notes');
    t.primary(['run_id', 'endpoint']);
  });

  await s().createTable('_cursors', (t) => {
    t.bigInteger('tenant_id').notNullable();
    t.text('endpoint').notNullable();
    t.text('mode').notNullable();
    t.text('continue_from').comment('exports: the last continueFrom token whose page is loaded');
    t.timestamp('max_modified_on', { useTz: true }).comment('newest change timestamp loaded so far');
    t.timestamp('bookmark', { useTz: true }).comment('incremental lists: lower bound of the next walk');
    t.integer('page').notNullable().defaultTo(0).comment('lists: last page loaded of the walk in progress (0 = none)');
    t.timestamp('walk_bookmark', { useTz: true }).comment('incremental lists: the bound of the walk in progress');
    t.text('walk_id').comment('full lists: id of the walk in progress');
    t.bigInteger('run_id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'endpoint']);
  });

  await s().createTable('_rejects', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('tenant_id').notNullable();
    t.text('endpoint').notNullable();
    t.bigInteger('run_id');
    t.text('reason').notNullable();
    t.text('record').notNullable().comment('the record as received, as text');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'endpoint']);
  });

  await s().createTable('_seen_keys', (t) => {
    t.bigInteger('tenant_id').notNullable();
    t.text('endpoint').notNullable();
    t.text('walk_id').notNullable();
    t.jsonb('key').notNullable();
    t.primary(['tenant_id', 'endpoint', 'walk_id', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  const schema = knex.userParams.schema as string;
  for (const table of ['_seen_keys', '_rejects', '_cursors', '_run_endpoints', '_runs']) {
    await knex.schema.withSchema(schema).dropTableIfExists(table);
  }
}
