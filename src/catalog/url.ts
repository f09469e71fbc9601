/**
 * Builds the request URL of an endpoint:
 * `${apiUrl}/${module}/${version}/tenant/${tenantId}/${path}` with every `{placeholder}` replaced by
 * its URL-encoded value. A missing (or empty) value and a value for a placeholder the path does not
 * have are both ENDPOINT_ARGUMENT errors: a wrong URL would only come back as a 404 later.
 */
import { AtlasError } from '../errors.js';
import type { EndpointDescriptor } from './types.js';

export interface EndpointUrlOptions {
  /** Base API URL, e.g. `https://api.servicetitan.io` (a trailing slash is ignored). */
  apiUrl: string;
  tenantId: string | number;
  /** Placeholder values by placeholder name (`{ id: 42 }`, `{ report_category: 'operations', reportId: 175 }`). */
  params?: Readonly<Record<string, string | number | bigint>>;
}

type Target = Pick<EndpointDescriptor, 'name' | 'module' | 'version' | 'path' | 'pathParams'>;

export function endpointUrl(descriptor: Target, options: EndpointUrlOptions): string {
  const params = options.params ?? {};
  for (const given of Object.keys(params)) {
    if (!descriptor.pathParams.includes(given)) {
      throw new AtlasError('ENDPOINT_ARGUMENT', `${descriptor.name} has no path parameter "${given}"${describeParams(descriptor)}`);
    }
  }
  const path = descriptor.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || String(value) === '') {
      throw new AtlasError(
        'ENDPOINT_ARGUMENT',
        `${descriptor.name} needs a value for path parameter "${name}"${describeParams(descriptor)}`,
        {
          details: { endpoint: descriptor.name, parameter: name },
        },
      );
    }
    return encodeURIComponent(String(value));
  });
  const base = options.apiUrl.replace(/\/+$/, '');
  return `${base}/${descriptor.module}/${descriptor.version}/tenant/${encodeURIComponent(String(options.tenantId))}/${path}`;
}

function describeParams(descriptor: Target): string {
  return descriptor.pathParams.length === 0 ? ' (it takes none)' : ` (it takes ${descriptor.pathParams.map((p) => `"${p}"`).join(', ')})`;
}
