/**
 * The main job end to end: build a sandbox tenant into a real Postgres, compare every staging
 * table with the sandbox's truth, move the sandbox clock, sync, compare again, and check that
 * the sync asked only for changes and marked exactly the rows deleted outright. Each test builds
 * its own sandbox into its own database, so each stands alone.
 */
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { columnNameFor, qualified } from '../../src/db/identifiers.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild, type BuildSummary } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { defaultEndpoints, expectStagingEqualsTruth, stagingRows, testConfig, truthRows } from '../support/harness.js';

const logger = createLogger({ level: 'warn' });
const fast = { backoff: { baseMs: 5, maxMs: 50 } };
const opened: Array<{ sandbox: Sandbox; warehouse: Warehouse }> = [];

afterAll(async () => {
  await Promise.all(opened.map(async ({ sandbox, warehouse }) => Promise.allSettled([warehouse.close(), sandbox.close()])));
  await dropTestDatabases();
});

interface Built {
  sandbox: Sandbox;
  warehouse: Warehouse;
  url: string;
  build: BuildSummary;
}

/** A fresh sandbox built into a fresh database with the default endpoint set. */
async function freshBuild(): Promise<Built> {
  const sandbox = await startSandbox({ scale: 0.05, seed: 7, batchSize: { min: 40, max: 90 } });
  const url = await createTestDatabase();
  const warehouse = await openWarehouse(url);
  opened.push({ sandbox, warehouse });
  const build = await runBuild(
    testConfig(url, [sandbox]),
    warehouse,
    { command: 'build', fullRefresh: false, clientOptions: fast },
    logger,
    logProgress(logger),
  );
  return { sandbox, warehouse, url, build };
}

function sync(built: Built, sweepDeletes = false): Promise<BuildSummary> {
  const options = { command: 'sync' as const, fullRefresh: false, sweepDeletes, clientOptions: fast };
  return runBuild(testConfig(built.url, [built.sandbox]), built.warehouse, options, logger, logProgress(logger));
}

/** Keys (as `stagingRows` spells them) of the tenant's rows marked deleted, with whether each is inactive. */
async function markedDeleted(pool: pg.Pool, tenantId: string, endpoint: string): Promise<Map<string, boolean>> {
  const descriptor = findEndpoint(endpoint)!;
  const columns = descriptor.key.map(columnNameFor);
  const { rows } = await pool.query(
    `select ${columns.map((c) => `"${c}"::text as "${c}"`).join(', ')}, active from ${qualified('atlas', descriptor.extract!.table)}
     where tenant_id = $1 and deleted_at is not null`,
    [tenantId],
  );
  return new Map(rows.map((row) => [columns.map((c) => String(row[c])).join('|'), row.active as boolean]));
}

