/**
 * The step every walker takes with a fetched page: load it with its cursor (one transaction, see
 * src/load/load-page.ts), add it to the walk's figures and report progress.
 */
import type { CursorState } from '../load/cursor.js';
import { loadPage } from '../load/load-page.js';
import type { PreparedPage } from '../load/prepare-page.js';
import type { WalkContext, WalkResult } from './types.js';

export interface WalkPage {
  prepared: PreparedPage;
  /** The cursor as it stands once this page is loaded. */
  cursor: CursorState;
  /** HTTP requests spent fetching the page (1 + retries). */
  attempts: number;
  /** Sweeping walks record every key they see under this id. */
  seenWalkId?: string | null;
}

export async function loadWalkPage(context: WalkContext, result: WalkResult, page: WalkPage): Promise<void> {
  const counts = await loadPage(context.pool, {
    target: context.target, tenantId: context.tenantId, runId: context.runId, page: page.prepared, cursor: page.cursor,
    requests: page.attempts, retries: page.attempts - 1, seenWalkId: page.seenWalkId ?? undefined,
  });
  result.pages += 1;
  result.received += page.prepared.received;
  result.inserted += counts.inserted;
  result.updated += counts.updated;
  result.unchanged += counts.unchanged;
  result.rejected += counts.rejected;
  result.requests += page.attempts;
  result.retries += page.attempts - 1;
  context.onPage?.({ endpoint: context.descriptor.name, tenant: context.tenantName, pages: result.pages, rows: result.received, retries: result.retries });
}
