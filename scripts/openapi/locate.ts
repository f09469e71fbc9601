/**
 * Where an OpenAPI path lives: module and URL version from `servers[0].url` plus the path.
 * Most documents have a server like `https://api.servicetitan.io/crm/v2` and paths like
 * `/tenant/{tenant}/export/customers`; telecom's server is `…/telecom` and its paths carry the
 * version themselves (`/v3/tenant/{tenant}/calls`).
 */
export interface Location {
  module: string;
  version: string;
  /** Path after `/tenant/{tenant}/`, placeholders kept. */
  path: string;
}

export function locate(serverUrl: string, openApiPath: string): Location {
  const serverSegments = new URL(serverUrl).pathname.split('/').filter(Boolean);
  const module = serverSegments[0];
  if (!module) throw new Error(`server URL ${serverUrl} has no module segment`);
  let version = serverSegments[1];
  let rest = openApiPath;
  if (version === undefined) {
    const versioned = /^\/(v\d+)(\/.*)$/.exec(openApiPath);
    if (!versioned) throw new Error(`${serverUrl}${openApiPath}: no version in server URL or path`);
    version = versioned[1];
    rest = versioned[2];
  }
  if (!/^v\d+$/.test(version)) throw new Error(`${serverUrl}${openApiPath}: unexpected version segment "${version}"`);
  const tenantPrefix = '/tenant/{tenant}/';
  if (!rest.startsWith(tenantPrefix)) throw new Error(`${serverUrl}${openApiPath}: path does not start with ${tenantPrefix}`);
  const path = rest.slice(tenantPrefix.length).replace(/\/+$/, '');
  if (!path) throw new Error(`${serverUrl}${openApiPath}: empty resource path`);
  return { module, version, path };
}

/** Placeholders of a path template, in order (`report-category/{report_category}/reports/{reportId}`). */
export function placeholdersOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}
