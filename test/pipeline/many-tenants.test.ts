/**
 * Finding 3 of issue 9: every tenant used to hold a pool connection for its advisory lock before
 * the endpoint concurrency limit applied, then needed a second one to load; with tenants ≥
 * pool size (the CLI sizes the pool `concurrency + 4`) every connection was a lock holder and the
 * run waited forever, holding every lock. Six tenants at concurrency 1 on a pool of 5 must finish.
 * The server is a minimal ServiceTitan over real HTTP that answers for any tenant id.
 */
import { describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../src/config/types.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { testConfig } from '../support/harness.js';
import { scriptedTenantSettings, useScriptedWarehouse } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
const TENANTS = 6;
const CONCURRENCY = 1;
const scripted = useScriptedWarehouse(
  (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const tenant = Number(/\/tenant\/(\d+)\//.exec(req.url ?? '')?.[1] ?? 0);
    const data = [1, 2, 3].map((i) => ({ id: tenant * 10 + i, active: true, modifiedOn: '2025-01-01T00:00:00Z' }));
    res.end(JSON.stringify({ hasMore: false, continueFrom: 'end', data }));
  },
  { poolSize: CONCURRENCY + 4 },
);

const tenant = (i: number): TenantConfig => ({
  name: `t${i}`,
  tenantId: String(100 + i),
  ...scriptedTenantSettings(scripted.base),
});

describe('many tenants on a small pool', () => {
  it(`runs ${TENANTS} tenants at concurrency ${CONCURRENCY} on a pool of ${CONCURRENCY + 4} without waiting forever`, async () => {
    const config = testConfig(scripted.url, [], {
      concurrency: CONCURRENCY,
      endpoints: { include: ['crm/export/customers', 'crm/export/locations'], exclude: [] },
      tenants: Array.from({ length: TENANTS }, (_, i) => tenant(i + 1)),
    });
    let timer: NodeJS.Timeout | undefined;
    const deadlock = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the build was still waiting after 20 s: pool deadlock')), 20_000);
    });
    const summary = await Promise.race([
      runBuild(config, scripted.warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger)),
      deadlock,
    ]).finally(() => clearTimeout(timer));
    expect(summary.tenants.map((t) => t.status)).toEqual(Array(TENANTS).fill('succeeded'));
    const loaded = await scripted.warehouse.pool.query('select count(*)::int as n from atlas.crm_customers');
    expect(loaded.rows[0].n).toBe(TENANTS * 3);
  }, 30_000);
});
