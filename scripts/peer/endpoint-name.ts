/**
 * A peer URL template under Atlas's canonical endpoint name (src/catalog/types.ts): `<module>/<path>`,
 * or the catalog's name for the GET at the same module, URL version and path shape, whatever the
 * placeholders are called (`/crm/v2/tenant/{tenant}/customers/{customer_id}/notes` →
 * `crm/customers/{id}/notes`; `/telecom/v2/tenant/{tenant}/calls` → `telecom/v2/calls`).
 * A URL segment that is not a catalog module is compared without its hyphens too: the peer calls
 * `taskmanagement` `task-management`.
 */
import type { EndpointDescriptor } from '../../src/catalog/types.js';

const shape = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');

export function atlasEndpointName(url: string, method: string, descriptors: readonly EndpointDescriptor[]): string {
  const match = /^\/([^/]+)\/(v\d+)\/tenant\/\{[^}]+\}\/(.+)$/.exec(url);
  if (!match) throw new Error(`not a tenant URL template: ${url}`);
  const [, segment, version, path] = match;
  const modules = new Set(descriptors.map((d) => d.module));
  const module = modules.has(segment) || !modules.has(segment.replaceAll('-', '')) ? segment : segment.replaceAll('-', '');
  const same =
    method === 'GET' ? descriptors.find((d) => d.module === module && d.version === version && shape(d.path) === shape(path)) : undefined;
  return same ? same.name : `${module}/${path}`;
}
