/**
 * The runner's tables in the staging schema, created on demand like the staging tables:
 *   _tenants        one row per configured tenant with its IANA time zone; marts join to it for
 *                   local dates (`{{ staging }}._tenants`).
 *   _model_builds   one row per model build: the SQL hash that was built, when, by which run, rows.
 */
import type pg from 'pg';
import type { TenantConfig } from '../config/types.js';
import { qualified } from '../db/identifiers.js';

export const TENANTS_TABLE = '_tenants';
export const MODEL_BUILDS_TABLE = '_model_builds';

export async function ensureModelBookkeeping(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query(`create table if not exists ${qualified(schema, TENANTS_TABLE)} (
  tenant_id bigint primary key,
  name text,
  timezone text not null
)`);
  await client.query(`create table if not exists ${qualified(schema, MODEL_BUILDS_TABLE)} (
  id bigserial primary key,
  model text not null,
  materialized text not null,
  sql_hash text not null,
  built_at timestamptz not null default now(),
  run_id bigint,
  rows bigint,
  duration_ms integer
)`);
  await client.query(
    `create index if not exists "_model_builds_model_built_at" on ${qualified(schema, MODEL_BUILDS_TABLE)} (model, built_at)`,
  );
}

/**
 * Upserts the configured tenants (time zone `UTC` when none is configured). Tenants absent from
 * this config are kept: a run restricted with `--tenant` must not erase the others.
 * Returns true when a row was added or changed (the marts' local dates may have moved).
 */
export async function syncTenants(client: pg.ClientBase, schema: string, tenants: TenantConfig[]): Promise<boolean> {
  if (tenants.length === 0) return false;
  const result = await client.query(
    `insert into ${qualified(schema, TENANTS_TABLE)} as t (tenant_id, name, timezone)
     select * from unnest($1::bigint[], $2::text[], $3::text[])
     on conflict (tenant_id) do update set name = excluded.name, timezone = excluded.timezone
     where (t.name, t.timezone) is distinct from (excluded.name, excluded.timezone)`,
    [tenants.map((t) => t.tenantId), tenants.map((t) => t.name), tenants.map((t) => t.timezone || 'UTC')],
  );
  return (result.rowCount ?? 0) > 0;
}

export interface BuildRecord {
  model: string;
  materialized: string;
  sqlHash: string;
  builtAt: string;
  runId: number | null;
  rows: number | null;
}

/** The newest build of every model. */
export async function lastBuilds(client: pg.ClientBase | pg.Pool, schema: string): Promise<Map<string, BuildRecord>> {
  const exists = await client.query('select to_regclass($1) as found', [qualified(schema, MODEL_BUILDS_TABLE)]);
  if (!exists.rows[0].found) return new Map();
  const { rows } = await client.query(
    `select distinct on (model) model, materialized, sql_hash, built_at::text as built_at, run_id, rows
     from ${qualified(schema, MODEL_BUILDS_TABLE)} order by model, built_at desc, id desc`,
  );
  return new Map(
    rows.map((r) => [
      r.model,
      { model: r.model, materialized: r.materialized, sqlHash: r.sql_hash, builtAt: r.built_at, runId: r.run_id, rows: r.rows },
    ]),
  );
}

export async function recordBuild(
  client: pg.ClientBase,
  schema: string,
  build: { model: string; materialized: string; sqlHash: string; runId: number | null; rows: number | null; durationMs: number },
): Promise<void> {
  await client.query(
    `insert into ${qualified(schema, MODEL_BUILDS_TABLE)} (model, materialized, sql_hash, run_id, rows, duration_ms) values ($1, $2, $3, $4, $5, $6)`,
    [build.model, build.materialized, build.sqlHash, build.runId, build.rows, build.durationMs],
  );
}
