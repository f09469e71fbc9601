/**
 * Collects configuration problems so one run reports all of them together (one per line) in a
 * single ConfigError, instead of making the user fix them one at a time.
 *
 * Contract: every line starts with the key path or variable it is about (`label`), then says what
 * is wrong and gives an example of a good value. Callers never put a secret into `detail`: secret
 * values are described as "is set" / "is empty", never echoed.
 */
import { AtlasError, ConfigError, type AtlasErrorCode, type AtlasErrorOptions } from '../errors.js';

export class Problems {
  private readonly lines = new Map<string, string>();

  /**
   * Records `${label} ${detail}`. Only the first problem per label is kept: once a value is known
   * to be broken (say an unset `${NAME}` reference), later checks of it would only repeat that.
   */
  add(label: string, detail: string): void {
    if (!this.lines.has(label)) this.lines.set(label, `${label} ${detail}`);
  }

  /** True when `label` already has a problem (so a dependent check can stay quiet). */
  has(label: string): boolean {
    return this.lines.has(label);
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
  const message = `Atlas configuration is invalid (${problems.length} ${noun}; ${context}):\n` + problems.map((line) => `- ${line}`).join('\n');
  const options = { details: { problems } };
  return notFound ? new ConfigNotFoundError(message, options) : new ConfigError(message, options);
}
