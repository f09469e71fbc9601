/**
 * Opt-in per-parent endpoints: customer notes are read customer by customer (parents from the
 * customers staging table), stored with the customer's id, and equal the sandbox's truth.
 */
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { createLogger } from '../../src/log/logger.js';
import { expectStagingEqualsTruth, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.02, seed: 13 });

describe('per-parent endpoints', () => {
  it('are not extracted unless asked for', async () => {
    const { sandbox, warehouse, url } = fixture;
    const summary = await runBuild(testConfig(url, [sandbox], { schema: 'plain', endpoints: { include: ['jpm/job-types'], exclude: [] } }), warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    expect(summary.ok).toBe(true);
    expect(sandbox.requests().some((r) => r.endpoint === 'crm/customers/{id}/notes')).toBe(false);
  });

  it('read each parent once, keep the parent id, and equal the truth', async () => {
    const { sandbox, warehouse, url } = fixture;
    sandbox.clearRequests();
    const endpoints = { include: ['crm/customers/{id}/notes', 'crm/export/customers'], exclude: [] };
    const summary = await runBuild(testConfig(url, [sandbox], { endpoints }), warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    expect(summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints.map((e) => [e.endpoint, e.status, e.error ?? null]) : []))).toEqual([
      ['crm/export/customers', 'succeeded', null],
      ['crm/customers/{id}/notes', 'succeeded', null],
    ]);
    await expectStagingEqualsTruth(warehouse.pool, 'atlas', sandbox, endpoints.include);

    const customers = await warehouse.pool.query('select count(*)::int as n from atlas.crm_customers');
    const noteRequests = sandbox.requests().filter((r) => r.endpoint === 'crm/customers/{id}/notes');
    expect(noteRequests).toHaveLength(customers.rows[0].n);
    const orphans = await warehouse.pool.query('select count(*)::int as n from atlas.crm_customers_notes n where not exists (select 1 from atlas.crm_customers c where c.tenant_id = n.tenant_id and c.id = n.parent_id)');
    expect(orphans.rows[0].n).toBe(0);
    const linked = await warehouse.pool.query('select parent_id, id from atlas.crm_customers_notes order by id limit 1');
    const owner = noteRequests.find((r) => r.path.includes(`/customers/${linked.rows[0].parent_id}/notes`));
    expect(owner).toBeDefined();
  });
});
