/**
 * URL building for API calls. Contract: credentials are only ever sent to the configured API
 * origin — an absolute URL on another origin is refused, so a stray `url` can never carry the
 * bearer token or app key elsewhere.
 */
import { AtlasError } from '../errors.js';
import { redactText } from '../log/redact.js';
import type { Query } from './types.js';

/** Absolute URL for `pathOrUrl` (absolute, or relative to `apiUrl`) with `query` merged in. */
export function buildUrl(apiUrl: string, pathOrUrl: string, query: Query | undefined): URL {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  const isAbsolute = /^https?:\/\//i.test(pathOrUrl);
  const url = isAbsolute ? new URL(pathOrUrl) : new URL(pathOrUrl.replace(/^\/+/, ''), base);
  if (url.origin !== base.origin) {
    throw new AtlasError(
      'ENDPOINT_ARGUMENT',
      `refusing to send credentials to ${url.origin}: URLs must be on the configured apiUrl (${base.origin})`,
    );
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/**
 * Short name of a request for messages when the caller gave none: the path below `apiUrl`
 * without the query (which may hold continuation tokens or filters), e.g.
 * `crm/v2/tenant/123/export/customers`.
 */
export function pathLabel(apiUrl: string, url: URL): string {
  const basePath = new URL(apiUrl).pathname.replace(/\/+$/, '');
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  return redactText(path.replace(/^\/+/, ''));
}
