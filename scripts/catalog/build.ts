/**
 * Builds the whole catalog from a folder of OpenAPI documents and checks it. Every GET path of every
 * document becomes one descriptor. The checks make the generator fail loudly rather than write a
 * catalog the extractor would trip over: too few export paths, duplicate names, extracted endpoints
 * without a key, bad or duplicate table names, selections naming endpoints that do not exist, and
 * per-parent plans whose parent is not extracted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointDescriptor } from '../../src/catalog/types.js';
import { describeOperation, type EndpointFacts } from './describe.js';
import { locate, type Location } from './locate.js';
import type { OpenApiDocument, OperationObject } from './openapi.js';
import { planFor } from './plan.js';
import { extractedListNames, perParentEndpoints } from './selection.js';
import { tableNameProblem } from './table-name.js';

/** ServiceTitan publishes 53 export paths (52 feeds and one legacy alias, reference section 3). */
export const EXPECTED_EXPORT_PATHS = 53;

interface Found {
  doc: OpenApiDocument;
  location: Location;
  operation: OperationObject;
}

/** Reads every `*.json` document in `openapiDir` (sorted by file name) and returns the checked catalog, sorted by name. */
export function buildCatalog(openapiDir: string): EndpointDescriptor[] {
  const files = readdirSync(openapiDir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no OpenAPI documents (*.json) in ${openapiDir}`);
  const found: Found[] = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(openapiDir, file), 'utf8')) as OpenApiDocument;
    const server = doc.servers?.[0]?.url;
    if (!server) throw new Error(`${file}: no servers[0].url`);
    for (const [openApiPath, item] of Object.entries(doc.paths ?? {})) {
      if (item.get) found.push({ doc, location: locate(server, openApiPath), operation: item.get });
    }
  }

  const names = canonicalNames(found.map((f) => f.location));
  const described = found.map((f, i) => describeOperation(f.doc, names[i], f.location, f.operation));
  const catalog = described.map(({ descriptor, facts }) => withPlan(descriptor, facts));
  catalog.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  checkCatalog(catalog);
  return catalog;
}

function withPlan(descriptor: EndpointDescriptor, facts: EndpointFacts): EndpointDescriptor {
  return { ...descriptor, extract: planFor(descriptor, facts) };
}

/**
 * `<module>/<path>`; when one module path exists in several URL versions (telecom `calls` in v2 and
 * v3) the newest keeps the plain name and older ones become `<module>/<version>/<path>`.
 */
export function canonicalNames(locations: Location[]): string[] {
  const newest = new Map<string, number>();
  for (const { module, path, version } of locations) {
    const plain = `${module}/${path}`;
    newest.set(plain, Math.max(newest.get(plain) ?? 0, versionNumber(version)));
  }
  return locations.map(({ module, path, version }) => {
    const plain = `${module}/${path}`;
    return versionNumber(version) === newest.get(plain) ? plain : `${module}/${version}/${path}`;
  });
}

function versionNumber(version: string): number {
  return Number(version.slice(1));
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
      if (!parentDescriptor?.extract || parentDescriptor.extract.optIn) problems.push(`${d.name}: parent ${parent.endpoint} is not extracted by default`);
      else if (!parentDescriptor.key.includes(parent.field)) problems.push(`${d.name}: parent field ${parent.field} is not a key of ${parent.endpoint}`);
    }
  }
  for (const name of [...extractedListNames, ...Object.keys(perParentEndpoints)]) {
    if (!byName.get(name)?.extract) problems.push(`selected endpoint ${name} is not in the OpenAPI documents`);
  }
  if (problems.length > 0) throw new Error(`catalog check failed:\n  ${problems.join('\n  ')}`);
}
