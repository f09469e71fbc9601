/**
 * The Titanpy `Get(endpoint, query, id, category, url)` mapping onto the catalog: which URL and
 * query a `getEndpoint()` call means. Pure (no I/O); the client only ever sees the result.
 *
 * - `url` bypasses the catalog (absolute, or a path under apiUrl); `query` is sent as given.
 * - otherwise `endpoint` is resolved (canonical or seed name, `group` to disambiguate);
 *   `category` and a single `id` fill placeholders as the catalog's seedArguments says;
 *   an array of ids fills the non-category placeholders in order, or becomes `?ids=a,b` on
 *   endpoints without id placeholders that filter by `ids`;
 * - with no `query` the endpoint's `defaultQuery` applies (Titanpy's "default query").
 */
import type { Query } from '../client/types.js';
import { AtlasError } from '../errors.js';
import { resolveEndpoint } from './resolve.js';
import { categoryPlaceholderOf, seedArguments } from './seed-arguments.js';
import type { EndpointDescriptor } from './types.js';
import { endpointUrl } from './url.js';

export interface GetOptions {
  query?: Record<string, string | number | boolean>;
  id?: string | number | Array<string | number>;
  category?: string;
  url?: string;
  group?: string;
}

export interface GetTarget {
  url: string;
  query: Query | undefined;
  /** Name for logs and errors: the catalog name, or undefined for a raw URL (the path is used). */
  label: string | undefined;
}

export function resolveGetTarget(
  endpoint: string | undefined,
  options: GetOptions,
  tenant: { apiUrl: string; tenantId: string },
): GetTarget {
  if (options.url !== undefined && options.url !== '') return { url: options.url, query: options.query, label: undefined };
  if (endpoint === undefined || endpoint.trim() === '') {
    throw new AtlasError('ENDPOINT_ARGUMENT', 'get() needs an endpoint name (e.g. crm/export/customers) or a url');
  }
  const ids = options.id === undefined ? [] : Array.isArray(options.id) ? options.id : [options.id];
  const single = ids.length === 1 ? ids[0] : undefined;
  // seedArguments / manyIds check `id` and `category` against the endpoint, so resolveEndpoint is
  // not asked to check them as well.
  const descriptor = resolveEndpoint(endpoint, { group: options.group });
  if (descriptor.method === 'POST') {
    // A GET of it would only draw a 405: its body is built by the build (src/extract/capacity-walker.ts).
    throw new AtlasError(
      'ENDPOINT_ARGUMENT',
      `${descriptor.name} is read with POST, not GET; extract it with atlas build --endpoint ${descriptor.name}`,
    );
  }
  const seeded =
    ids.length > 1 ? manyIds(descriptor, ids, options.category) : seedArguments(descriptor, { id: single, category: options.category });
  const base: Query = options.query ?? { ...descriptor.defaultQuery };
  const query: Query = { ...base, ...seeded.query };
  return {
    url: endpointUrl(descriptor, { apiUrl: tenant.apiUrl, tenantId: tenant.tenantId, params: seeded.params }),
    query,
    label: descriptor.name,
  };
}

function manyIds(
  descriptor: EndpointDescriptor,
  ids: Array<string | number>,
  category: string | undefined,
): { params: Record<string, string>; query: Record<string, string> } {
  const { params } = seedArguments(descriptor, { category });
  const categoryPlaceholder = categoryPlaceholderOf(descriptor);
  const idPlaceholders = descriptor.pathParams.filter((p) => p !== categoryPlaceholder);
  if (idPlaceholders.length === ids.length) {
    idPlaceholders.forEach((placeholder, index) => {
      params[placeholder] = String(ids[index]);
    });
    return { params, query: {} };
  }
  if (idPlaceholders.length === 0 && descriptor.queryParams.includes('ids')) {
    return { params, query: { ids: ids.map(String).join(',') } };
  }
  throw new AtlasError(
    'ENDPOINT_ARGUMENT',
    `${descriptor.name} takes ${idPlaceholders.length} id(s)${idPlaceholders.length ? ` (${idPlaceholders.join(', ')})` : ''}, got ${ids.length}`,
  );
}
