/**
 * Titanpy's `Get(endpoint, query, id, category, url)` over a client: the name is resolved here,
 * in the catalog layer (see get-target.ts), and the client is handed only the resulting URL and
 * query. Resolves with the response body; argument errors are raised before any request is sent.
 */
import type { Query, RequestContext } from '../client/types.js';
import { resolveGetTarget, type GetOptions } from './get-target.js';

/** What getEndpoint needs of a client (ServiceTitanClient has it). */
export interface EndpointRequester {
  /** The tenant's API base URL and id, to build catalog URLs with. */
  readonly apiUrl: string;
  readonly tenantId: string;
  request<T = unknown>(pathOrUrl: string, query?: Query, context?: RequestContext): Promise<{ body: T }>;
}

export async function getEndpoint<T = unknown>(
  client: EndpointRequester,
  endpoint: string | undefined,
  options: GetOptions = {},
): Promise<T> {
  const target = resolveGetTarget(endpoint, options, { apiUrl: client.apiUrl, tenantId: client.tenantId });
  const response = await client.request<T>(target.url, target.query, { endpoint: target.label });
  return response.body;
}
