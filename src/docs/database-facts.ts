/**
 * What the database adds to the dictionary when it is reachable: the columns and types of every
 * relation in the marts schema, each staging table's rows, last successful sync and cursor age per
 * tenant (the figures of `atlas status`), and each model's last build.
 */
import type pg from 'pg';
import { lastBuilds, type BuildRecord } from '../models/index.js';
import { readStatus, type EndpointStatus } from '../runs/status.js';

export interface DatabaseFacts {
  /** Relation name in the marts schema → its columns in order. */
  martsColumns: Map<string, Array<{ name: string; type: string }>>;
  /** Endpoint name → one status row per tenant that has one (the endpoint fills one staging table). */
  stagingStatus: Map<string, EndpointStatus[]>;
  builds: Map<string, BuildRecord>;
  /** When these figures were read (ISO). */
  readAt: string;
}

export async function readDatabaseFacts(pool: pg.Pool, schema: string, martsSchema: string): Promise<DatabaseFacts> {
  const { rows } = await pool.query(
    `select c.relname as relation, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'v', 'm', 'p') and a.attnum > 0 and not a.attisdropped
     order by c.relname, a.attnum`,
    [martsSchema],
  );
  const martsColumns = new Map<string, Array<{ name: string; type: string }>>();
  for (const row of rows) {
    const list = martsColumns.get(row.relation) ?? [];
    list.push({ name: row.column, type: row.type });
    martsColumns.set(row.relation, list);
  }
  const status = await readStatus(pool, schema, 1);
  const stagingStatus = new Map<string, EndpointStatus[]>();
  for (const row of status.endpoints) stagingStatus.set(row.endpoint, [...(stagingStatus.get(row.endpoint) ?? []), row]);
  const builds = await lastBuilds(pool, schema);
  return { martsColumns, stagingStatus, builds, readAt: new Date().toISOString() };
}