describe('atlas build then atlas sync', () => {
  it('builds every extracted endpoint equal to the sandbox truth', async () => {
    const { sandbox, warehouse, build } = await freshBuild();
    const failures = build.tenants.flatMap((t) =>
      'endpoints' in t ? t.endpoints.filter((e) => e.status === 'failed').map((e) => `${e.endpoint}: ${e.error}`) : [t.error],
    );
    expect(failures).toEqual([]);
    expect(build.ok).toBe(true);
    const compared = await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
    expect(compared).toBeGreaterThan(1000);

    const runs = await warehouse.pool.query(`select status, (select sum(pages) from atlas._run_endpoints e where e.run_id = r.id) as pages,
      (select sum(rows_inserted) from atlas._run_endpoints e where e.run_id = r.id) as inserted from atlas._runs r`);
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0].status).toBe('succeeded');
    expect(Number(runs.rows[0].inserted)).toBe(compared);
  });

  it('syncs new, changed, deactivated and merged records, asking only for changes', async () => {
    const built = await freshBuild();
    const { sandbox, warehouse } = built;
    expect(built.build.ok).toBe(true);
    const incrementalLists = defaultEndpoints().filter((n) => findEndpoint(n)?.extract?.mode === 'list-incremental');
    const before = new Map(incrementalLists.map((n) => [n, new Set(truthRows(sandbox, n).keys())]));
    const changes = sandbox.advance({ hours: 30 });
    expect(changes.created + changes.changed + changes.deactivated + changes.merged).toBeGreaterThan(0);
    sandbox.clearRequests();

    const summary = await sync(built);
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
        expect({
          endpoint: request.endpoint,
          from: request.query.from !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(request.query.from),
        }).toEqual({ endpoint: request.endpoint, from: true });
      } else if (descriptor.extract.mode === 'list-incremental') {
        expect({ endpoint: request.endpoint, bounded: Boolean(request.query[descriptor.extract.incrementalParam!]) }).toEqual({
          endpoint: request.endpoint,
          bounded: true,
        });
      }
    }
    const synced = await warehouse.pool.query(`select sum(rows_received) as received from atlas._run_endpoints where run_id = 2`);
    const total = await warehouse.pool.query(`select sum(rows_inserted) as inserted from atlas._run_endpoints where run_id = 1`);
    expect(Number(synced.rows[0].received)).toBeLessThan(Number(total.rows[0].inserted) / 3);

    // Merged customers stay, inactive, pointing at the survivor.
    const merged = await warehouse.pool.query(
      `select count(*) as n from atlas.crm_customers where not active and data->>'mergedToId' is not null`,
    );
    expect(Number(merged.rows[0].n)).toBeGreaterThan(0);
  });

  it('marks exactly the rows deleted outright as deleted, keeping them: full lists every run, incremental lists on a sweep', async () => {
    const built = await freshBuild();
    const { sandbox, warehouse } = built;
    expect(built.build.ok).toBe(true);
    const endpoints = defaultEndpoints();
    const liveBefore = new Map<string, Set<string>>();
    for (const endpoint of endpoints) {
      liveBefore.set(endpoint, new Set((await stagingRows(warehouse.pool, 'atlas', sandbox.tenantId, endpoint)).keys()));
    }
    let deletedInSandbox = 0;
    for (let i = 0; i < 6 && deletedInSandbox === 0; i++) deletedInSandbox = sandbox.advance({ hours: 24 }).deleted;
    expect(deletedInSandbox).toBeGreaterThan(0);

    const summary = await sync(built, true);
    expect(summary.ok).toBe(true);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);

    // Expected: every row staged before the sync whose record the truth no longer has.
    const expected = new Map<string, string[]>();
    for (const endpoint of endpoints) {
      const truth = truthRows(sandbox, endpoint);
      const gone = [...liveBefore.get(endpoint)!].filter((key) => !truth.has(key));
      if (gone.length) expected.set(endpoint, gone.sort());
    }
    const expectedCounts = Object.fromEntries([...expected].map(([endpoint, keys]) => [endpoint, keys.length]));
    expect(Object.keys(expectedCounts).length).toBeGreaterThan(0);

    const outcomes = summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints : []));
    expect(Object.fromEntries(outcomes.filter((o) => o.deleted > 0).map((o) => [o.endpoint, o.deleted]))).toEqual(expectedCounts);
    const recorded = await warehouse.pool.query(
      `select endpoint, rows_deleted::int as n from atlas._run_endpoints where run_id = 2 and rows_deleted > 0`,
    );
    expect(Object.fromEntries(recorded.rows.map((r) => [r.endpoint, r.n]))).toEqual(expectedCounts);
    for (const [endpoint, keys] of expected) {
      const marked = await markedDeleted(warehouse.pool, sandbox.tenantId, endpoint);
      const found = { endpoint, marked: [...marked.keys()].sort(), active: [...marked.values()].filter(Boolean) };
      expect(found).toEqual({ endpoint, marked: keys, active: [] });
    }
  });

  it('covers the default endpoint set (52 exports and the list-only entities)', () => {
    const names = defaultEndpoints();
    expect(names.filter((n) => findEndpoint(n)?.extract?.mode === 'export')).toHaveLength(52);
    expect(names).toEqual(expect.arrayContaining(['jpm/job-types', 'marketing/campaigns', 'jbce/call-reasons']));
  });
});
