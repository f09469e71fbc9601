/**
 * Migration 004 on a warehouse that stored job history one row per job: every entry it holds becomes
 * a row keyed by the entry's id with its jobId, the old table is kept aside, and down restores it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { rollbackThrough } from '../support/migrations.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openWarehouse(await createTestDatabase());
});
afterAll(async () => {
  await warehouse?.close();
  await dropTestDatabases();
});

describe('migration 004: job history one row per entry', () => {
  it('converts an old per-job table without losing an entry, and back on down', async () => {
    const pool = warehouse.pool;
    await migrate(warehouse.knex, 'hist');
    expect((await rollbackThrough(warehouse.knex, 'hist', '004_job_history_entries')).at(-1)).toBe('004_job_history_entries');
    await pool.query(`create table hist.jpm_job_history (tenant_id bigint not null, job_id bigint not null, data jsonb not null,
      modified_on timestamptz, active boolean not null default true, deleted_at timestamptz, run_id bigint not null,
      extracted_at timestamptz not null default now(), primary key (tenant_id, job_id))`);
    const jobs = [
      {
        jobId: 1,
        history: [
          { id: 10, eventType: 'Job Booked', date: '2025-01-01T10:00:00Z' },
          { id: 11, eventType: 'Job Completed', date: '2025-01-02T10:00:00Z' },
        ],
      },
      { jobId: 2, history: [{ id: 20, eventType: 'Job Booked', date: '2025-01-03T10:00:00Z' }] },
      { jobId: 3, history: [] },
    ];
    for (const job of jobs) {
      await pool.query('insert into hist.jpm_job_history (tenant_id, job_id, data, run_id) values (5, $1, $2, 1)', [
        job.jobId,
        JSON.stringify(job),
      ]);
    }

    expect((await migrate(warehouse.knex, 'hist'))[0]).toBe('004_job_history_entries');
    const { rows } = await pool.query('select tenant_id::text, id::text, data, modified_on from hist.jpm_job_history order by id');
    expect(rows.map((r) => [r.tenant_id, r.id, r.data, r.modified_on.toISOString()])).toEqual(
      jobs.flatMap((job) => job.history.map((e) => ['5', String(e.id), { jobId: job.jobId, ...e }, new Date(e.date).toISOString()])),
    );
    const kept = await pool.query('select count(*)::int as n from hist._jpm_job_history_by_job');
    expect(kept.rows[0].n).toBe(3);

    expect((await rollbackThrough(warehouse.knex, 'hist', '004_job_history_entries')).at(-1)).toBe('004_job_history_entries');
    const restored = await pool.query('select job_id::int from hist.jpm_job_history order by job_id');
    expect(restored.rows.map((r) => r.job_id)).toEqual([1, 2, 3]);
  });
});
