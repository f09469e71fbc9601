/**
 * `atlas grant <role>`: the role may read the marts schema (typed views and marts) and nothing in
 * the staging schema (staging tables, cursors, runs). Default privileges make every table or view
 * the granting user creates later in the marts schema readable too, so the access survives
 * rebuilds and table swaps (the runner also copies grants onto a swapped-in table).
 */
import type pg from 'pg';
import { AtlasError } from '../errors.js';
import { ensureSchema } from '../db/ensure-schema.js';
import { quoteIdent } from '../db/identifiers.js';

export async function grantReader(pool: pg.Pool, schemas: { staging: string; marts: string }, role: string): Promise<void> {
  const { rows } = await pool.query('select rolname from pg_roles where rolname = $1', [role]);
  if (rows.length === 0)
    throw new AtlasError(
      'CONFIG_INVALID',
      `role "${role}" does not exist in this database server: create it first (create role … login password …)`,
    );
  const who = quoteIdent(role);
  const marts = quoteIdent(schemas.marts);
  const staging = quoteIdent(schemas.staging);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await ensureSchema(client, schemas.marts);
    await client.query(`grant usage on schema ${marts} to ${who}`);
    await client.query(`grant select on all tables in schema ${marts} to ${who}`);
    await client.query(`alter default privileges in schema ${marts} grant select on tables to ${who}`);
    // "Nothing else": take back anything an earlier hand-made grant gave on the staging schema.
    await client.query(`revoke all on all tables in schema ${staging} from ${who}`);
    await client.query(`revoke all on schema ${staging} from ${who}`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
