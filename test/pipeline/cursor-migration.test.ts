/**
 * Migration 003 (one cursor shape per walk kind) on a warehouse whose cursors were saved in the
 * old shape, where a per-parent walk kept its parent key in `continue_from`: after `up`, an
 * interrupted per-parent walk resumes after that parent (asking for no parent before it) and
 * the warehouse ends equal to the truth; `down` restores the old shape, and `up` again the new.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { rollbackThrough } from '../support/migrations.js';
import { createLogger } from '../../src/log/logger.js';
import { readCursor } from '../../src/load/cursor-store.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { expectStagingEqualsTruth, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.02, seed: 13 });
const notes = 'crm/customers/{id}/notes';
const endpoints = ['crm/export/customers', notes, 'jpm/job-types', 'marketing/costs'];

describe('migration 003: cursors saved in the old shape', () => {
  it('converts them so an interrupted per-parent walk resumes where it stopped, and converts them back on down', async () => {
    const { sandbox, warehouse, url } = fixture;
    const pool = warehouse.pool;
    const config = testConfig(url, [sandbox], { endpoints: { include: endpoints, exclude: [] } });
    const run = (command: 'build' | 'sync') => runBuild(config, warehouse, { command, fullRefresh: false }, logger, logProgress(logger));
    const cursors = () => Promise.all(endpoints.map((endpoint) => readCursor(pool, 'atlas', sandbox.tenantId, endpoint)));
    expect((await run('build')).ok).toBe(true);
    const built = await cursors();
    expect(built.map((c) => c?.kind)).toEqual(['export', 'per-parent', 'list-incremental', 'list-full']);

    // Back to the old shape: the closed per-parent cursor is a `list-full` row again.
    expect((await rollbackThrough(warehouse.knex, 'atlas', '003_cursor_kinds')).slice(-2)).toEqual([
      '004_job_history_entries',
      '003_cursor_kinds',
    ]);
    const old = await pool.query(`select endpoint, mode, continue_from, walk_id from atlas._cursors order by endpoint`);
    expect(old.rows.map((r) => [r.endpoint, r.mode])).toEqual([
      ['crm/customers/{id}/notes', 'list-full'],
      ['crm/export/customers', 'export'],
      ['jpm/job-types', 'list-incremental'],
      ['marketing/costs', 'list-full'],
    ]);

    // As an old Atlas leaves a per-parent walk killed after the median parent: its key in
    // continue_from, the keys it saw under its walk id, later parents' notes not loaded yet.
    const parents = await pool.query<{ id: string }>('select id::text as id from atlas.crm_customers where tenant_id = $1 order by id', [
      sandbox.tenantId,
    ]);
    const stoppedAfter = parents.rows[Math.floor(parents.rows.length / 2)].id;
    await pool.query(`update atlas._cursors set continue_from = $1, walk_id = 'old-walk', swept_at = null where endpoint = $2`, [
      stoppedAfter,
      notes,
    ]);
    await pool.query(
      `insert into atlas._seen_keys (tenant_id, endpoint, walk_id, key)
       select tenant_id, $2, 'old-walk', jsonb_build_array(id) from atlas.crm_customers_notes
       where tenant_id = $1 and parent_id <= $3::bigint`,
      [sandbox.tenantId, notes, stoppedAfter],
    );
    const unloaded = await pool.query('delete from atlas.crm_customers_notes where tenant_id = $1 and parent_id > $2::bigint', [
      sandbox.tenantId,
      stoppedAfter,
    ]);
    expect(unloaded.rowCount).toBeGreaterThan(0);
    // A closed per-parent cursor of an old Atlas has nothing in continue_from: its name says what it is.
    await pool.query(
      `insert into atlas._cursors (tenant_id, endpoint, mode, swept_at)
       values ($1, 'crm/leads/{id}/notes', 'list-full', '2025-01-02T03:04:05Z')`,
      [sandbox.tenantId],
    );

    expect((await migrate(warehouse.knex, 'atlas')).slice(0, 2)).toEqual(['003_cursor_kinds', '004_job_history_entries']);
    const [customers, resumed, jobTypes, costs] = await cursors();
    expect(resumed).toEqual({ kind: 'per-parent', lastParentKey: stoppedAfter, walkId: 'old-walk', sweptAt: null });
    expect([customers, jobTypes, costs]).toEqual([built[0], built[2], built[3]]);
    expect(await readCursor(pool, 'atlas', sandbox.tenantId, 'crm/leads/{id}/notes')).toEqual({
      kind: 'per-parent',
      lastParentKey: null,
      walkId: null,
      sweptAt: '2025-01-02T03:04:05.000Z',
    });
    await pool.query(`delete from atlas._cursors where endpoint = 'crm/leads/{id}/notes'`);

    sandbox.clearRequests();
    const sync = await run('sync');
    expect(sync.ok).toBe(true);
    const asked = sandbox
      .requests()
      .filter((r) => r.endpoint === notes)
      .map((r) => /\/customers\/(\d+)\/notes/.exec(r.path)![1]);
    const remaining = parents.rows.map((p) => p.id).filter((id) => BigInt(id) > BigInt(stoppedAfter));
    expect(asked.sort()).toEqual(remaining.sort());
    await expectStagingEqualsTruth(pool, 'atlas', sandbox, [notes, 'crm/export/customers']);
    const marked = await pool.query('select count(*)::int as n from atlas.crm_customers_notes where deleted_at is not null');
    expect(marked.rows[0].n).toBe(0);

    // Down with a per-parent walk in progress: the parent key goes back to continue_from.
    await pool.query(`update atlas._cursors set last_parent_key = '4242', walk_id = 'new-walk' where endpoint = $1`, [notes]);
    const before = await cursors();
    expect((await rollbackThrough(warehouse.knex, 'atlas', '003_cursor_kinds')).slice(-2)).toEqual([
      '004_job_history_entries',
      '003_cursor_kinds',
    ]);
    const downed = await pool.query(`select mode, continue_from, walk_id from atlas._cursors where endpoint = $1`, [notes]);
    expect(downed.rows).toEqual([{ mode: 'list-full', continue_from: '4242', walk_id: 'new-walk' }]);
    expect((await migrate(warehouse.knex, 'atlas')).slice(0, 2)).toEqual(['003_cursor_kinds', '004_job_history_entries']);
    expect(await cursors()).toEqual(before);
  });
});
