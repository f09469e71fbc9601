/**
 * `jpm/export/job-history` is now stored one row per history entry, keyed by the entry's `id`, with
 * the job's `jobId` in `data` (it was one row per job, keyed by `job_id`, which loses entries when a
 * feed row carries only the entries since `from`). A staging table of the old shape is converted in
 * place: every entry it holds becomes a row of the new shape, so nothing already loaded is lost and
 * the feed's cursor stays valid. The old table is kept, renamed `_jpm_job_history_by_job`.
 *
 * Staging tables are otherwise created by the loader; this one is created here in the loader's
 * shape because it replaces an existing one. Frozen in time: never imports from src/.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // No `?` in the SQL below: knex.raw would read it as a binding.
  const schema = knex.userParams.schema as string;
  const q = (name: string) => `"${schema}"."${name}"`;
  const old = await knex.raw(
    `select 1 from information_schema.columns where table_schema = ? and table_name = 'jpm_job_history' and column_name = 'job_id'`,
    [schema],
  );
  if (old.rows.length === 0) return;
  await knex.raw(`alter table ${q('jpm_job_history')} rename to "_jpm_job_history_by_job"`);
  await knex.raw(`alter index if exists "${schema}"."jpm_job_history_pkey" rename to "_jpm_job_history_by_job_pkey"`);
  await knex.raw(`create table ${q('jpm_job_history')} (
  tenant_id bigint not null,
  "id" bigint not null,
  data jsonb not null,
  modified_on timestamptz,
  active boolean not null default true,
  deleted_at timestamptz,
  run_id bigint not null,
  extracted_at timestamptz not null default now(),
  primary key (tenant_id, "id")
)`);
  await knex.raw(`insert into ${q('jpm_job_history')} (tenant_id, id, data, modified_on, active, deleted_at, run_id, extracted_at)
    select distinct on (h.tenant_id, (e->>'id')::bigint)
           h.tenant_id, (e->>'id')::bigint, jsonb_build_object('jobId', h.data->'jobId') || e,
           case when e->>'date' similar to '[0-9]{4}-[0-9]{2}-[0-9]{2}%' then (e->>'date')::timestamptz end,
           h.active, h.deleted_at, h.run_id, h.extracted_at
      from ${q('_jpm_job_history_by_job')} h
      cross join lateral jsonb_array_elements(case when jsonb_typeof(h.data->'history') = 'array' then h.data->'history' else '[]'::jsonb end) e
     where jsonb_typeof(e) = 'object' and e->>'id' similar to '-{0,1}[0-9]{1,18}'
     order by h.tenant_id, (e->>'id')::bigint, h.extracted_at desc`);
}

export async function down(knex: Knex): Promise<void> {
  const schema = knex.userParams.schema as string;
  const kept = await knex.raw(`select 1 from information_schema.tables where table_schema = ? and table_name = '_jpm_job_history_by_job'`, [
    schema,
  ]);
  if (kept.rows.length === 0) return;
  await knex.raw(`drop table "${schema}"."jpm_job_history"`);
  await knex.raw(`alter table "${schema}"."_jpm_job_history_by_job" rename to "jpm_job_history"`);
  await knex.raw(`alter index if exists "${schema}"."_jpm_job_history_by_job_pkey" rename to "jpm_job_history_pkey"`);
}
