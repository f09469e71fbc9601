/**
 * The generator: deterministic output equal to the committed data (catches stale data after an
 * OpenAPI update or a rule change), and loud failures on documents it cannot turn into a sound catalog.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../scripts/catalog/build.js';
import { canonicalNames } from '../../scripts/catalog/names.js';
import { locate } from '../../scripts/openapi/spec-reader.js';
import { tableNameFor, tableNameProblem } from '../../scripts/catalog/table-name.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const _openapiDir = resolve(projectRoot, 'openapi/servicetitan');
const dataDir = resolve(projectRoot, 'src/catalog/data');
const tsx = resolve(projectRoot, 'node_modules/.bin/tsx');
const scratch = mkdtempSync(join(tmpdir(), 'atlas-catalog-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runGenerator(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(tsx, ['scripts/generate-catalog.ts', ...args], { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A one-module document with `count` export paths, the first one's rows lacking an id. */
function writeSyntheticDocs(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const properties = i === 0 ? { name: { type: 'string' } } : { id: { type: 'integer' }, modifiedOn: { type: 'string' } };
    paths[`/tenant/{tenant}/export/thing-${String(i).padStart(2, '0')}`] = {
      get: {
        summary: `feed ${i}`,
        parameters: [{ name: 'from', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties } } } },
              },
            },
          },
        },
      },
    };
  }
  writeFileSync(join(dir, 'fake-v2.json'), JSON.stringify({ servers: [{ url: 'https://api.servicetitan.io/fake/v2' }], paths }));
}

describe('generate-catalog', () => {
  it('reproduces the committed data byte for byte', () => {
    const out = join(scratch, 'data');
    const run = runGenerator(['--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Every GET path (314) and the one POST read as data (dispatch capacity).
    expect(run.stdout).toMatch(/315 endpoints \(53 export paths\)/);
    const committed = readdirSync(dataDir).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file), 'utf8'), `${file} is stale: run npm run generate:catalog`).toBe(
        readFileSync(join(dataDir, file), 'utf8'),
      );
    }
  });

  it('writes 2-space JSON with a trailing newline, sorted by name', () => {
    const text = readFileSync(join(dataDir, 'crm.json'), 'utf8');
    expect(text.endsWith(']\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  {');
    const names = (JSON.parse(text) as Array<{ name: string }>).map((d) => d.name);
    expect(names).toEqual([...names].sort());
  });

  it('fails loudly, writing nothing, when the documents hold too few export paths', () => {
    const docs = join(scratch, 'few');
    writeSyntheticDocs(docs, 3);
    const out = join(scratch, 'few-out');
    const run = runGenerator(['--openapi', docs, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('found 3 export paths, expected at least 53');
    expect(existsSync(out)).toBe(false);
  });

  it('fails on an extracted endpoint without a key, and on selected endpoints missing from the documents', () => {
    const docs = join(scratch, 'keyless');
    writeSyntheticDocs(docs, 53);
    expect(() => buildCatalog(docs)).toThrow(/fake\/export\/thing-00 is extracted but has no record key/);
    expect(() => buildCatalog(docs)).toThrow(/selected endpoint jpm\/job-types is not in the OpenAPI documents/);
  });
});

describe('generator rules', () => {
  it("locates module, version and path, including telecom's versioned paths", () => {
    expect(locate('https://api.servicetitan.io/crm/v2', '/tenant/{tenant}/export/customers')).toEqual({
      module: 'crm',
      version: 'v2',
      path: 'export/customers',
    });
    expect(locate('https://api.servicetitan.io/telecom', '/v3/tenant/{tenant}/calls')).toEqual({
      module: 'telecom',
      version: 'v3',
      path: 'calls',
    });
    expect(() => locate('https://api.servicetitan.io/telecom', '/tenant/{tenant}/calls')).toThrow(/no version/);
  });

  it('keeps the plain name for the newest version of a path', () => {
    expect(
      canonicalNames([
        { module: 'telecom', version: 'v2', path: 'calls' },
        { module: 'telecom', version: 'v3', path: 'calls' },
        { module: 'telecom', version: 'v2', path: 'calls/{id}' },
      ]),
    ).toEqual(['telecom/v2/calls', 'telecom/calls', 'telecom/calls/{id}']);
  });

  it('derives table names and rejects bad ones', () => {
    expect(tableNameFor('crm', 'export/customers/contacts')).toBe('crm_customers_contacts');
    expect(tableNameFor('crm', 'customers/{id}/notes')).toBe('crm_customers_notes');
    expect(tableNameFor('service-agreements', 'export/service-agreements')).toBe('service_agreements_service_agreements');
    expect(tableNameProblem('crm_customers')).toBeNull();
    expect(tableNameProblem('x'.repeat(64))).toMatch(/longer than 63/);
    expect(tableNameProblem('crm.customers')).toMatch(/not a plain lowercase identifier/);
  });
});
