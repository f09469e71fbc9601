/**
 * Undocumented page-size caps (issue 13): the sandbox refuses page sizes above a cap on two lists —
 * one whose refusal states the maximum, one whose refusal only says the value is invalid. A build
 * walks each at the largest size accepted (the stated one; the largest ladder size under the
 * unstated one), remembers it per tenant and endpoint, and loads exactly the truth; a sync asks
 * for the remembered size straight away.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { expectStagingEqualsTruth, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const unstated = 'marketing/costs';
const stated = 'jpm/job-types';
const fixture = useSandboxWarehouse({
  scale: 0.03,
  seed: 7,
  pageSizeCaps: { [unstated]: { max: 60 }, [stated]: { max: 10, statesMax: true } },
});
const endpoints = [unstated, stated];

async function run(command: 'build' | 'sync') {
  const { sandbox, warehouse, url } = fixture;
  const config = testConfig(url, [sandbox], { schema: 'capped', endpoints: { include: endpoints, exclude: [] } });
  const summary = await runBuild(config, warehouse, { command, fullRefresh: false }, logger, logProgress(logger));
  const outcomes = summary.tenants.flatMap((t) =>
    'endpoints' in t ? t.endpoints.map((e) => [e.endpoint, e.status, e.error ?? null]) : [],
  );
  expect(outcomes.filter(([, status]) => status !== 'succeeded')).toEqual([]);
  expect(outcomes).toHaveLength(endpoints.length);
}

/** Each request to `endpoint` as [pageSize, page, status], in order. */
function requestsTo(endpoint: string): Array<[number, number, number]> {
  return fixture.sandbox
    .requests()
    .filter((r) => r.endpoint === endpoint)
    .map((r) => [Number(r.query.pageSize), Number(r.query.page), r.status]);
}

async function remembered(): Promise<Array<[string, number, number]>> {
  const { rows } = await fixture.warehouse.pool.query(
    'select endpoint, page_size, refused_page_size from capped._page_sizes where tenant_id = $1 order by endpoint',
    [fixture.sandbox.tenantId],
  );
  return rows.map((r) => [r.endpoint, r.page_size, r.refused_page_size]);
}

describe('page-size caps', () => {
  it('build: retries at the largest accepted size, remembers it and loads the truth', async () => {
    const { sandbox } = fixture;
    expect(sandbox.truth(unstated).length).toBeGreaterThan(100);
    expect(sandbox.truth(stated).length).toBeGreaterThan(20);
    sandbox.clearRequests();
    await run('build');
    await expectStagingEqualsTruth(fixture.warehouse.pool, 'capped', sandbox, endpoints);

    const costs = requestsTo(unstated);
    expect(costs.filter(([, , status]) => status === 400).map(([size]) => size)).toEqual([5000, 2000, 1000, 500, 200, 100]);
    const costPages = Math.ceil(sandbox.truth(unstated).length / 50);
    expect(costs.filter(([, , status]) => status === 200)).toEqual(Array.from({ length: costPages }, (_, i) => [50, i + 1, 200]));

    const types = requestsTo(stated);
    expect(types.filter(([, , status]) => status === 400).map(([size]) => size)).toEqual([5000]);
    const typePages = Math.ceil(sandbox.truth(stated).length / 10);
    expect(types.filter(([, , status]) => status === 200).map(([size, page]) => [size, page])).toEqual(
      Array.from({ length: typePages }, (_, i) => [10, i + 1]),
    );

    expect(await remembered()).toEqual([
      [stated, 10, 5000],
      [unstated, 50, 100],
    ]);
    const notes = await fixture.warehouse.pool.query(
      `select endpoint, notes from capped._run_endpoints where endpoint = any($1) order by endpoint`,
      [endpoints],
    );
    expect(notes.rows.map((r) => [r.endpoint, /refused page size \d+/.test(r.notes ?? '')])).toEqual([
      [stated, true],
      [unstated, true],
    ]);
  });

  it('sync: asks for the remembered sizes straight away', async () => {
    const { sandbox } = fixture;
    sandbox.advance({ hours: 48, changes: 200 });
    sandbox.clearRequests();
    await run('sync');
    await expectStagingEqualsTruth(fixture.warehouse.pool, 'capped', sandbox, endpoints);
    expect(requestsTo(unstated).every(([size, , status]) => size === 50 && status === 200)).toBe(true);
    expect(requestsTo(stated).every(([size, , status]) => size === 10 && status === 200)).toBe(true);
    expect(requestsTo(unstated).length + requestsTo(stated).length).toBeGreaterThan(0);
  });
});
