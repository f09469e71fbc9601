/**
 * The committed catalog data against the OpenAPI documents and the extraction contract:
 * every GET path present, every export feed extracted once, the list-only entities analysts need
 * extracted, keys and table names fit for the loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, extractedEndpoints, findEndpoint } from '../../src/catalog/index.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const openapiDir = resolve(projectRoot, 'openapi/servicetitan');

/** `{ module, version, path }` of every GET in the documents, read independently of the generator. */
function documentedGets(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(openapiDir).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(resolve(openapiDir, file), 'utf8')) as {
      servers: Array<{ url: string }>;
      paths: Record<string, { get?: unknown }>;
    };
    const [module, serverVersion] = new URL(doc.servers[0].url).pathname.split('/').filter(Boolean);
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const m = /^(?:\/(v\d+))?\/tenant\/\{tenant\}\/(.+)$/.exec(path);
      expect(m, `${file} ${path}`).not.toBeNull();
      out.push(`${module} ${serverVersion ?? m![1]} ${m![2]}`);
    }
  }
  return out.sort();
}

const requiredListEntities = [
  'jpm/job-types',
  'marketing/campaigns',
  'marketing/categories',
  'marketing/costs',
  'jbce/call-reasons',
  'accounting/payment-types',
  'accounting/payment-terms',
  'accounting/tax-zones',
  'dispatch/zones',
  'dispatch/teams',
  'jpm/job-cancel-reasons',
  'jpm/job-hold-reasons',
  'jpm/project-statuses',
  'jpm/project-substatuses',
  'jpm/project-types',
  'settings/user-roles',
  'accounting/gl-accounts',
  'inventory/vendors',
  'inventory/warehouses',
  'inventory/trucks',
];

