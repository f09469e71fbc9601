/** Public types of the sandbox (re-exported by index.ts). */
import type { SandboxFaults } from './http/faults.js';
import type { SandboxLatency } from './http/network.js';
import type { AdvanceSummary } from './mutate/advance.js';
import type { SandboxReportOptions } from './reports/serve.js';
import type { ReportAnswer } from './reports/rows.js';
import type { PageSizeCap } from './feed/page-size-cap.js';

export type { SandboxFaults } from './http/faults.js';
export type { SandboxLatency } from './http/network.js';
export type { AdvanceSummary } from './mutate/advance.js';
export type { SandboxReportOptions } from './reports/serve.js';
export type { ReportAnswer } from './reports/rows.js';
export type { PageSizeCap } from './feed/page-size-cap.js';

export interface SandboxOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 1; same seed + scale ⇒ identical data. */
  seed?: number;
  /** Default 1 (about 2,000 customers and 8,000 jobs); 0.05 is tiny and fast. */
  scale?: number;
  /** Default '1500123456'. */
  tenantId?: string;
  /** Export batch size chosen by the server (default {min: 200, max: 500}, varied per request). */
  batchSize?: number | { min: number; max: number };
  /** Access token lifetime (default 900). */
  tokenTtlSeconds?: number;
  faults?: SandboxFaults;
  /**
   * Strict limit on API requests per second (a sliding one-second window, as ServiceTitan
   * enforces per app and tenant): requests beyond it are answered 429 with Retry-After. Off by default.
   */
  rateLimit?: number;
  /** Per-request answer time with inbound jitter (see http/network.ts). Off by default. */
  latency?: SandboxLatency;
  /** Initial sandbox clock, ISO (default '2026-06-01T12:00:00Z'); history spans the ~3 years before. */
  now?: string;
  /**
   * IANA time zone the simulated business lives in (default 'America/Phoenix'): some timestamps
   * (createdOn, completedOn, start, soldOn, cancellationDate) are placed minutes either side of its
   * local midnight, so marts that bucket by local date are tested where it matters.
   */
  timezone?: string;
  /**
   * How `jpm/export/job-history` rows carry a job's history: 'whole' (default) sends each job once
   * with every entry; 'partial' sends a row per change with only the entries new since then, so a
   * job appears in several rows (sometimes in one page) and no row holds its whole history. The
   * documents allow either.
   */
  jobHistory?: 'whole' | 'partial';
  /**
   * Share (0–1, default 0) of the records of endpoints whose id the documents declare nullable
   * (gross pay items, journal entries) that are sent with `id: null`.
   */
  missingIds?: number;
  /** The Reporting API's limits: least seconds between data calls of one report (default 60), page cap. */
  reports?: SandboxReportOptions;
  /**
   * Undocumented page-size caps by list endpoint name, e.g. `{ 'jpm/job-types': { max: 700 } }`:
   * a larger `pageSize` is refused with a 400 naming `pageSize` (see feed/page-size-cap.ts).
   */
  pageSizeCaps?: Record<string, PageSizeCap>;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  endpoint: string | null;
  query: Record<string, string>;
  status: number;
}

export interface Sandbox {
  url: string;
  apiUrl: string;
  authUrl: string;
  tenantId: string;
  credentials: { clientId: string; clientSecret: string; appKey: string };
  clock(): string;
  advance(options?: { hours?: number; changes?: number }): AdvanceSummary;
  truth(endpointName: string): Record<string, unknown>[];
  /**
   * Date-windowed endpoints (marketing-ads performance and attributed leads): for every day from
   * the first with ads to the clock's, what a one-day `fromUtc`/`toUtc` window answers now (per
   * segmentation type for performance; `segmentationType` null otherwise).
   */
  dailyTruth(endpointName: string): Array<{ day: string; segmentationType: string | null; rows: Record<string, unknown>[] }>;
  /** Every row report `reportId` of `category` answers now for these parameters (`From`, `To`), unpaged. */
  reportTruth(category: string, reportId: number, parameters: Record<string, unknown>): ReportAnswer;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Every access token the token endpoint has issued. */
  issuedTokens(): string[];
  setFaults(faults: SandboxFaults): void;
  close(): Promise<void>;
}
