/**
 * Progress of a build or sync. On a terminal: one live bar per running endpoint (pages, rows,
 * rate, retries). Elsewhere (CI, cron, pipes): one log line per batch of pages per endpoint, and
 * one when an endpoint ends; with `--json` those lines are JSON (the logger's format).
 */
import cliProgress from 'cli-progress';
import type { Logger } from '../log/logger.js';
import type { EndpointProgress, WalkResult } from '../extract/types.js';

/** What a finished endpoint reports (a subset of its run outcome). */
export type EndpointOutcomeSummary = Pick<WalkResult, 'pages' | 'received' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'deleted' | 'retries'> & {
  status: 'succeeded' | 'failed';
  error?: string;
};

export interface ProgressReporter {
  endpointStarted(tenant: string, endpoint: string): void;
  page(progress: EndpointProgress): void;
  endpointFinished(tenant: string, endpoint: string, outcome: EndpointOutcomeSummary): void;
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
      logger.info('loading', { tenant: progress.tenant, endpoint: progress.endpoint, pages: progress.pages, rows: progress.rows, retries: progress.retries });
    },
    endpointFinished(tenant, endpoint, outcome) {
      // Only the summary's own fields: callers pass whole run outcomes, which carry more.
      const { status, pages, received, inserted, updated, unchanged, rejected, deleted, retries, error } = outcome;
      const fields = { tenant, endpoint, status, pages, received, inserted, updated, unchanged, rejected, deleted, retries, error };
      if (outcome.status === 'failed') logger.error('endpoint failed', fields);
      else logger.info('endpoint done', fields);
    },
    close() {},
  };
}

/** Live bars on a terminal; finished endpoints leave the screen and are logged instead. */
export function terminalProgress(logger: Logger, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      clearOnComplete: true,
      hideCursor: true,
      format: ' {endpoint} | {pages} pages | {value} rows | {rate} rows/s | {retries} retries',
      fps: 5,
    },
    cliProgress.Presets.shades_grey,
  );
  const active = new Map<string, { bar: cliProgress.SingleBar; started: number }>();
  return {
    endpointStarted(tenant, endpoint) {
      const bar = bars.create(0, 0, { endpoint: `${tenant}/${endpoint}`, pages: 0, rate: 0, retries: 0 });
      active.set(`${tenant}/${endpoint}`, { bar, started: Date.now() });
    },
    page(progress) {
      const entry = active.get(`${progress.tenant}/${progress.endpoint}`);
      if (!entry) return;
      const seconds = Math.max((Date.now() - entry.started) / 1000, 0.001);
      entry.bar.setTotal(progress.rows);
      entry.bar.update(progress.rows, { pages: progress.pages, rate: Math.round(progress.rows / seconds), retries: progress.retries });
    },
    endpointFinished(tenant, endpoint, outcome) {
      const id = `${tenant}/${endpoint}`;
      const entry = active.get(id);
      if (entry) bars.remove(entry.bar);
      active.delete(id);
      const line = `${outcome.status === 'failed' ? '✗' : '✓'} ${id}: ${outcome.received} rows (${outcome.inserted} new, ${outcome.updated} changed, ${outcome.unchanged} unchanged${outcome.rejected ? `, ${outcome.rejected} rejected` : ''}) in ${outcome.pages} pages${outcome.retries ? `, ${outcome.retries} retries` : ''}${outcome.error ? ` — ${outcome.error}` : ''}`;
      bars.log(line + '\n');
      if (outcome.status === 'failed') logger.debug('endpoint failed', { tenant, endpoint, error: outcome.error });
    },
    close() {
      bars.stop();
    },
  };
}
