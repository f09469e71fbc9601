/**
 * Progress of a build or sync, as the pipeline reports it: an endpoint starts, loads pages, ends.
 * The library's reporter writes log lines (CI, cron, pipes; JSON with `--json`, the logger's
 * format); the CLI adds live terminal bars (src/cli/progress-bars.ts).
 */
import type { EndpointProgress } from '../extract/types.js';
import type { Logger } from '../log/logger.js';
import { pickFigures } from '../runs/run-figures.js';
import type { EndpointOutcome } from './outcomes.js';

export interface ProgressReporter {
  endpointStarted(tenant: string, endpoint: string): void;
  page(progress: EndpointProgress): void;
  endpointFinished(tenant: string, endpoint: string, outcome: EndpointOutcome): void;
  close(): void;
}

/** Log lines: at most one per endpoint every `everyMs`, plus start and finish. */
export function logProgress(logger: Logger, everyMs = 5000): ProgressReporter {
  const lastLine = new Map<string, number>();
  return {
    endpointStarted(tenant, endpoint) {
      lastLine.set(`${tenant}/${endpoint}`, Date.now());
      logger.debug('endpoint started', { tenant, endpoint });
    },
    page(progress) {
      const id = `${progress.tenant}/${progress.endpoint}`;
      if (Date.now() - (lastLine.get(id) ?? 0) < everyMs) return;
      lastLine.set(id, Date.now());
      const { pages, received, retries } = progress.figures;
      logger.info('loading', { tenant: progress.tenant, endpoint: progress.endpoint, pages, rows: received, retries });
    },
    endpointFinished(tenant, endpoint, outcome) {
      const fields = { tenant, endpoint, status: outcome.status, ...pickFigures(outcome), error: outcome.error };
      if (outcome.status === 'failed') logger.error('endpoint failed', fields);
      else if (outcome.status === 'interrupted') logger.warn('endpoint interrupted', fields);
      else logger.info('endpoint done', fields);
    },
    close() {},
  };
}
