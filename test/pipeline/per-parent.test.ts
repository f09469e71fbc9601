/**
 * Opt-in per-parent endpoints: customer notes are read customer by customer (parents from the
 * customers staging table), stored with the customer's id, and equal the sandbox's truth; a job's
 * booked log (one record per job, not a page) and canceled log likewise, job by job.
 */
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { extractedEndpoints } from '../../src/catalog/index.js';
import { createLogger } from '../../src/log/logger.js';
import { expectStagingEqualsTruth, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.02, seed: 13 });

describe('per-parent endpoints', () => {
  it('are not extracted unless asked for, even when a build loads their parents', async () => {
    const { sandbox, warehouse, url } = fixture;
    const perParent = extractedEndpoints({ includeOptIn: true }).filter((d) => d.extract?.parent);
    const parentNames = [...new Set(perParent.map((d) => d.extract!.parent!.endpoint))];
    expect(parentNames).toEqual(expect.arrayContaining(['crm/export/customers']));
    sandbox.clearRequests();
    // The default selection: every endpoint a build extracts without opting in, parents included.
    const config = testConfig(url, [sandbox], { schema: 'plain', concurrency: 4 });
    const summary = await runBuild(config, warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    expect(summary.ok).toBe(true);

    const ran = new Set(summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints.map((e) => e.endpoint) : [])));
    expect(parentNames.filter((name) => !ran.has(name))).toEqual([]);
    const parentRows = await warehouse.pool.query('select count(*)::int as n from plain.crm_customers');
    expect(parentRows.rows[0].n).toBeGreaterThan(0);

    expect(perParent.filter((d) => ran.has(d.name)).map((d) => d.name)).toEqual([]);
    const perParentNames = new Set(perParent.map((d) => d.name));
    expect(
      sandbox
        .requests()
        .filter((r) => r.endpoint && perParentNames.has(r.endpoint))
        .map((r) => r.path),
    ).toEqual([]);
    // The model runner creates every staging table, opt-in ones too, so their typed views exist; they stay empty.
    const tables = await warehouse.pool.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'plain' and table_name = any($1::text[])`,
      [perParent.map((d) => d.extract!.table)],
    );
    for (const { table_name: table } of tables.rows) {
      const rows = await warehouse.pool.query(`select count(*)::int as n from plain."${table}"`);
      expect({ table, rows: rows.rows[0].n }).toEqual({ table, rows: 0 });
    }
  });

  it('read each parent once, keep the parent id, and equal the truth', async () => {
    const { sandbox, warehouse, url } = fixture;
    sandbox.clearRequests();
    // Its own schema: independent of what other tests in this file have loaded.
    const endpoints = { include: ['crm/customers/{id}/notes', 'crm/export/customers'], exclude: [] };
    const summary = await runBuild(
      testConfig(url, [sandbox], { schema: 'opted', endpoints }),
      warehouse,
      { command: 'build', fullRefresh: false },
      logger,
      logProgress(logger),
    );
    expect(
      summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints.map((e) => [e.endpoint, e.status, e.error ?? null]) : [])),
    ).toEqual([
      ['crm/export/customers', 'succeeded', null],
      ['crm/customers/{id}/notes', 'succeeded', null],
    ]);
    await expectStagingEqualsTruth(warehouse.pool, 'opted', sandbox, endpoints.include);

    const customers = await warehouse.pool.query('select count(*)::int as n from opted.crm_customers');
    const noteRequests = sandbox.requests().filter((r) => r.endpoint === 'crm/customers/{id}/notes');
    expect(noteRequests).toHaveLength(customers.rows[0].n);
    const orphans = await warehouse.pool.query(
      'select count(*)::int as n from opted.crm_customers_notes n where not exists (select 1 from opted.crm_customers c where c.tenant_id = n.tenant_id and c.id = n.parent_id)',
    );
    expect(orphans.rows[0].n).toBe(0);
    const linked = await warehouse.pool.query('select parent_id, id from opted.crm_customers_notes order by id limit 1');
    const owner = noteRequests.find((r) => r.path.includes(`/customers/${linked.rows[0].parent_id}/notes`));
    expect(owner).toBeDefined();
  });

  it("read a job's booked log (one record, no paging) and canceled log job by job, equal to the truth", async () => {
    const { sandbox, warehouse, url } = fixture;
    sandbox.clearRequests();
    const logs = ['jpm/jobs/{id}/booked-log', 'jpm/jobs/{id}/canceled-log'];
    const endpoints = { include: ['jpm/export/jobs', ...logs], exclude: [] };
    const summary = await runBuild(
      testConfig(url, [sandbox], { schema: 'joblogs', endpoints }),
      warehouse,
      { command: 'build', fullRefresh: false },
      logger,
      logProgress(logger),
    );
    expect(summary.ok).toBe(true);
    await expectStagingEqualsTruth(warehouse.pool, 'joblogs', sandbox, endpoints.include);

    const jobs = (await warehouse.pool.query('select count(*)::int as n from joblogs.jpm_jobs')).rows[0].n;
    for (const endpoint of logs) {
      const requests = sandbox.requests().filter((r) => r.endpoint === endpoint);
      expect({ endpoint, requests: requests.length }).toEqual({ endpoint, requests: jobs });
    }
    // The booked log is asked for without paging; the canceled log pages like any list.
    const booked = sandbox.requests().filter((r) => r.endpoint === logs[0]);
    expect(booked.every((r) => r.status === 200 && r.query.page === undefined)).toBe(true);
    const stored = await warehouse.pool.query<{ n: number; mismatched: number }>(
      `select count(*)::int as n, count(*) filter (where (data->>'jobId')::bigint <> parent_id)::int as mismatched from joblogs.jpm_jobs_booked_log`,
    );
    expect(stored.rows[0]).toEqual({ n: jobs, mismatched: 0 });
    const canceled = await warehouse.pool.query<{ n: number; mismatched: number }>(
      `select count(*)::int as n, count(*) filter (where (data->>'jobId')::bigint <> parent_id)::int as mismatched from joblogs.jpm_jobs_canceled_log`,
    );
    expect(canceled.rows[0].n).toBeGreaterThan(0);
    expect(canceled.rows[0].mismatched).toBe(0);
  });
});
