/**
 * A URL with its password masked, for messages and hints: `postgres://atlas:***@db:5432/w?…`.
 *
 * Returns undefined when the text does not start with `scheme://` (a libpq `host=… password=…`
 * string, say): such text must not be shown at all. Over-masks rather than under-masks: everything
 * between the first `:` after the scheme and the last `@` counts as the password, and a query
 * string or fragment (libpq parameters such as `sslpassword` can carry secrets) becomes `?…`.
 */
export function maskUrlPassword(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is.exec(url.trim());
  if (!scheme) return undefined;
  let rest = scheme[2];
  const at = rest.lastIndexOf('@');
  const colon = rest.slice(0, Math.max(at, 0)).indexOf(':');
  if (at >= 0 && colon >= 0) rest = `${rest.slice(0, colon)}:***${rest.slice(at)}`;
  const query = rest.search(/[?#]/);
  return scheme[1] + (query >= 0 ? `${rest.slice(0, query)}?…` : rest);
}
