/**
 * Models at the end of `atlas build` / `atlas sync`, on a sandbox tenant: the typed views carry the
 * records with real types (compared with the sandbox's truth), a no-op sync rebuilds nothing, and a
 * table model is rebuilt only when a staging table it reads changed in the run.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { createLogger } from '../../src/log/logger.js';
import { buildModels, changesOfRun } from '../../src/models/index.js';
import { testConfig, truthRows, useSandboxWarehouse } from '../support/harness.js';
import { modelsFolder, writeModels } from './support.js';

/** The invoice fields these tests read from the sandbox's records. */
interface InvoiceRecord {
  id: number;
  active?: boolean;
  total?: string | number | null;
  balance?: string | number | null;
  invoiceDate?: string;
  createdOn?: string;
  businessUnit?: { id: number; name: string };
  customer?: { id: number };
}

const logger = createLogger({ level: 'warn' });
const fixture = useSandboxWarehouse({ scale: 0.05, seed: 5 });
const fast = { backoff: { baseMs: 5, maxMs: 50 } };

const invoiceTotals = `-- grain: one row per tenant and business unit
-- key: tenant_id, business_unit_id
-- materialized: table
select tenant_id, coalesce(business_unit_id, 0) as business_unit_id, sum(total) as total
from {{ marts }}.accounting_invoices where active group by 1, 2
`;
const callCounts = `-- grain: one row per tenant
-- key: tenant_id
-- materialized: table
select tenant_id, count(*) as calls from {{ marts }}.telecom_calls group by 1
`;

describe('models after build and sync', () => {
  const dir = modelsFolder({});
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('build creates every typed view with the records typed as the truth has them', async () => {
    const { sandbox, warehouse, url } = fixture;
    const summary = await runBuild(
      testConfig(url, [sandbox]),
      warehouse,
      { command: 'build', fullRefresh: false, clientOptions: fast },
      logger,
      logProgress(logger),
    );
    expect(summary.ok).toBe(true);
    expect(summary.models?.models.filter((m) => m.status !== 'built')).toEqual([]);
    expect(summary.models!.models.length).toBeGreaterThanOrEqual(100);

    const truth = [...truthRows(sandbox, 'accounting/export/invoices').values()] as InvoiceRecord[];
    const { rows } = await warehouse.pool.query(
      `select id, total::text, balance::text, invoice_date::text, business_unit_id, business_unit_name, customer_id,
              (extract(epoch from date_trunc('milliseconds', created_on)) * 1000)::bigint as created_ms, pg_typeof(total)::text as total_type, pg_typeof(invoice_date)::text as date_type
       from atlas_marts.accounting_invoices where tenant_id = $1`,
      [sandbox.tenantId],
    );
    expect(rows.length).toBe(truth.length);
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const mismatches = truth.flatMap((t) => {
      const row = byId.get(Number(t.id));
      const expected = {
        total: t.total === null ? null : String(t.total),
        balance: t.balance === null ? null : String(t.balance),
        invoice_date: t.invoiceDate?.slice(0, 10) ?? null,
        business_unit_id: t.businessUnit?.id ?? null,
        business_unit_name: t.businessUnit?.name ?? null,
        customer_id: t.customer?.id ?? null,
        created_ms: t.createdOn
          ? Date.parse(t.createdOn.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(t.createdOn) ? t.createdOn : t.createdOn + 'Z')
          : null,
      };
      const actual = row && {
        total: row.total,
        balance: row.balance,
        invoice_date: row.invoice_date,
        business_unit_id: row.business_unit_id === null ? null : Number(row.business_unit_id),
        business_unit_name: row.business_unit_name,
        customer_id: row.customer_id === null ? null : Number(row.customer_id),
        created_ms: row.created_ms === null ? null : Number(row.created_ms),
      };
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ id: t.id, expected, actual }];
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(rows[0]).toMatchObject({ total_type: 'numeric', date_type: 'date' });
  });

  it('a no-op sync rebuilds no model; a sync that changed a source rebuilds only the tables reading it', async () => {
    const { sandbox, warehouse, url } = fixture;
    const config = testConfig(url, [sandbox]);
    const typedView = (table: string) => readFileSync(new URL(`../../models/staging/${table}.sql`, import.meta.url), 'utf8');
    writeModels(dir, {
      'invoice_totals.sql': invoiceTotals,
      'call_counts.sql': callCounts,
      'staging/accounting_invoices.sql': typedView('accounting_invoices'),
      'staging/telecom_calls.sql': typedView('telecom_calls'),
    });
    const first = await buildModels(config, warehouse, { changes: 'all', modelsDir: dir }, logger);
    expect(first.ok).toBe(true);
    const builds = async () => Number((await warehouse.pool.query('select count(*) from atlas._model_builds')).rows[0].count);
    const before = await builds();

    const idle = await runBuild(
      config,
      warehouse,
      { command: 'sync', fullRefresh: false, clientOptions: fast },
      logger,
      logProgress(logger),
    );
    expect(idle.ok).toBe(true);
    expect(idle.models!.models.filter((m) => m.status !== 'unchanged')).toEqual([]);
    expect([...changesOfRun(idle.tenants).stagingTables]).toEqual([]);
    const idleFixture = await buildModels(config, warehouse, { changes: changesOfRun(idle.tenants), modelsDir: dir }, logger);
    expect(idleFixture.models.filter((m) => m.status !== 'unchanged')).toEqual([]);
    expect(await builds()).toBe(before);

    // Move the clock until invoices change; calls may or may not change with them.
    let changes = changesOfRun([]);
    let sync = idle;
    for (let i = 0; i < 5 && !changes.stagingTables.has('accounting_invoices'); i++) {
      sandbox.advance({ hours: 24 });
      sync = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false, clientOptions: fast }, logger, logProgress(logger));
      expect(sync.ok).toBe(true);
      changes = changesOfRun(sync.tenants);
    }
    const after = await buildModels(config, warehouse, { changes, modelsDir: dir }, logger);
    const status = Object.fromEntries(after.models.map((m) => [m.model, m.status]));
    expect(status).toEqual({
      accounting_invoices: 'unchanged',
      telecom_calls: 'unchanged',
      invoice_totals: 'built',
      call_counts: changes.stagingTables.has('telecom_calls') ? 'built' : 'unchanged',
    });
    const totals = await warehouse.pool.query(`select sum(total)::text as total from atlas_marts.invoice_totals`);
    const expected = ([...truthRows(sandbox, 'accounting/export/invoices').values()] as InvoiceRecord[])
      .filter((t) => t.active !== false)
      .reduce((sum: bigint, t) => sum + BigInt(Math.round(Number(t.total ?? 0) * 100)), 0n);
    expect(totals.rows[0].total).toBe((Number(expected) / 100).toFixed(2));
  });
});
