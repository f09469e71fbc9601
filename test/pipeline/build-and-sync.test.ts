/**
 * The main job end to end: build a sandbox tenant into a real Postgres, compare every staging
 * table with the sandbox's truth, move the sandbox clock, sync, compare again, and check that
 * the sync asked only for changes.
 */
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { findEndpoint } from '../../src/catalog/index.js';
import { createLogger } from '../../src/log/logger.js';
import { defaultEndpoints, expectStagingEqualsTruth, testConfig, truthRows, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'warn' });
const fixture = useSandboxWarehouse({ scale: 0.05, seed: 7, batchSize: { min: 40, max: 90 } });

const fast = { backoff: { baseMs: 5, maxMs: 50 } };

describe('atlas build then atlas sync', () => {
  it('builds every extracted endpoint equal to the sandbox truth', async () => {
    const { sandbox, warehouse, url } = fixture;
    const config = testConfig(url, [sandbox]);
    const summary = await runBuild(config, warehouse, { command: 'build', fullRefresh: false, clientOptions: fast }, logger, logProgress(logger));
    const failures = summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints.filter((e) => e.status === 'failed').map((e) => `${e.endpoint}: ${e.error}`) : [t.error]));
    expect(failures).toEqual([]);
    expect(summary.ok).toBe(true);
    const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
    expect(compared).toBeGreaterThan(1000);

    const runs = await warehouse.pool.query(`select status, (select sum(pages) from atlas._run_endpoints e where e.run_id = r.id) as pages,
      (select sum(rows_inserted) from atlas._run_endpoints e where e.run_id = r.id) as inserted from atlas._runs r`);
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0].status).toBe('succeeded');
    expect(Number(runs.rows[0].inserted)).toBe(compared);
  });

  it('syncs new, changed, deactivated and merged records, asking only for changes', async () => {
    const { sandbox, warehouse, url } = fixture;
    const incrementalLists = defaultEndpoints().filter((n) => findEndpoint(n)?.extract?.mode === 'list-incremental');
    const before = new Map(incrementalLists.map((n) => [n, new Set(truthRows(sandbox, n).keys())]));
    const changes = sandbox.advance({ hours: 30 });
    expect(changes.created + changes.changed + changes.deactivated + changes.merged).toBeGreaterThan(0);
    sandbox.clearRequests();

    const config = testConfig(url, [sandbox]);
    const summary = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false, clientOptions: fast }, logger, logProgress(logger));
    expect(summary.ok).toBe(true);
    // Rows deleted outright from incremental lists stay until a sweep looks for them.
    const vanished = new Map(incrementalLists.map((n) => [n, new Set([...before.get(n)!].filter((k) => !truthRows(sandbox, n).has(k)))]));
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, defaultEndpoints(), vanished);

    // Every export request continued from a saved token; incremental lists used their bookmark.
    const requests = sandbox.requests();
    for (const request of requests) {
      const descriptor = request.endpoint ? findEndpoint(request.endpoint) : undefined;
      if (!descriptor?.extract) continue;
      if (descriptor.extract.mode === 'export') {
        expect({ endpoint: request.endpoint, from: request.query.from !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(request.query.from) }).toEqual({ endpoint: request.endpoint, from: true });
      } else if (descriptor.extract.mode === 'list-incremental') {
        expect({ endpoint: request.endpoint, bounded: Boolean(request.query[descriptor.extract.incrementalParam!]) }).toEqual({ endpoint: request.endpoint, bounded: true });
      }
    }
    const sync = await warehouse.pool.query(`select sum(rows_received) as received, sum(rows_inserted) as inserted from atlas._run_endpoints where run_id = 2`);
    const total = await warehouse.pool.query(`select sum(rows_inserted) as inserted from atlas._run_endpoints where run_id = 1`);
    expect(Number(sync.rows[0].received)).toBeLessThan(Number(total.rows[0].inserted) / 3);

    // Merged customers stay, inactive, pointing at the survivor.
    const merged = await warehouse.pool.query(`select count(*) as n from atlas.crm_customers where not active and data->>'mergedToId' is not null`);
    expect(Number(merged.rows[0].n)).toBeGreaterThan(0);
  });

  it('marks rows deleted outright as deleted, keeping them: full lists every run, incremental lists on a sweep', async () => {
    const { sandbox, warehouse, url } = fixture;
    const held = await warehouse.pool.query('select count(*)::int as n from atlas.marketing_costs');
    let deleted = 0;
    for (let i = 0; i < 6 && deleted === 0; i++) deleted = sandbox.advance({ hours: 24 }).deleted;
    expect(deleted).toBeGreaterThan(0);
    const summary = await runBuild(testConfig(url, [sandbox]), warehouse, { command: 'sync', fullRefresh: false, sweepDeletes: true, clientOptions: fast }, logger, logProgress(logger));
    expect(summary.ok).toBe(true);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
    const marked = await warehouse.pool.query(`select sum(rows_deleted)::int as n from atlas._run_endpoints where run_id = (select max(id) from atlas._runs)`);
    expect(marked.rows[0].n).toBeGreaterThanOrEqual(deleted);
    const kept = await warehouse.pool.query(`select count(*)::int as n, count(*) filter (where deleted_at is not null and not active)::int as deleted from atlas.marketing_costs`);
    expect(kept.rows[0].n).toBeGreaterThanOrEqual(held.rows[0].n);
  });

  it('covers the default endpoint set (52 exports and the list-only entities)', () => {
    const names = defaultEndpoints();
    expect(names.filter((n) => findEndpoint(n)?.extract?.mode === 'export')).toHaveLength(52);
    expect(names).toEqual(expect.arrayContaining(['jpm/job-types', 'marketing/campaigns', 'jbce/call-reasons']));
  });
});
