/**
 * What a walker needs and what it reports. Walkers depend on the client only through
 * `PageSource` (ServiceTitanClient satisfies it), and on the database only through the loader.
 */
import type pg from 'pg';
import type { EndpointDescriptor } from '../catalog/types.js';
import type { Logger } from '../log/logger.js';
import type { CursorState } from '../load/cursor.js';
import type { StagingTarget } from '../load/staging-target.js';

export type Query = Record<string, string | number | boolean | undefined>;

export interface PageSource {
  request<T = unknown>(url: string, query?: Query, context?: { endpoint?: string; signal?: AbortSignal }): Promise<{ body: T; attempts: number; headers?: Record<string, unknown> }>;
}

export interface EndpointProgress {
  endpoint: string;
  tenant: string;
  pages: number;
  rows: number;
  retries: number;
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
  runId: number;
  /** Saved cursor, or null on the first run. */
  cursor: CursorState | null;
  /** First-run lower bound for export feeds (YYYY-MM-DD), or null for full history. */
  startDate: string | null;
  /** Lists: walk whole and mark rows not seen as deleted (see list-walker). */
  sweepDue?: boolean;
  logger: Logger;
  /** The walk's figures, filled page by page: the caller keeps them even when the walk fails. */
  result: WalkResult;
  onPage?: (progress: EndpointProgress) => void;
  signal?: AbortSignal;
}

export interface WalkResult {
  pages: number;
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
  requests: number;
  retries: number;
  /** Things worth telling the user that are not errors (e.g. a refused token fallback). */
  notes: string[];
}

export function emptyWalkResult(): WalkResult {
  return { pages: 0, received: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, deleted: 0, requests: 0, retries: 0, notes: [] };
}
