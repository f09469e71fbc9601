/**
 * Every mart reconciled with an oracle computed in TypeScript from the sandbox's own records (never
 * from the SQL under test): two tenants in different time zones (one far from UTC) in one database,
 * after a build, and again after the sandbox clock moved and a sync ran. The sandboxes start at the
 * real current time so the marts relative to "today" have rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { knownStagingTables, loadModels, testModels } from '../../src/models/index.js';
import { runBuild, type BuildOptions } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { sandboxTenantConfig } from '../../src/cli/sandbox-connection.js';
import type { AtlasConfig } from '../../src/config/types.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { expectMartEqualsOracle, martColumns } from './compare.js';
import { ORACLES } from './oracle/index.js';
import { tenantTruth } from './oracle/tenant.js';
import { expectRulesExercised } from './coverage.js';
import { REFERENCE_COLUMNS } from './reference-columns.js';

const TENANTS = [
  { tenantId: '1500000001', seed: 21, zone: 'Pacific/Kiritimati' },
  { tenantId: '1500000002', seed: 22, zone: 'America/New_York' },
];
const MARTS_SCHEMA = 'atlas_marts';
const logger = createLogger({ level: 'warn' });
const fast = { backoff: { baseMs: 5, maxMs: 50 } };

const martKeys = new Map(
  loadModels(knownStagingTables())
    .filter((m) => m.file.startsWith('marts/'))
    .map((m) => [m.name, m.header.key]),
);

let sandboxes: Sandbox[] = [];
let warehouse: Warehouse;
let config: AtlasConfig;

async function run(command: BuildOptions['command']): Promise<void> {
  const options = { command, fullRefresh: false, sweepDeletes: true, clientOptions: fast };
  const summary = await runBuild(config, warehouse, options, logger, logProgress(logger));
  const failedModels = summary.models?.models.filter((m) => m.status === 'failed' || m.status === 'skipped') ?? [];
  expect({ ok: summary.ok, failedModels }).toEqual({ ok: true, failedModels: [] });
}

function expected(mart: string) {
  return sandboxes.flatMap((sandbox, i) => ORACLES[mart](tenantTruth(sandbox, TENANTS[i].zone)));
}

function reconcileEveryMart(): void {
  for (const mart of Object.keys(ORACLES)) {
    it(`${mart} equals its oracle, row for row and to the cent`, async () => {
      const compared = await expectMartEqualsOracle(warehouse.pool, MARTS_SCHEMA, mart, martKeys.get(mart)!, expected(mart));
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('passes atlas models test (keys unique and not null, declared checks)', async () => {
    const results = await testModels(warehouse.pool, MARTS_SCHEMA, loadModels(knownStagingTables()));
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
}

beforeAll(async () => {
  const now = new Date().toISOString();
  sandboxes = await Promise.all(
    TENANTS.map((t) =>
      startSandbox({ scale: 0.05, seed: t.seed, tenantId: t.tenantId, timezone: t.zone, now, batchSize: { min: 60, max: 120 } }),
    ),
  );
  const url = await createTestDatabase();
  warehouse = await openWarehouse(url);
  config = testConfig(url, sandboxes, {
    tenants: sandboxes.map((s, i) => sandboxTenantConfig(s, `tenant-${i + 1}`, { requestsPerSecond: 200, timezone: TENANTS[i].zone })),
  });
  await run('build');
});

afterAll(async () => {
  await warehouse?.close();
  await Promise.all(sandboxes.map((s) => s.close()));
  await dropTestDatabases();
});

describe('marts after a build', () => {
  it('covers every mart of the reference, each with exactly its columns and tenant_id in its key', async () => {
    expect([...martKeys.keys()].sort()).toEqual(Object.keys(REFERENCE_COLUMNS).sort());
    expect(Object.keys(ORACLES).sort()).toEqual(Object.keys(REFERENCE_COLUMNS).sort());
    for (const [mart, columns] of Object.entries(REFERENCE_COLUMNS)) {
      expect({ mart, columns: await martColumns(warehouse.pool, MARTS_SCHEMA, mart) }).toEqual({ mart, columns });
      expect({ mart, tenantInKey: martKeys.get(mart)!.includes('tenant_id') }).toEqual({ mart, tenantInKey: true });
    }
  });

  it('come from data that exercises every rule', () => {
    expectRulesExercised(sandboxes.map((s, i) => tenantTruth(s, TENANTS[i].zone)));
  });

  reconcileEveryMart();
});

describe('marts after the sandbox clock moved 30 hours and a sync ran', () => {
  beforeAll(async () => {
    for (const sandbox of sandboxes) sandbox.advance({ hours: 30 });
    await run('sync');
  });

  reconcileEveryMart();
});
