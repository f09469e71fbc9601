/**
 * The sandbox's state behind the HTTP server: the generated world, routes, export token codec,
 * token authority, fault injector and request log. `truth` and `advance` live here too.
 */
import { createHash } from 'node:crypto';
import type { World } from './gen/world.js';
import { buildWorld } from './gen/build.js';
import { RouteTable, renderRow } from './data/routes.js';
import { listRows } from './feed/list.js';
import { BOOKED_LOG_ENDPOINT, bookedLogTruth } from './feed/booked-log.js';
import { CAPACITY_ENDPOINT, capacityTruth } from './feed/capacity.js';
import { TokenCodec } from './feed/export-token.js';
import { TokenAuthority, type Credentials } from './http/auth.js';
import { FaultInjector, type SandboxFaults } from './http/faults.js';
import { type SandboxLatency, SimulatedNetwork } from './http/network.js';
import { SlidingWindowLimit } from './http/rate-window.js';
import { ReportServer, type SandboxReportOptions } from './reports/serve.js';
import { advanceWorld, type AdvanceSummary } from './mutate/advance.js';
import { AdsServer } from './ads/serve.js';
import { canonical, msOf, ts7 } from './time.js';
import type { RequestLogEntry, SandboxOptions } from './types.js';

export interface CoreSettings {
  seed: number;
  scale: number;
  tenantId: string;
  batch: { min: number; max: number };
  tokenTtlSeconds: number;
  nowMs: number;
  timezone: string;
  jobHistory: 'whole' | 'partial';
  missingIds: number;
}

export function settingsFrom(options: SandboxOptions): CoreSettings {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError('sandbox: scale must be a positive number');
  const tenantId = options.tenantId ?? '1500123456';
  if (!/^\d{1,18}$/.test(tenantId)) throw new RangeError('sandbox: tenantId must be an integer string');
  const raw = options.batchSize ?? { min: 200, max: 500 };
  const batch = typeof raw === 'number' ? { min: raw, max: raw } : { min: raw.min, max: raw.max };
  if (!(batch.min >= 1 && batch.max >= batch.min)) throw new RangeError('sandbox: batchSize needs 1 <= min <= max');
  const now = canonical(options.now ?? '2026-06-01T12:00:00Z');
  if (!now) throw new RangeError('sandbox: now must be an ISO date-time');
  const timezone = options.timezone ?? 'America/Phoenix';
  if (!isTimeZone(timezone)) throw new RangeError(`sandbox: timezone must be an IANA time zone name, not ${JSON.stringify(timezone)}`);
  const jobHistory = options.jobHistory ?? 'whole';
  if (jobHistory !== 'whole' && jobHistory !== 'partial') throw new RangeError("sandbox: jobHistory must be 'whole' or 'partial'");
  const missingIds = options.missingIds ?? 0;
  if (!(missingIds >= 0 && missingIds <= 1)) throw new RangeError('sandbox: missingIds must be between 0 and 1');
  return {
    seed,
    scale,
    tenantId,
    batch,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 900,
    nowMs: msOf(now),
    timezone,
    jobHistory,
    missingIds,
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Demo credentials in ServiceTitan's observed formats (cid./cs1./ak1.), derived from the seed. */
function credentialsFor(seed: number, tenantId: string): Credentials {
  const h = (label: string, n: number): string => createHash('sha256').update(`${label}:${seed}:${tenantId}`).digest('hex').slice(0, n);
  return { clientId: `cid.${h('client', 24)}`, clientSecret: `cs1.${h('secret', 40)}`, appKey: `ak1.${h('app', 24)}` };
}

export class SandboxCore {
  readonly world: World;
  readonly routes: RouteTable;
  readonly codec: TokenCodec;
  readonly auth: TokenAuthority;
  readonly faults: FaultInjector;
  readonly network: SimulatedNetwork;
  /** The strict per-second limit on API requests, when configured. */
  readonly rateWindow: SlidingWindowLimit | null;
  readonly log: RequestLogEntry[] = [];
  /** The Reporting API (categories, descriptions, data) with its stricter limits. */
  readonly reports: ReportServer;
  /** The marketing-ads API (performance, attributed leads, capacity warnings), built after the world. */
  readonly ads: AdsServer;

  constructor(
    readonly settings: CoreSettings,
    faults: SandboxFaults | undefined,
    traffic: { rateLimit?: number; latency?: SandboxLatency; pageSizeCaps?: SandboxOptions['pageSizeCaps'] } = {},
    reports: SandboxReportOptions = {},
  ) {
    this.network = new SimulatedNetwork(traffic.latency);
    this.rateWindow = traffic.rateLimit === undefined ? null : new SlidingWindowLimit(traffic.rateLimit);
    this.world = buildWorld({
      seed: settings.seed,
      scale: settings.scale,
      tenantId: settings.tenantId,
      nowMs: settings.nowMs,
      timezone: settings.timezone,
      jobHistory: settings.jobHistory,
      missingIds: settings.missingIds,
    });
    this.routes = new RouteTable(this.world);
    this.ads = new AdsServer(this.world, () => this.world.clockMs);
    for (const [name, cap] of Object.entries(traffic.pageSizeCaps ?? {})) {
      const route = this.routes.byEndpoint(name);
      if (route?.kind !== 'list') throw new RangeError(`sandbox: pageSizeCaps names ${name}, which is not a list it serves`);
      if (!(Number.isInteger(cap.max) && cap.max >= 1))
        throw new RangeError(`sandbox: the page-size cap of ${name} must be a positive integer`);
      route.pageSizeCap = cap;
    }
    this.codec = new TokenCodec(settings.seed, settings.tenantId);
    this.auth = new TokenAuthority(
      credentialsFor(settings.seed, settings.tenantId),
      settings.tenantId,
      settings.tokenTtlSeconds,
      () => this.world.clockMs,
    );
    this.faults = new FaultInjector(settings.seed, faults, () => this.codec.issuedCount);
    this.reports = new ReportServer(
      { seed: settings.seed, clockMs: () => this.world.clockMs, maintenanceRate: () => this.faults.get().reportMaintenanceRate ?? 0 },
      reports,
    );
  }

  clock(): string {
    return ts7(this.world.clockMs);
  }

  advance(options?: { hours?: number; changes?: number }): AdvanceSummary {
    return advanceWorld(this.world, options);
  }

  /**
   * What a perfect extractor holds for an endpoint now, as the API sends it: for exports every
   * record of the feed at its latest version (inactive included); for lists (and id/per-parent
   * endpoints) every current row, active and inactive, hard-deleted rows excluded.
   */
  truth(endpointName: string): Record<string, unknown>[] {
    if (this.ads.serves(endpointName)) return this.ads.truth(endpointName);
    if (endpointName === BOOKED_LOG_ENDPOINT) return bookedLogTruth(this.world);
    if (endpointName === CAPACITY_ENDPOINT) return capacityTruth(this.world);
    const route = this.routes.byEndpoint(endpointName);
    if (!route) throw new RangeError(`sandbox: unknown endpoint ${endpointName}`);
    const rows = route.kind === 'export' ? route.table.inFeedOrder() : listRows(route);
    return JSON.parse(`[${rows.map((row) => renderRow(route, row)).join(',')}]`) as Record<string, unknown>[];
  }
}
