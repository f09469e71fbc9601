/**
 * The step every walker takes with a fetched page: load it with its cursor (one transaction, see
 * src/load/load-page.ts), add it to the walk's figures and report progress.
 *
 * A page on which every record was rejected is loaded too (the rejects are kept and the cursor
 * moves, so one bad page cannot block the feed forever), and then the walk fails loudly: that is
 * what a renamed key field looks like, and a run must not report success on it.
 */
import { AtlasError } from '../errors.js';
import type { Cursor } from '../load/cursor.js';
import { loadPage } from '../load/load-page.js';
import type { PreparedPage } from '../load/prepare-page.js';
import { addFigures } from '../runs/run-figures.js';
import type { WalkContext } from './types.js';

export interface WalkPage {
  prepared: PreparedPage;
  /** The cursor as it stands once this page is loaded. */
  cursor: Cursor;
  /** HTTP requests spent fetching the page (1 + retries). */
  attempts: number;
  /** Sweeping walks record every key they see under this id. */
  seenWalkId?: string | null;
}

export async function loadWalkPage(context: WalkContext, page: WalkPage): Promise<void> {
  const figures = await loadPage(context.pool, {
    target: context.target,
    tenantId: context.tenantId,
    runId: context.runId,
    page: page.prepared,
    cursor: page.cursor,
    requests: page.attempts,
    retries: page.attempts - 1,
    seenWalkId: page.seenWalkId ?? undefined,
  });
  addFigures(context.figures, figures);
  context.onPage?.({ endpoint: context.descriptor.name, tenant: context.tenantName, figures: { ...context.figures } });
  const { received, rejects } = page.prepared;
  if (received > 0 && rejects.length === received) {
    throw new AtlasError(
      'API_BAD_RESPONSE',
      `${context.descriptor.name}: all ${received} records of a page were rejected (first reason: ${rejects[0].reason}); ` +
        `ServiceTitan may have renamed a field. They are kept in _rejects and the cursor has moved past them`,
    );
  }
}
