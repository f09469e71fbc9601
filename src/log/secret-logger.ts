/**
 * A logger that masks one SecretSet's values before handing each line to another logger, so a
 * client's credentials and current token are hidden in whatever logger its caller gave it (which
 * then applies the process-wide redaction as usual).
 */
import type { LogFields, Logger } from './logger.js';
import type { SecretSet } from './secret-set.js';

export function loggerWithSecrets(inner: Logger, secrets: SecretSet): Logger {
  const fields = (given: LogFields | undefined): LogFields | undefined =>
    given === undefined ? undefined : (secrets.redactValue(given) as LogFields);
  return {
    debug: (message, given) => inner.debug(secrets.redactText(message), fields(given)),
    info: (message, given) => inner.info(secrets.redactText(message), fields(given)),
    warn: (message, given) => inner.warn(secrets.redactText(message), fields(given)),
    error: (message, given) => inner.error(secrets.redactText(message), fields(given)),
    child: (bound) => loggerWithSecrets(inner.child(secrets.redactValue(bound) as LogFields), secrets),
  };
}
