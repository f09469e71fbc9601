/**
 * Builds under hostile conditions: a storm of 429s, 5xx, HTML error pages, early token expiry and
 * dropped connections; a refused continuation token; two tenants with overlapping ids in one
 * database; and a second run on a locked tenant next to a tenant that loads regardless.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { openWarehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/log/logger.js';
import { lockTenant } from '../../src/runs/tenant-lock.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { cliEnv, expectStagingEqualsTruth, runCli, stagingRows, testConfig, truthRows } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fast = { maxAttempts: 10, backoff: { baseMs: 5, maxMs: 100 } };
const sandboxes: Sandbox[] = [];

async function sandboxWith(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  sandboxes.push(sandbox);
  return sandbox;
}

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  await dropTestDatabases();
});

describe('hostile conditions', () => {
  it('a build through a storm of faults ends equal to the truth', async () => {
    const sandbox = await sandboxWith({
      scale: 0.03,
      seed: 5,
      batchSize: { min: 30, max: 80 },
      faults: { rate429: 0.06, retryAfterSeconds: 0, rate5xx: 0.06, rateHtml: 0.04, rateDrop: 0.04, earlyTokenExpiryRate: 0.03 },
    });
    const url = await createTestDatabase();
    const warehouse = await openWarehouse(url);
    try {
      const summary = await runBuild(
        testConfig(url, [sandbox]),
        warehouse,
        { command: 'build', fullRefresh: false, clientOptions: fast },
        logger,
        logProgress(logger),
      );
      expect(
        summary.tenants.flatMap((t) =>
          'endpoints' in t ? t.endpoints.filter((e) => e.status === 'failed').map((e) => e.error) : [t.error],
        ),
      ).toEqual([]);
      await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox);
      const statuses = new Set(sandbox.requests().map((r) => r.status));
      expect([...statuses]).toEqual(expect.arrayContaining([200, 401, 429]));
      expect([...statuses].some((s) => s >= 500)).toBe(true);
      const retries = await warehouse.pool.query('select sum(retries)::int as n from atlas._run_endpoints');
      expect(retries.rows[0].n).toBeGreaterThan(0);
    } finally {
      await warehouse.close();
    }
  });

  it('falls back to the newest modifiedOn when ServiceTitan refuses a saved token, and says so', async () => {
    const sandbox = await sandboxWith({ scale: 0.02, seed: 9 });
    const url = await createTestDatabase();
    const warehouse = await openWarehouse(url);
    const endpoints = { include: ['crm/export/customers', 'jpm/export/jobs'], exclude: [] };
    try {
      const config = testConfig(url, [sandbox], { endpoints });
      expect(
        (await runBuild(config, warehouse, { command: 'build', fullRefresh: false, clientOptions: fast }, logger, logProgress(logger))).ok,
      ).toBe(true);
      sandbox.advance({ hours: 12 });
      sandbox.setFaults({ refuseContinuationTokens: true });
      const summary = await runBuild(
        config,
        warehouse,
        { command: 'sync', fullRefresh: false, clientOptions: fast },
        logger,
        logProgress(logger),
      );
      expect(summary.ok).toBe(true);
      await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, endpoints.include);
      const notes = await warehouse.pool.query(`select endpoint, notes from atlas._run_endpoints where run_id = 2 order by endpoint`);
      expect(notes.rows.map((r) => r.notes)).toEqual([
        expect.stringMatching(/refused the saved continuation token/),
        expect.stringMatching(/refused the saved continuation token/),
      ]);
    } finally {
      await warehouse.close();
    }
  });

  it('keeps two tenants with overlapping record ids apart', async () => {
    const first = await sandboxWith({ scale: 0.02, seed: 3, tenantId: '1111111111' });
    const second = await sandboxWith({ scale: 0.02, seed: 3, tenantId: '2222222222' });
    second.advance({ hours: 48 }); // same ids, different versions
    const url = await createTestDatabase();
    const warehouse = await openWarehouse(url);
    const endpoints = { include: ['crm/export/customers', 'jpm/export/jobs', 'jpm/job-types'], exclude: [] };
    try {
      const summary = await runBuild(
        testConfig(url, [first, second], { endpoints }),
        warehouse,
        { command: 'build', fullRefresh: false, clientOptions: fast },
        logger,
        logProgress(logger),
      );
      expect(summary.ok).toBe(true);
      await expectStagingEqualsTruth(warehouse.pool, 'atlas', first, endpoints.include);
      await expectStagingEqualsTruth(warehouse.pool, 'atlas', second, endpoints.include);
      const a = await stagingRows(warehouse.pool, 'atlas', first.tenantId, 'crm/export/customers');
      const b = await stagingRows(warehouse.pool, 'atlas', second.tenantId, 'crm/export/customers');
      const shared = [...a.keys()].filter((k) => b.has(k));
      expect(shared.length).toBeGreaterThan(0);
      const total = await warehouse.pool.query('select count(*)::int as n from atlas.crm_customers');
      expect(total.rows[0].n).toBe(truthRows(first, 'crm/export/customers').size + truthRows(second, 'crm/export/customers').size);
    } finally {
      await warehouse.close();
    }
  });

  it('refuses a second run on a locked tenant, naming the holder, while another tenant of the same build loads fully', async () => {
    const locked = await sandboxWith({ scale: 0.01, seed: 4 });
    const free = await sandboxWith({ scale: 0.01, seed: 6, tenantId: '3333333333' });
    const url = await createTestDatabase();
    const warehouse = await openWarehouse(url);
    const endpoints = { include: ['jpm/job-types', 'crm/export/customers'], exclude: [] };
    try {
      await migrate(warehouse.knex, 'atlas');
      await warehouse.pool.query(
        `insert into atlas._runs (tenant_id, tenant_name, command, status, pid, host) values ($1, 'sandbox', 'sync', 'running', 4242, 'elsewhere')`,
        [locked.tenantId],
      );
      const lock = await lockTenant(warehouse.pool, 'atlas', { tenantId: locked.tenantId, name: 'sandbox' });
      try {
        const env = cliEnv(locked, url, { ATLAS_LOG_LEVEL: 'error' });
        const blocked = await runCli(['sync', '--endpoint', 'jpm/job-types'], env);
        expect(blocked.code, blocked.stdout + blocked.stderr).toBe(6);
        expect(blocked.stdout + blocked.stderr).toMatch(/already being synced by run 1 \(atlas sync, pid 4242 on elsewhere/);

        const both = testConfig(url, [locked, free], { endpoints });
        const summary = await runBuild(
          both,
          warehouse,
          { command: 'build', fullRefresh: false, clientOptions: fast },
          logger,
          logProgress(logger),
        );
        expect(summary.ok).toBe(false);
        const [first, second] = summary.tenants;
        expect(first).toMatchObject({ tenantId: locked.tenantId, status: 'failed', code: 'TENANT_LOCKED' });
        expect('error' in first ? first.error : '').toMatch(/already being synced by run 1/);
        expect(second).toMatchObject({ tenantId: free.tenantId, status: 'succeeded' });
        await expectStagingEqualsTruth(warehouse.pool, 'atlas', free, endpoints.include);
        const lockedRows = await warehouse.pool.query('select count(*)::int as n from atlas.crm_customers where tenant_id = $1', [
          locked.tenantId,
        ]);
        expect(lockedRows.rows[0].n).toBe(0);
      } finally {
        await lock.release();
      }
      const after = await runCli(['sync', '--endpoint', 'jpm/job-types'], cliEnv(locked, url));
      expect(after.code, after.stderr).toBe(0);
    } finally {
      await warehouse.close();
    }
  });
});
