/**
 * Runs Atlas's knex migrations against a schema. Migrations are listed here (not discovered on
 * disk) so the same code works from TypeScript sources under vitest and from compiled output.
 * The knex migrations table lives in the staging schema, so two Atlas schemas in one database
 * are independent. Runs of several processes at once are serialised by a Postgres advisory lock
 * held on one pooled connection while migrating.
 */
import type { Knex } from 'knex';
import * as bookkeeping from '../../migrations/001_bookkeeping.js';
import * as cursorSweeps from '../../migrations/002_cursor_sweeps.js';
import * as cursorKinds from '../../migrations/003_cursor_kinds.js';
import * as jobHistoryEntries from '../../migrations/004_job_history_entries.js';
import * as reportCursors from '../../migrations/005_report_cursors.js';
import * as pageSizes from '../../migrations/006_page_sizes.js';
import * as windowCursors from '../../migrations/007_window_cursors.js';
import type pg from 'pg';
import { asDatabaseFailure } from './database-failure.js';
import { ensureSchema } from './ensure-schema.js';
import { assertIdentifier } from './identifiers.js';

const migrations: Record<string, Knex.Migration> = {
  '001_bookkeeping': bookkeeping,
  '002_cursor_sweeps': cursorSweeps,
  '003_cursor_kinds': cursorKinds,
  '004_job_history_entries': jobHistoryEntries,
  '005_report_cursors': reportCursors,
  '006_page_sizes': pageSizes,
  '007_window_cursors': windowCursors,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

/**
 * Runs `work` holding the schema's migration lock on one connection, the schema (and `alsoSchema`)
 * created when missing. A database error on the way is a DATABASE_FAILED naming the step.
 */
async function underMigrationLock<T>(
  knex: Knex,
  schema: string,
  work: (migrator: Knex.Migrator, config: Knex.MigratorConfig) => Promise<T>,
  alsoSchema?: string,
): Promise<T> {
  assertIdentifier(schema, 'schema');
  if (alsoSchema) assertIdentifier(alsoSchema, 'marts schema');
  const connection = (await knex.client.acquireConnection().catch((error: unknown) => {
    throw asDatabaseFailure(error, `migrating schema ${schema}`);
  })) as pg.Client;
  const lockKey = `atlas-migrate:${schema}`;
  try {
    await knex.raw('select pg_advisory_lock(hashtext(?))', [lockKey]).connection(connection);
    await ensureSchema(connection, schema);
    if (alsoSchema) await ensureSchema(connection, alsoSchema);
    const config: Knex.MigratorConfig = { migrationSource: source, schemaName: schema, tableName: '_migrations' };
    return await work(knex.withUserParams({ schema }).migrate, config);
  } catch (error) {
    throw asDatabaseFailure(error, `migrating schema ${schema}`);
  } finally {
    await knex
      .raw('select pg_advisory_unlock(hashtext(?))', [lockKey])
      .connection(connection)
      .catch(() => {});
    await knex.client.releaseConnection(connection);
  }
}

/** Creates the staging and marts schemas when missing and applies pending migrations. */
export async function migrate(knex: Knex, schema: string, martsSchema?: string): Promise<string[]> {
  return underMigrationLock(
    knex,
    schema,
    async (migrator, config) => {
      const [, applied] = await migrator.latest(config);
      return applied as string[];
    },
    martsSchema,
  );
}

/**
 * One migration step: `up` applies the next pending migration, `down` reverts the latest applied
 * one. Returns the names it ran (none when there was nothing to do). For tests and repairs.
 */
export async function migrateStep(knex: Knex, schema: string, direction: 'up' | 'down'): Promise<string[]> {
  return underMigrationLock(knex, schema, async (migrator, config) => {
    const [, ran] = direction === 'up' ? await migrator.up(config) : await migrator.down(config);
    return ran as string[];
  });
}

/** Reverts every applied migration (the bookkeeping tables go; staging tables stay). */
export async function rollbackAll(knex: Knex, schema: string): Promise<string[]> {
  return underMigrationLock(knex, schema, async (migrator, config) => {
    const [, reverted] = await migrator.rollback(config, true);
    return reverted as string[];
  });
}