describe('catalog contents', () => {
  it('has at least the 53 export paths, and every export path is kind export', () => {
    const exports = catalog.filter((d) => d.kind === 'export');
    expect(exports.length).toBeGreaterThanOrEqual(53);
    expect(exports.every((d) => d.path.split('/').includes('export'))).toBe(true);
    expect(findEndpoint('sales/estimates/export')?.kind).toBe('export');
  });

  it('holds exactly the GET paths of the OpenAPI documents, and the one POST read as data', () => {
    const documented = documentedGets();
    expect(documented.length).toBe(314);
    const gets = catalog.filter((d) => d.method === undefined);
    expect(gets.map((d) => `${d.module} ${d.version} ${d.path}`).sort()).toEqual(documented);
    expect(catalog.filter((d) => d.method === 'POST').map((d) => [d.name, d.extract?.mode, d.extract?.optIn])).toEqual([
      ['dispatch/capacity', 'snapshot', true],
    ]);
  });

  it('names are unique and follow <module>/<path>, older telecom versions prefixed', () => {
    expect(new Set(catalog.map((d) => d.name)).size).toBe(catalog.length);
    for (const d of catalog) {
      expect([`${d.module}/${d.path}`, `${d.module}/${d.version}/${d.path}`]).toContain(d.name);
    }
    expect(findEndpoint('telecom/calls')?.version).toBe('v3');
    expect(findEndpoint('telecom/v2/calls')?.version).toBe('v2');
    expect(findEndpoint('telecom/calls/{id}')?.version).toBe('v2');
  });

  it('kinds and path parameters follow the path', () => {
    expect(findEndpoint('crm/customers')?.kind).toBe('list');
    expect(findEndpoint('crm/customers/{id}/notes')).toMatchObject({ kind: 'id', pathParams: ['id'] });
    expect(findEndpoint('reporting/report-category/{report_category}/reports/{reportId}')?.pathParams).toEqual([
      'report_category',
      'reportId',
    ]);
  });

  it('extracts all 52 export feeds, not the legacy estimates alias', () => {
    const feeds = extractedEndpoints().filter((d) => d.extract?.mode === 'export');
    expect(feeds).toHaveLength(52);
    expect(feeds.every((d) => d.kind === 'export' && d.extract?.optIn === false)).toBe(true);
    expect(findEndpoint('sales/estimates/export')?.extract).toBeNull();
    expect(findEndpoint('sales/export/estimates')?.extract?.table).toBe('sales_estimates');
  });

  it.each(requiredListEntities)('extracts the list-only entity %s', (name) => {
    const d = findEndpoint(name);
    expect(d?.kind).toBe('list');
    expect(d?.extract?.optIn).toBe(false);
    expect(['list-incremental', 'list-full']).toContain(d?.extract?.mode);
    expect(d?.extract?.maxPageSize).toBeGreaterThan(0);
  });

  it('uses modifiedOnOrAfter only where the endpoint declares it', () => {
    for (const d of extractedEndpoints().filter((e) => e.extract?.mode === 'list-incremental')) {
      expect(d.extract?.incrementalParam, d.name).toBe('modifiedOnOrAfter');
      expect(d.queryParams, d.name).toContain('modifiedOnOrAfter');
      expect(d.changeField, d.name).toBe('modifiedOn');
    }
    // user roles declare no modifiedOnOrAfter (and carry no modifiedOn): read whole
    expect(findEndpoint('settings/user-roles')).toMatchObject({ changeField: 'createdOn', extract: { mode: 'list-full' } });
    expect(findEndpoint('jpm/job-types')?.extract).toMatchObject({ mode: 'list-incremental', incrementalParam: 'modifiedOnOrAfter' });
  });

  it('sets a stable +Id sort only where the endpoint sorts by Id', () => {
    expect(findEndpoint('dispatch/zones')?.extract?.stableSort).toBe('+Id');
    expect(findEndpoint('jpm/job-types')?.extract?.stableSort).toBeUndefined(); // only orderBy, no sort
    for (const d of extractedEndpoints({ includeOptIn: true }).filter((e) => e.extract?.stableSort)) {
      expect(d.queryParams, d.name).toContain('sort');
    }
  });

  it('puts per-parent endpoints behind opt-in, with an extracted parent', () => {
    const optIn = extractedEndpoints({ includeOptIn: true }).filter((d) => d.extract?.optIn && d.extract.mode !== 'snapshot');
    expect(optIn.map((d) => d.name)).toEqual(
      expect.arrayContaining(['crm/customers/{id}/notes', 'crm/locations/{id}/notes', 'crm/leads/{id}/notes']),
    );
    for (const d of optIn) {
      expect(d.extract?.mode, d.name).toBe('list-full');
      const parent = findEndpoint(d.extract?.parent?.endpoint ?? '');
      expect(parent?.extract?.optIn, d.name).toBe(false);
      expect(parent?.key, d.name).toContain(d.extract?.parent?.field);
    }
    expect(findEndpoint('crm/customers/{id}/notes')?.extract).toMatchObject({
      table: 'crm_customers_notes',
      parent: { endpoint: 'crm/export/customers', field: 'id' },
    });
    expect(extractedEndpoints().some((d) => d.extract?.optIn)).toBe(false);
  });

  it('every extracted endpoint has a key with a type per field', () => {
    for (const d of extractedEndpoints({ includeOptIn: true })) {
      expect(d.key.length, d.name).toBeGreaterThan(0);
      expect(Object.keys(d.keyTypes), d.name).toEqual(d.key);
    }
  });

  it('uses the reference keys where rows have no single id', () => {
    expect(findEndpoint('customer-interactions/export/technician-ratings')).toMatchObject({
      key: ['technicianId', 'jobId'],
      keyTypes: { technicianId: 'bigint', jobId: 'bigint' },
    });
    // Stored one row per history entry, keyed by the entry's id, with the job's id carried in.
    expect(findEndpoint('jpm/export/job-history')).toMatchObject({
      key: ['id'],
      keyTypes: { id: 'bigint' },
      changeField: 'date',
      extract: { unnest: { field: 'history', carry: ['jobId'] } },
    });
    expect(findEndpoint('payroll/locations/rates')).toMatchObject({
      key: ['locationId', 'laborTypeCode'],
      keyTypes: { locationId: 'bigint', laborTypeCode: 'text' },
    });
    expect(findEndpoint('payroll/export/payroll-settings')).toMatchObject({
      key: ['employeeId', 'employeeType'],
      keyTypes: { employeeId: 'bigint', employeeType: 'text' },
    });
    expect(findEndpoint('payroll/export/gross-pay-items')).toMatchObject({ key: ['id'], keyTypes: { id: 'bigint' } });
    expect(findEndpoint('marketingreputation/reviews')?.key).toEqual(['review', 'platform', 'address']);
    expect(findEndpoint('accounting/journal-entries')?.keyTypes).toEqual({ id: 'text' }); // guid ids
  });

  it('gives every extracted endpoint whose single key is declared nullable a fallback key', () => {
    expect(findEndpoint('payroll/export/gross-pay-items')?.extract?.keyFallback).toEqual(expect.arrayContaining(['payrollId', 'date']));
    expect(findEndpoint('accounting/journal-entries')?.extract?.keyFallback).toEqual(['number']);
    expect(findEndpoint('accounting/payment-terms')?.extract?.keyFallback).toEqual(['name']);
  });

  it('reads the Intacct mappings from page 0 with includeTotal', () => {
    expect(findEndpoint('settings/business-units/intacct')).toMatchObject({
      defaultQuery: { includeTotal: 'true' },
      extract: { mode: 'list-full', firstPage: 0, maxPageSize: 500 },
    });
  });

  it('uses createdOn where rows have no modifiedOn', () => {
    expect(findEndpoint('jpm/export/job-canceled-logs')?.changeField).toBe('createdOn');
    expect(findEndpoint('memberships/export/membership-status-changes')?.changeField).toBe('createdOn');
    expect(findEndpoint('accounting/export/inventory-bills')?.changeField).toBe('modifiedOn'); // nullable, kept
    expect(findEndpoint('crm/export/customers')?.changeField).toBe('modifiedOn');
  });

  it("default queries ask for everything, in each endpoint's own dialect", () => {
    expect(findEndpoint('jpm/job-types')?.defaultQuery).toEqual({ active: 'Any', pageSize: '5000' });
    expect(findEndpoint('accounting/journal-entries')?.defaultQuery).toEqual({ pageSize: '500' });
    expect(findEndpoint('accounting/journal-entries')?.extract?.maxPageSize).toBe(500);
    expect(findEndpoint('accounting/invoices')?.defaultQuery).toEqual({ activeState: 'All', pageSize: '5000' });
    expect(findEndpoint('accounting/payments')?.defaultQuery).toEqual({ activeState: 'All', pageSize: '5000' });
    expect(findEndpoint('dispatch/teams')?.defaultQuery).toEqual({ includeInactive: 'true', pageSize: '5000' });
    expect(findEndpoint('inventory/return-types')?.defaultQuery).toEqual({ activeOnly: 'false', pageSize: '5000' });
    expect(findEndpoint('dispatch/non-job-appointments')?.defaultQuery).toEqual({ activeOnly: 'false', pageSize: '5000' });
    expect(findEndpoint('jpm/export/appointments')?.defaultQuery).toEqual({ active: 'Any' });
    expect(findEndpoint('dispatch/export/appointment-assignments')?.defaultQuery).toEqual({ active: 'Any' });
    expect(findEndpoint('crm/export/customers')?.defaultQuery).toEqual({});
    expect(findEndpoint('crm/customers/{id}')?.defaultQuery).toEqual({});
  });

  it('only sends query parameters the endpoint declares', () => {
    for (const d of catalog) {
      for (const param of Object.keys(d.defaultQuery)) expect(d.queryParams, `${d.name} ${param}`).toContain(param);
    }
  });

  it('table names are unique, plain lowercase identifiers of at most 63 characters', () => {
    const tables = extractedEndpoints({ includeOptIn: true }).map((d) => d.extract?.table ?? '');
    expect(new Set(tables).size).toBe(tables.length);
    for (const table of tables) expect(table).toMatch(/^[a-z_][a-z0-9_]{0,62}$/);
    expect(findEndpoint('crm/export/customers/contacts')?.extract?.table).toBe('crm_customers_contacts');
    expect(findEndpoint('payroll/export/jobs/timesheets')?.extract?.table).toBe('payroll_jobs_timesheets');
    expect(findEndpoint('marketing/categories')?.extract?.table).toBe('marketing_categories');
    expect(findEndpoint('customer-interactions/export/technician-ratings')?.extract?.table).toBe(
      'customer_interactions_technician_ratings',
    );
  });

  it('descriptors are frozen: callers cannot change the shared catalog', () => {
    const d = findEndpoint('crm/export/customers');
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d?.defaultQuery)).toBe(true);
  });
});
