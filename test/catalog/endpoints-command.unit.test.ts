import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { catalogListing, extractedEndpoints, formatListing } from '../../src/catalog/index.js';
import { registerEndpointsCommand } from '../../src/cli/commands/endpoints.js';
import { addGlobalOptions, createCliContext } from '../../src/cli/context.js';

/** Runs `atlas [--schema S] endpoints ARGS` in-process; anything written to stderr fails the call. */
async function runEndpoints(args: string[], schema?: string): Promise<string> {
  let out = '';
  let err = '';
  const program = addGlobalOptions(new Command().exitOverride().configureOutput({ writeErr: () => {} }));
  registerEndpointsCommand(program, createCliContext(program, { stdout: (s) => (out += s), stderr: (s) => (err += s) }));
  await program.parseAsync([...(schema ? ['--schema', schema] : []), 'endpoints', ...args], { from: 'user' });
  if (err) throw new Error(err);
  return out;
}

describe('catalogListing', () => {
  it('marks extraction and qualifies tables with the schema', () => {
    const rows = catalogListing('wh');
    expect(rows.find((r) => r.name === 'crm/export/customers')).toMatchObject({
      kind: 'export',
      key: ['id'],
      extracted: true,
      optIn: false,
      mode: 'export',
      table: 'wh.crm_customers',
    });
    expect(rows.find((r) => r.name === 'crm/customers/{id}/notes')).toMatchObject({
      extracted: false,
      optIn: true,
      table: 'wh.crm_customers_notes',
    });
    expect(rows.find((r) => r.name === 'crm/customers/{id}')).toMatchObject({ extracted: false, optIn: false, mode: null, table: null });
  });
});

describe('atlas endpoints', () => {
  it('--json prints every endpoint with the documented fields', async () => {
    const rows = JSON.parse(await runEndpoints(['--json'])) as Array<Record<string, unknown>>;
    expect(rows.length).toBe(catalogListing('atlas').length);
    for (const field of ['name', 'module', 'version', 'path', 'kind', 'key', 'extracted', 'optIn', 'table'])
      expect(rows[0]).toHaveProperty(field);
    expect(rows.find((r) => r.name === 'jpm/job-types')?.table).toBe('atlas.jpm_job_types');
  });

  it('filters by --kind and --extracted, qualifying tables with the --schema flag', async () => {
    const rows = JSON.parse(await runEndpoints(['--json', '--kind', 'export', '--extracted'], 'staging')) as Array<{
      name: string;
      table: string;
    }>;
    expect(rows).toHaveLength(52);
    expect(rows.every((r) => r.table.startsWith('staging.'))).toBe(true);
    const extracted = JSON.parse(await runEndpoints(['--json', '--extracted'])) as unknown[];
    expect(extracted).toHaveLength(extractedEndpoints().length);
  });

  it('rejects an unknown --kind', async () => {
    await expect(runEndpoints(['--kind', 'bogus'])).rejects.toThrow(/bogus/);
  });

  it('prints an aligned table by default', async () => {
    const text = await runEndpoints(['--kind', 'id']);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+KEY\s+EXTRACT\s+TABLE$/);
    expect(text).toContain('crm/customers/{id}/notes');
    expect(text).toMatch(/list-full \(opt-in\)\s+atlas\.crm_customers_notes/);
    expect(lines.at(-1)).toMatch(/^\d+ endpoints, 0 extracted by default, 6 opt-in$/);
    expect(text).toBe(formatListing(catalogListing('atlas', { kind: 'id' })));
  });
});
