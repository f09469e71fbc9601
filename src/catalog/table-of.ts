/**
 * The staging table an endpoint would fill: `<module>_<resource>`, the `export` segment and path
 * placeholders dropped, `/` and `-` as `_` (the rule of scripts/catalog/table-name.ts, which the
 * generator applies). Used to find the extracted endpoint that already carries the same records.
 */
import type { EndpointDescriptor } from './types.js';

export function tableNameOf(descriptor: Pick<EndpointDescriptor, 'module' | 'path'>): string {
  const segments = descriptor.path.split('/').filter((s) => s !== 'export' && !/^\{.*\}$/.test(s));
  return [descriptor.module, ...segments].join('_').replace(/[-/]/g, '_').toLowerCase();
}
