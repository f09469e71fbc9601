/**
 * Masks a SecretSet's values in an error already built, and in its causes: the client's last line
 * of defence for values only it knows (credentials given to it directly, its current token) that
 * a server might echo into a response body quoted in a message. AtlasError's own redaction covers
 * only the process-wide secrets. Rewrites in place and only where a value was found.
 */
import type { SecretSet } from './secret-set.js';

const MAX_CAUSES = 5;

export function scrubError<T>(error: T, secrets: SecretSet): T {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth <= MAX_CAUSES; depth++) {
    const target: Error & { details?: unknown } = current;
    const message = secrets.redactText(target.message);
    if (message !== target.message) target.message = message;
    if (target.stack !== undefined) {
      const stack = secrets.redactText(target.stack);
      if (stack !== target.stack) target.stack = stack;
    }
    if (target.details && typeof target.details === 'object') {
      Object.assign(target.details, secrets.redactValue(target.details));
    }
    current = target.cause;
  }
  return error;
}
