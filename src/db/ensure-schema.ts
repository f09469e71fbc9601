/**
 * Creates a schema only when it is missing. `create schema if not exists` needs the database's
 * CREATE privilege even when the schema exists, so a least-privilege role that was given schemas
 * made for it in advance could not run Atlas; looking first avoids asking for that right.
 */
import { quoteIdent } from './identifiers.js';
import type { Queryable } from './queryable.js';

export async function ensureSchema(db: Queryable, schema: string): Promise<void> {
  const found = await db.query('select 1 from pg_namespace where nspname = $1', [schema]);
  if (found.rows.length === 0) await db.query(`create schema if not exists ${quoteIdent(schema)}`);
}
