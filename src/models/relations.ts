/** What exists in the marts schema: relation kinds and the grants to carry over when a relation is replaced. */
import type pg from 'pg';

export type RelationKind = 'view' | 'table' | 'other' | null;

export async function relationKind(client: pg.ClientBase, schema: string, name: string): Promise<RelationKind> {
  const { rows } = await client.query(
    `select c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2`,
    [schema, name],
  );
  if (rows.length === 0) return null;
  return rows[0].relkind === 'v' ? 'view' : rows[0].relkind === 'r' ? 'table' : 'other';
}

/** `grant …` statements that give `target` the privileges other roles hold on `schema.name` today. */
export async function grantsToCopy(client: pg.ClientBase, schema: string, name: string, target: string): Promise<string[]> {
  const { rows } = await client.query(
    `select case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end as grantee, a.privilege_type
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     cross join lateral aclexplode(c.relacl) a
     left join pg_roles r on r.oid = a.grantee
     where n.nspname = $1 and c.relname = $2 and a.grantee <> c.relowner`,
    [schema, name],
  );
  // Both values come from the system catalogs: a privilege keyword and a quoted role name.
  return rows.map((r) => `grant ${r.privilege_type} on ${target} to ${r.grantee}`);
}

/** Postgres error codes `create or replace view` raises when the new columns do not extend the old ones. */
export function isIncompatibleViewChange(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42P16' || code === '42804';
}
