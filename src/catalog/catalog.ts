/**
 * The endpoint catalog at run time: every descriptor generated from ServiceTitan's OpenAPI
 * documents (src/catalog/data, see scripts/generate-catalog.ts), sorted by name, plus lookups.
 * Descriptors are frozen: callers share them, so nobody may edit one in place.
 */
import { catalogModules } from './data/index.js';
import { loadDescriptors } from './load.js';
import type { EndpointDescriptor } from './types.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Every endpoint, sorted by canonical name. */
export const catalog: readonly EndpointDescriptor[] = deepFreeze(
  loadDescriptors(catalogModules).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
);

const byName = new Map(catalog.map((d) => [d.name, d]));

/** The descriptor with this canonical name (`crm/export/customers`), or undefined. No seed names here: see resolveEndpoint. */
export function findEndpoint(name: string): EndpointDescriptor | undefined {
  return byName.get(name);
}

/**
 * The endpoints `atlas build` extracts, in name order: those with an extraction plan, without the
 * opt-in per-parent ones unless `includeOptIn`.
 */
export function extractedEndpoints(options: { includeOptIn?: boolean } = {}): EndpointDescriptor[] {
  return catalog.filter((d) => d.extract !== null && (options.includeOptIn === true || !d.extract.optIn));
}
