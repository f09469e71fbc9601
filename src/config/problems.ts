/**
 * Collects configuration problems so one run reports all of them together (one per line) in a
 * single ConfigError, instead of making the user fix them one at a time; and words the values they
 * quote.
 *
 * Contract: every line starts with the key path or variable it is about (`label`), then says what
 * is wrong and gives an example of a good value. Callers never put a secret into `detail`: secret
 * values are described as "is set" / "is empty", never echoed; URLs go through `showUrl`.
 */
import { type AtlasError, ConfigError, type AtlasErrorCode, type AtlasErrorOptions } from '../errors.js';
import { maskUrlPassword } from '../text/mask-url-password.js';

export class Problems {
  private readonly lines = new Map<string, string>();

  /**
   * Records `${label} ${detail}`. Only the first problem per label is kept: once a value is known
   * to be broken (say an unset `${NAME}` reference), later checks of it would only repeat that.
   */
  add(label: string, detail: string): void {
    if (!this.lines.has(label)) this.lines.set(label, `${label} ${detail}`);
  }

  get count(): number {
    return this.lines.size;
  }

  list(): string[] {
    return [...this.lines.values()];
  }
}

/**
 * A ConfigError whose code says a named file does not exist (CONFIG_NOT_FOUND), so callers that
 * catch ConfigError still catch it while the CLI can tell "fix the file" from "create the file".
 */
export class ConfigNotFoundError extends ConfigError {
  override readonly code: AtlasErrorCode = 'CONFIG_NOT_FOUND';
  constructor(message: string, options: AtlasErrorOptions = {}) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** One error for all problems: a header line, then one problem per line. */
export function configErrorFor(problems: string[], context: string, notFound = false): AtlasError {
  const noun = problems.length === 1 ? 'problem' : 'problems';
  const lines = problems.map((line) => `- ${line}`).join('\n');
  const message = `Atlas configuration is invalid (${problems.length} ${noun}; ${context}):\n${lines}`;
  const options = { details: { problems } };
  return notFound ? new ConfigNotFoundError(message, options) : new ConfigError(message, options);
}

const MAX_SHOWN = 80;

/** A non-secret value as the user wrote it: strings quoted, long values shortened. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (value === undefined) text = 'undefined';
  else if (Array.isArray(value)) text = 'an array';
  else if (typeof value === 'object') text = 'an object';
  else text = typeof value;
  return text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN - 1) + '…' : text;
}

/** The JSON type of a value in words, for "must be a string, not a number" messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A URL quoted with its password masked, or `(value not shown)` when it does not look like a URL at all. */
export function showUrl(text: string): string {
  const masked = maskUrlPassword(text);
  return masked === undefined ? '(value not shown)' : showValue(masked);
}
