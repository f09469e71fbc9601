/**
 * The generation context: options, the sandbox clock, the id space, every table and the id pools
 * that foreign keys are drawn from. Generators and mutations receive a World and go through
 * `insert`/`touch` so feeds, pools and change times stay consistent.
 */
import { IdAllocator } from '../ids.js';
import { type Rng, rngFor } from '../random.js';
import type { Table, Rec, Row } from '../data/table.js';
import { canonical, ts7, DAY } from '../time.js';

export interface WorldOptions {
  seed: number;
  scale: number;
  tenantId: string;
  nowMs: number;
  /** IANA zone of the simulated business (local midnights, see gen/local-midnight.ts). */
  timezone: string;
  /** How job history rows carry entries (see SandboxOptions.jobHistory); default 'whole'. */
  jobHistory?: 'whole' | 'partial';
  /** Share of records of nullable-id endpoints sent without their id (SandboxOptions.missingIds); default 0. */
  missingIds?: number;
}

/** Hidden key for records that have no natural key (kept out of JSON: symbols are not serialised). */
export const ROW_KEY = Symbol('rowKey');

export class World {
  readonly seed: number;
  readonly scale: number;
  readonly tenantId: string;
  readonly timezone: string;
  readonly jobHistory: 'whole' | 'partial';
  readonly missingIds: number;
  /** Start of the generated history (about three years before the initial clock). */
  readonly originMs: number;
  clockMs: number;
  readonly ids: IdAllocator;
  private readonly tables = new Map<string, Table>();
  private readonly pools = new Map<string, number[]>();
  private readonly subRng: Rng;
  /** Mutation counters for the current advance (see mutate/advance.ts). */
  readonly counters = { created: 0, changed: 0, deactivated: 0, merged: 0, deleted: 0 };
  sealed = false;
  /** Generator-private lookups (e.g. payroll per technician and period), keyed by the owner. */
  readonly memo = new Map<string, Map<string, unknown>>();

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.scale = options.scale;
    this.tenantId = options.tenantId;
    this.timezone = options.timezone;
    this.jobHistory = options.jobHistory ?? 'whole';
    this.missingIds = options.missingIds ?? 0;
    this.clockMs = options.nowMs;
    this.originMs = options.nowMs - 3 * 365 * DAY;
    this.ids = new IdAllocator(this.originMs - 200 * DAY, rngFor(options.seed, 'ids'));
    this.subRng = rngFor(options.seed, 'sub-ms');
  }

  rng(...labels: Array<string | number>): Rng {
    return rngFor(this.seed, ...labels);
  }

  /** Number of records for a base count at scale 1 (at least `min`). */
  count(base: number, min = 1): number {
    return Math.max(min, Math.round(base * this.scale));
  }

  defineTable(table: Table): void {
    this.tables.set(table.name, table);
  }

  table(name: string): Table {
    const t = this.tables.get(name);
    if (!t) throw new Error(`unknown table ${name}`);
    return t;
  }

  hasTable(name: string): boolean {
    return this.tables.has(name);
  }

  allTables(): Table[] {
    return [...this.tables.values()];
  }

  /** Ids of a table's records (in creation order), for foreign keys. */
  pool(name: string): number[] {
    let p = this.pools.get(name);
    if (!p) {
      p = [];
      this.pools.set(name, p);
    }
    return p;
  }

  /** A 7-digit-fraction timestamp for `ms` (sub-millisecond digits are random). */
  stamp(ms: number): string {
    return ts7(ms, this.subRng.int(0, 9999));
  }

  memoOf<V>(owner: string): Map<string, V> {
    let m = this.memo.get(owner);
    if (!m) {
      m = new Map();
      this.memo.set(owner, m);
    }
    return m as Map<string, V>;
  }

  /** The next value of a named counter (job numbers, advance rounds…): `start + 1` the first time. */
  nextCount(name: string, start = 0): number {
    const counters = this.memoOf<number>('counters');
    const n = (counters.get(name) ?? start) + 1;
    counters.set(name, n);
    return n;
  }

  record(name: string, key: string | number): Rec | undefined {
    return this.table(name).get(String(key))?.rec;
  }

  /**
   * Keeps a live feed ordered by change time: a change stamped before the table's newest change
   * (sub-records of one operation can be a few seconds out of order) is moved to that newest time,
   * and the record's own modifiedOn (or createdOn, for append-only logs) says so. Then a date `from`
   * selects exactly the records whose change timestamp is at or after the date.
   */
  private ordered(table: Table, rec: Rec, time: string): string {
    const last = table.lastTime;
    if (!table.isSealed || time >= last) return time;
    if (typeof rec.modifiedOn === 'string' || rec.modifiedOn === null) rec.modifiedOn = last;
    else if (typeof rec.createdOn === 'string') rec.createdOn = last;
    return last;
  }

  /** Adds a new record. Change time: `time`, else its modifiedOn, else createdOn, else the clock. */
  insert(name: string, rec: Rec, options: { time?: string; parent?: string | null } = {}): Row {
    const table = this.table(name);
    const time = this.ordered(table, rec, options.time ?? changeTimeOf(rec) ?? ts7(this.clockMs));
    const existed = table.get(table.keyFor(rec)) !== undefined;
    const row = table.upsert(rec, time, options.parent ?? null);
    if (!existed) {
      if (typeof rec.id === 'number') this.pool(name).push(rec.id);
      if (this.sealed) this.counters.created++;
    }
    return row;
  }

  /** Records an in-place edit of `rec` (its modifiedOn must already be updated). */
  touch(name: string, rec: Rec, time?: string): void {
    const table = this.table(name);
    const row = table.get(table.keyFor(rec));
    if (!row) throw new Error(`touch of unknown row in ${name}`);
    row.rec = rec;
    table.touch(row, this.ordered(table, rec, time ?? changeTimeOf(rec) ?? ts7(this.clockMs)));
    if (this.sealed) this.counters.changed++;
  }
}

/** The canonical change time of a record: modifiedOn, else createdOn (null when neither parses). */
export function changeTimeOf(rec: Rec): string | null {
  for (const field of ['modifiedOn', 'createdOn']) {
    const v = rec[field];
    if (typeof v === 'string') {
      const c = canonical(v);
      if (c) return c;
    }
  }
  return null;
}
