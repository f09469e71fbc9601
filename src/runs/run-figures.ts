/**
 * The figures of a run, per endpoint and summed: the one definition used in memory (a walk's
 * tally), in `_run_endpoints` (one column per figure), in the run summary, in progress reports
 * and in `atlas status`.
 */

/** Every figure, in the order reports list them. */
export const RUN_FIGURES = ['pages', 'received', 'inserted', 'updated', 'unchanged', 'rejected', 'deleted', 'requests', 'retries'] as const;

export type RunFigure = (typeof RUN_FIGURES)[number];

/**
 * pages: pages loaded; received: records received; inserted / updated / unchanged: rows new,
 * rewritten, or left as they were; rejected: records kept in `_rejects`; deleted: rows marked
 * deleted by a complete walk; requests: HTTP requests spent (retries included); retries: those
 * beyond the first attempt.
 */
export type RunFigures = Record<RunFigure, number>;

/** The `_run_endpoints` column holding each figure (constants, safe to interpolate). */
export const RUN_FIGURE_COLUMNS: Readonly<Record<RunFigure, string>> = {
  pages: 'pages',
  received: 'rows_received',
  inserted: 'rows_inserted',
  updated: 'rows_updated',
  unchanged: 'rows_unchanged',
  rejected: 'rows_rejected',
  deleted: 'rows_deleted',
  requests: 'requests',
  retries: 'retries',
};

export function emptyFigures(): RunFigures {
  return Object.fromEntries(RUN_FIGURES.map((figure) => [figure, 0])) as RunFigures;
}

/** Adds `delta` into `total` in place (missing figures add nothing) and returns `total`. */
export function addFigures(total: RunFigures, delta: Partial<RunFigures>): RunFigures {
  for (const figure of RUN_FIGURES) total[figure] += delta[figure] ?? 0;
  return total;
}

/** The sum of many figure sets. */
export function sumFigures(parts: Iterable<Partial<RunFigures>>): RunFigures {
  const total = emptyFigures();
  for (const part of parts) addFigures(total, part);
  return total;
}

/** Only the figures of a value that carries more (an outcome with its status, say). */
export function pickFigures(value: RunFigures): RunFigures {
  return Object.fromEntries(RUN_FIGURES.map((figure) => [figure, value[figure]])) as RunFigures;
}
