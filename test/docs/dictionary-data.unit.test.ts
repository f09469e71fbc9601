/**
 * The data dictionary's generated data (src/docs/data/typed-view-columns.json) equals a fresh
 * generation from openapi/, covers every typed view with exactly its columns, and carries the
 * OpenAPI field descriptions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typedViewDictionary } from '../../scripts/typed-views/dictionary.js';
import { knownStagingTables, loadModels } from '../../src/models/index.js';
import { projectRoot } from '../support/project-root.js';

const committed = JSON.parse(readFileSync(join(projectRoot, 'src/docs/data/typed-view-columns.json'), 'utf8'));

describe('src/docs/data/typed-view-columns.json', () => {
  it('equals what `npm run generate:dictionary` writes today', () => {
    expect(committed).toEqual(typedViewDictionary(join(projectRoot, 'openapi/servicetitan')));
  });

  it('has every typed view, each with the columns its SQL selects, in order', () => {
    const views = loadModels(knownStagingTables()).filter((m) => m.file.startsWith('staging/'));
    expect(Object.keys(committed).sort()).toEqual(views.map((v) => v.name).sort());
    for (const view of views) {
      const selected = [...view.body.matchAll(/ as "([a-z0-9_]+)"/g)].map((m) => m[1]);
      expect({ view: view.name, columns: committed[view.name].columns.map((c: { name: string }) => c.name) }).toEqual({
        view: view.name,
        columns: selected,
      });
    }
  });

  it('carries field descriptions and real types', () => {
    const customers = new Map(committed.crm_customers.columns.map((c: { name: string }) => [c.name, c]));
    expect(customers.get('do_not_service')).toEqual({
      name: 'do_not_service',
      type: 'boolean',
      description: 'Customer has been flagged as “do not service”',
    });
    expect(customers.get('tenant_id')).toEqual({ name: 'tenant_id', type: 'bigint' });
    expect(committed.accounting_invoices.columns.find((c: { name: string }) => c.name === 'invoice_date').type).toBe('date');
  });
});
