/**
 * Which endpoints a build extracts: every extracted, non-opt-in endpoint of the catalog, or the
 * `include` list (catalog or seed names; opt-in per-parent endpoints only this way), minus
 * `exclude`. Naming an endpoint the catalog cannot extract is an error, not a silent skip.
 */
import { extractedEndpoints, resolveEndpoint } from '../catalog/index.js';
import type { EndpointDescriptor } from '../catalog/types.js';
import type { EndpointSelection } from '../config/types.js';
import { AtlasError } from '../errors.js';

function resolveExtractable(name: string): EndpointDescriptor {
  const descriptor = resolveEndpoint(name);
  if (!descriptor.extract) {
    const alternatives = extractedEndpoints({ includeOptIn: true })
      .filter((candidate) => candidate.module === descriptor.module)
      .map((candidate) => candidate.name)
      .slice(0, 8);
    throw new AtlasError(
      'ENDPOINT_ARGUMENT',
      `${descriptor.name} is not an endpoint a build extracts; extracted endpoints of ${descriptor.module}: ${alternatives.join(', ') || 'none'}`,
    );
  }
  return descriptor;
}

export function selectEndpoints(selection: EndpointSelection): EndpointDescriptor[] {
  const chosen = selection.include.length > 0 ? selection.include.map(resolveExtractable) : extractedEndpoints({ includeOptIn: false });
  const excluded = new Set(selection.exclude.map((name) => resolveEndpoint(name).name));
  const unique = new Map(chosen.filter((d) => !excluded.has(d.name)).map((d) => [d.name, d]));
  return [...unique.values()];
}
