/**
 * What a walker needs. Walkers depend on the client only through `PageSource`
 * (ServiceTitanClient satisfies it), and on the database only through the loader.
 */
import type pg from 'pg';
import type { EndpointDescriptor } from '../catalog/types.js';
import type { Query } from '../client/types.js';
import type { Logger } from '../log/logger.js';
import type { Cursor } from '../load/cursor.js';
import type { StagingTarget } from '../load/staging-target.js';
import type { RunFigures } from '../runs/run-figures.js';

export interface PageSource {
  request<T = unknown>(
    url: string,
    query?: Query,
    context?: { endpoint?: string; signal?: AbortSignal; method?: 'GET' | 'POST'; json?: unknown },
  ): Promise<{ body: T; attempts: number; headers?: Record<string, unknown> }>;
}

/** An endpoint's figures so far, reported after every loaded page. */
export interface EndpointProgress {
  endpoint: string;
  tenant: string;
  figures: RunFigures;
}

export interface WalkContext {
  source: PageSource;
  pool: pg.Pool;
  descriptor: EndpointDescriptor;
  target: StagingTarget;
  /** Absolute URL of the endpoint for this tenant ('' for per-parent endpoints, built per parent). */
  url: string;
  /** The tenant's API base URL. */
  apiUrl: string;
  tenantId: string;
  tenantName: string;
  /** The tenant's IANA time zone (its calendar days: dispatch capacity's day windows); UTC when absent. */
  timezone?: string;
  runId: number;
  /** Saved cursor, or null on the first run; a walker uses it only when it is of its own kind. */
  cursor: Cursor | null;
  /** First-run lower bound for export feeds (YYYY-MM-DD), or null for full history. */
  startDate: string | null;
  /** Lists: walk whole and mark rows not seen as deleted (see list-walker). */
  sweepDue?: boolean;
  /** `--allow-mass-delete`: a sweep may mark any share of a table deleted (see src/load/mass-deletion.ts). */
  allowMassDelete?: boolean;
  logger: Logger;
  /** The walk's figures, filled page by page: the caller keeps them even when the walk fails. */
  figures: RunFigures;
  /** Things worth telling the user that are not errors (e.g. a refused token fallback). */
  notes: string[];
  onPage?: (progress: EndpointProgress) => void;
  signal?: AbortSignal;
}
