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
import { assertIdentifier, quoteIdent } from './identifiers.js';

const migrations: Record<string, Knex.Migration> = {
  '001_bookkeeping': bookkeeping,
  '002_cursor_sweeps': cursorSweeps,
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

/** Creates the staging and marts schemas when missing and applies pending migrations. */
export async function migrate(knex: Knex, schema: string, martsSchema?: string): Promise<string[]> {
  assertIdentifier(schema, 'schema');
  const connection = await knex.client.acquireConnection();
  const lockKey = `atlas-migrate:${schema}`;
  try {
    await knex.raw('select pg_advisory_lock(hashtext(?))', [lockKey]).connection(connection);
    await knex.raw(`create schema if not exists ${quoteIdent(schema)}`).connection(connection);
    if (martsSchema) await knex.raw(`create schema if not exists ${quoteIdent(assertIdentifier(martsSchema, 'marts schema'))}`).connection(connection);
    const migrator = knex.withUserParams({ schema });
    const [, applied] = await migrator.migrate.latest({ migrationSource: source, schemaName: schema, tableName: '_migrations' });
    return applied as string[];
  } finally {
    await knex.raw('select pg_advisory_unlock(hashtext(?))', [lockKey]).connection(connection).catch(() => {});
    await knex.client.releaseConnection(connection);
  }
}
