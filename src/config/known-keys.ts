/**
 * Unknown-key checks for every object in the configuration: a misspelt key is otherwise silently
 * ignored and its default used, which is the hardest kind of config bug to notice.
 *
 * Keys starting with `//` are comments (JSON has none), so `"// tenants": "…"` is allowed anywhere.
 */
import { closest } from './closest.js';
import type { Problems } from './problems.js';

export function isCommentKey(key: string): boolean {
  return key.startsWith('//');
}

/**
 * Reports each key of `object` not in `known`, suggesting the closest known key. `path` is the
 * object's key path (`tenants[0]`), or a function naming a key for objects outside the config file.
 */
export function checkKeys(object: Record<string, unknown>, known: readonly string[], path: string | ((key: string) => string), problems: Problems): void {
  for (const key of Object.keys(object)) {
    if (isCommentKey(key) || known.includes(key)) continue;
    const label = typeof path === 'string' ? keyPath(path, key) : path(key);
    const suggestion = closest(key, known);
    problems.add(
      label,
      suggestion
        ? `is not a known key: did you mean "${suggestion}"?`
        : `is not a known key: expected one of ${known.map((name) => `"${name}"`).join(', ')}`,
    );
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path.key`, or `path["odd key"]` when the key is not a plain name (keeps one problem per line). */
export function keyPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]{0,63}$/.test(key)) return path ? `${path}.${key}` : key;
  const quoted = JSON.stringify(key.length > 40 ? key.slice(0, 39) + '…' : key);
  return `${path}[${quoted}]`;
}
