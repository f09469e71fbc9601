/** Live progress bars on a terminal (cli-progress): one per running endpoint; finished ones are printed as a line. */
import cliProgress from 'cli-progress';
import type { Logger } from '../log/logger.js';
import type { ProgressReporter } from '../pipeline/progress.js';

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
      const { pages, received, retries } = progress.figures;
      const seconds = Math.max((Date.now() - entry.started) / 1000, 0.001);
      entry.bar.setTotal(received);
      entry.bar.update(received, { pages, rate: Math.round(received / seconds), retries });
    },
    endpointFinished(tenant, endpoint, outcome) {
      const id = `${tenant}/${endpoint}`;
      const entry = active.get(id);
      if (entry) bars.remove(entry.bar);
      active.delete(id);
      const { received, inserted, updated, unchanged, rejected, pages, retries } = outcome;
      const line =
        `${outcome.status === 'failed' ? '✗' : outcome.status === 'interrupted' ? '■' : '✓'} ${id}: ${received} rows (${inserted} new, ${updated} changed, ${unchanged} unchanged` +
        `${rejected ? `, ${rejected} rejected` : ''}) in ${pages} pages${retries ? `, ${retries} retries` : ''}` +
        `${outcome.error ? ` — ${outcome.error}` : ''}`;
      bars.log(line + '\n');
      if (outcome.status === 'failed') logger.debug('endpoint failed', { tenant, endpoint, error: outcome.error });
    },
    close() {
      bars.stop();
    },
  };
}
