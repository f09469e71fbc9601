/**
 * How configuration values appear inside problem messages. Only non-secret values ever reach
 * `showValue`; URLs go through `showUrl`, which masks the password and drops the query string
 * (libpq query parameters can carry a password too).
 */
const MAX = 80;

/** A value as the user wrote it: strings quoted, long values shortened. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (value === undefined) text = 'undefined';
  else if (Array.isArray(value)) text = 'an array';
  else if (typeof value === 'object') text = 'an object';
  else text = typeof value;
  return text.length > MAX ? text.slice(0, MAX - 1) + '…' : text;
}

/** The JSON type of a value in words, for "must be a string, not a number" messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * A URL with its password masked, quoted for a message, or `(value not shown)` when the text does
 * not look like a URL at all (a libpq keyword string such as `host=… password=…` must not be
 * echoed). Over-masks rather than under-masks: everything between the first `:` after the scheme
 * and the last `@` is treated as the password.
 */
export function showUrl(text: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is.exec(text.trim());
  if (!scheme) return '(value not shown)';
  let rest = scheme[2];
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    rest = (colon >= 0 ? `${user}:***` : user) + rest.slice(at);
  }
  const query = rest.search(/[?#]/);
  if (query >= 0) rest = rest.slice(0, query) + '?…';
  return showValue(scheme[1] + rest);
}
