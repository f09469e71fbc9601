/**
 * `${NAME}` references in config-file string values, replaced from the environment, so the file
 * can be committed while secrets stay in the environment. Only `${NAME}` with NAME a valid
 * variable name is a reference; any other `$` is kept as written. Values of comment keys (`//…`)
 * are left alone. A reference to an unset variable is a problem naming the key path and the
 * variable; an empty variable substitutes the empty string (later checks may reject that).
 *
 * A string with an unset reference becomes `undefined`, as if the key were absent: the broken
 * text (say a URL whose password is literally `${DB_PASSWORD}`) then travels no further, and the
 * later "is not set" check of the same key path is silenced by Problems' one-problem-per-label.
 */
import { isCommentKey, keyPath } from './known-keys.js';
import type { Problems } from './problems.js';

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, path: string, problems: Problems): unknown {
  if (typeof value === 'string') {
    const unset: string[] = [];
    const out = value.replace(reference, (whole, name: string) => {
      const replacement = env[name];
      if (replacement !== undefined) return replacement;
      if (!unset.includes(name)) unset.push(name);
      return whole;
    });
    if (unset.length === 0) return out;
    const refs = unset.map((name) => `\${${name}}`).join(' and ');
    problems.add(path, `refers to ${refs}, which ${unset.length === 1 ? 'is' : 'are'} not set: set ${unset.join(' and ')} in the environment, or write the value in place of the reference`);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((item, index) => substituteEnv(item, env, `${path}[${index}]`, problems));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isCommentKey(key) ? item : substituteEnv(item, env, keyPath(path, key), problems);
    }
    return out;
  }
  return value;
}
