/**
 * Keys that can never lose a record, and the entities added for coverage (issue 13), built from a
 * sandbox that sends job histories in parts (a job spread over several rows, each holding only its
 * new entries) and some gross pay items and journal entries without their nullable id:
 * - every history entry is stored once, under its own id, with its job's id, before and after a sync;
 * - id-less pay items and journal entries are staged under their documented fallback key, none rejected;
 * - custom-field definitions, budget codes, WBS segments (answered as `{data}` alone, read in one
 *   request), location rates and Intacct mappings (read from page 0, with includeTotal) equal the truth.
 */
import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { expectStagingEqualsTruth, testConfig, useSandboxWarehouse } from '../support/harness.js';

const logger = createLogger({ level: 'error' });
const fixture = useSandboxWarehouse({ scale: 0.03, seed: 29, batchSize: { min: 30, max: 60 }, jobHistory: 'partial', missingIds: 0.3 });

const keyed = ['jpm/export/job-history', 'payroll/export/gross-pay-items', 'accounting/journal-entries'];
const added = [
  'jpm/jobs/custom-fields',
  'jpm/projects/custom-fields',
  'memberships/memberships/custom-fields',
  'crm/customers/custom-fields',
  'crm/locations/custom-fields',
  'accounting/inventory-bills/custom-fields',
  'jpm/work-breakdown-structure/budget-codes',
  'jpm/work-breakdown-structure/segments',
  'payroll/locations/rates',
  'settings/business-units/intacct',
];
const endpoints = { include: [...keyed, ...added], exclude: [] };

async function run(command: 'build' | 'sync') {
  const { sandbox, warehouse, url } = fixture;
  const summary = await runBuild(
    testConfig(url, [sandbox], { schema: 'cover', endpoints }),
    warehouse,
    { command, fullRefresh: false },
    logger,
    logProgress(logger),
  );
  const outcomes = summary.tenants.flatMap((t) =>
    'endpoints' in t ? t.endpoints.map((e) => [e.endpoint, e.status, e.error ?? null]) : [],
  );
  expect(outcomes.filter(([, status]) => status !== 'succeeded')).toEqual([]);
  expect(outcomes).toHaveLength(endpoints.include.length);
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await fixture.warehouse.pool.query(sql, params);
  return Number(rows[0].n);
}

describe('keys that cannot lose records, and the added entities', () => {
  it('build: partial job histories, id-less rows and the new entities all equal the truth', async () => {
    const { sandbox } = fixture;
    const feed = sandbox.truth('jpm/export/job-history');
    const entries = feed.flatMap((row) => row.history as Array<{ id: number }>);
    // The sandbox really spreads jobs over rows: keyed by jobId, entries would overwrite each other.
    expect(new Set(feed.map((row) => row.jobId)).size).toBeLessThan(entries.length);
    const idless = sandbox.truth('payroll/export/gross-pay-items').filter((r) => r.id === null).length;
    const idlessEntries = sandbox.truth('accounting/journal-entries').filter((r) => r.id === null).length;
    expect(idless).toBeGreaterThan(0);

    sandbox.clearRequests();
    await run('build');
    await expectStagingEqualsTruth(fixture.warehouse.pool, 'cover', sandbox, endpoints.include);

    expect(await count('select count(*) as n from cover.jpm_job_history')).toBe(entries.length);
    expect(await count(`select count(*) as n from cover.jpm_job_history where data->>'jobId' is null`)).toBe(0);
    expect(await count('select count(*) as n from cover.payroll_gross_pay_items where id < 0')).toBe(idless);
    expect(await count(`select count(*) as n from cover.accounting_journal_entries where id like 'number=%'`)).toBe(idlessEntries);
    expect(await count('select count(*) as n from cover._rejects where endpoint = any($1)', [keyed])).toBe(0);

    const intacct = sandbox.requests().filter((r) => r.endpoint === 'settings/business-units/intacct');
    expect(intacct.map((r) => [r.status, r.query.page, r.query.includeTotal])[0]).toEqual([200, '0', 'true']);
    const segments = sandbox.requests().filter((r) => r.endpoint === 'jpm/work-breakdown-structure/segments');
    expect(segments.map((r) => [r.status, r.query.page])).toEqual([[200, '1']]);
    expect(sandbox.truth('jpm/work-breakdown-structure/segments').length).toBeGreaterThan(1);
    const table = findEndpoint('payroll/locations/rates')!.extract!.table;
    expect(await count(`select count(*) as n from cover.${table}`)).toBe(sandbox.truth('payroll/locations/rates').length);
  });

  it('sync: new history entries of known jobs are added, none replaced', async () => {
    const { sandbox } = fixture;
    const before = await count('select count(*) as n from cover.jpm_job_history');
    sandbox.advance({ hours: 72, changes: 300 });
    await run('sync');
    await expectStagingEqualsTruth(fixture.warehouse.pool, 'cover', sandbox, endpoints.include);
    const entries = sandbox.truth('jpm/export/job-history').flatMap((row) => row.history as unknown[]).length;
    expect(entries).toBeGreaterThan(before);
    expect(await count('select count(*) as n from cover.jpm_job_history')).toBe(entries);
  });
});
