/**
 * graphile-worker's log lines through Atlas's logger (so they are redacted, and JSON with
 * `--json`), under `component=queue`. Its routine chatter is debug; warnings and errors stay.
 */
import { Logger as GraphileLogger } from 'graphile-worker';
import type { Logger } from '../log/logger.js';

export function queueLogger(logger: Logger): GraphileLogger {
  const queue = logger.child({ component: 'queue' });
  return new GraphileLogger(() => (level, message) => {
    if (level === 'error') queue.error(message);
    else if (level === 'warning') queue.warn(message);
    else queue.debug(message);
  });
}
