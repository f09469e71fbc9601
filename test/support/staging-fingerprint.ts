/**
 * A fingerprint of every staging table: per table, the row count and an md5 over its rows in a
 * stable order, leaving out what differs between two equal runs (`run_id`, `extracted_at`, and
 * `deleted_at`'s time, kept as whether it is set). Two builds of the same sandbox agree exactly
 * when they leave the same staging contents.
 */
import type pg from 'pg';

export type StagingFingerprint = Record<string, { rows: number; md5: string }>;

export async function stagingFingerprint(pool: pg.Pool, schema: string): Promise<StagingFingerprint> {
  const tables = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' and table_name not like '\\_%' order by 1`,
    [schema],
  );
  const out: StagingFingerprint = {};
  for (const { name } of tables.rows) {
    const { rows } = await pool.query<{ rows: string; md5: string | null }>(
      `select count(*) as rows, md5(string_agg(r, E'\\n' order by r)) as md5
         from (select ((to_jsonb(t) - 'run_id' - 'extracted_at' - 'deleted_at')
                       || jsonb_build_object('deleted', t.deleted_at is not null))::text as r
                 from "${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}" t) s`,
    );
    // Empty tables hold no staging contents: the model runner creates every staging table (opt-in ones too) for its views.
    if (Number(rows[0].rows) === 0) continue;
    out[name] = { rows: Number(rows[0].rows), md5: rows[0].md5 ?? '' };
  }
  return out;
}
