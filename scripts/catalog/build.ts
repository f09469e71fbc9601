/**
 * Builds the whole catalog from a folder of OpenAPI documents and checks it. Every GET path of every
 * document becomes one descriptor, and so does each POST listed in ./post-endpoints.ts. The checks make the generator fail loudly rather than write a
 * catalog the extractor would trip over: too few export paths, duplicate names, extracted endpoints
 * without a key, bad or duplicate table names, selections naming endpoints that do not exist, and
 * per-parent plans whose parent is not extracted.
 */
import type { EndpointDescriptor } from '../../src/catalog/types.js';
import { getOperations, readSpecs } from '../openapi/spec-reader.js';
import { describeOperation, type EndpointFacts } from './describe.js';
import { canonicalNames } from './names.js';
import { planFor } from './plan.js';
import { postEndpoints, postOperations } from './post-endpoints.js';
import { extractedListNames, perParentEndpoints } from './selection.js';
import { tableNameProblem } from './table-name.js';

/** ServiceTitan publishes 53 export paths (52 feeds and one legacy alias, reference section 3). */
export const EXPECTED_EXPORT_PATHS = 53;

/** Reads every `*.json` document in `openapiDir` (sorted by file name) and returns the checked catalog, sorted by name. */
export function buildCatalog(openapiDir: string): EndpointDescriptor[] {
  const specs = readSpecs(openapiDir);
  const found = specs.flatMap(getOperations);
  const names = canonicalNames(found.map((f) => f.location));
  const described = found.map((f, i) => describeOperation(f.doc, names[i], f.location, f.operation));
  const catalog = described.map(({ descriptor, facts }) => withPlan(descriptor, facts));
  // The few POST operations read as data, listed explicitly (./post-endpoints.ts).
  catalog.push(...postOperations(specs).map((p) => p.descriptor));
  catalog.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  checkCatalog(catalog);
  return catalog;
}

function withPlan(descriptor: EndpointDescriptor, facts: EndpointFacts): EndpointDescriptor {
  return { ...descriptor, extract: planFor(descriptor, facts) };
}

function checkCatalog(catalog: EndpointDescriptor[]): void {
  const problems: string[] = [];
  const byName = new Map<string, EndpointDescriptor>();
  for (const d of catalog) {
    if (byName.has(d.name)) problems.push(`duplicate endpoint name ${d.name}`);
    byName.set(d.name, d);
  }
  const exportPaths = catalog.filter((d) => d.kind === 'export').length;
  if (exportPaths < EXPECTED_EXPORT_PATHS) problems.push(`found ${exportPaths} export paths, expected at least ${EXPECTED_EXPORT_PATHS}`);

  const tables = new Map<string, string>();
  for (const d of catalog) {
    if (!d.extract) continue;
    if (d.key.length === 0) problems.push(`${d.name} is extracted but has no record key`);
    const problem = tableNameProblem(d.extract.table);
    if (problem) problems.push(`${d.name}: table name ${problem}`);
    const other = tables.get(d.extract.table);
    if (other) problems.push(`table ${d.extract.table} is used by both ${other} and ${d.name}`);
    tables.set(d.extract.table, d.name);
    const parent = d.extract.parent;
    if (parent) {
      const parentDescriptor = byName.get(parent.endpoint);
      if (!parentDescriptor?.extract || parentDescriptor.extract.optIn)
        problems.push(`${d.name}: parent ${parent.endpoint} is not extracted by default`);
      else if (!parentDescriptor.key.includes(parent.field))
        problems.push(`${d.name}: parent field ${parent.field} is not a key of ${parent.endpoint}`);
    }
  }
  for (const name of [...extractedListNames, ...Object.keys(perParentEndpoints), ...Object.keys(postEndpoints)]) {
    if (!byName.get(name)?.extract) problems.push(`selected endpoint ${name} is not in the OpenAPI documents`);
  }
  if (problems.length > 0) throw new Error(`catalog check failed:\n  ${problems.join('\n  ')}`);
}
