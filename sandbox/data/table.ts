/**
 * One entity's records plus its change feed.
 *
 * Every record (row) carries the sequence number of its latest change. The feed is a log of rows
 * in sequence order; when a row changes it is appended again with a new sequence number and its
 * older log entry goes stale (skipped when reading, compacted away when stale entries dominate).
 * Export pages are therefore "rows with seq > cursor in seq order", found by binary search.
 *
 * Change times (canonical strings, see time.ts) never decrease along the log, so a date `from`
 * is also a binary search. Before `seal()` rows are only collected; sealing sorts them by change
 * time and numbers them 1..n, which lets the initial data be generated in any order.
 */
export type Rec = Record<string, unknown>;

export interface Row {
  readonly key: string;
  rec: Rec;
  /** Sequence number of the latest change (0 until sealed). */
  seq: number;
  /** Canonical change time of the latest change. */
  time: string;
  /** Cached `JSON.stringify(rec)`; reset whenever the row changes. */
  json: string | null;
  /** Hidden parent key for per-parent endpoints (e.g. the customer of a customer note). */
  parent: string | null;
  /** Cached JSON of other views of the record (list projections), by view name; reset on change. */
  views?: Map<string, string>;
  deleted: boolean;
}

export interface TableOptions {
  name: string;
  /** Record key as a string (composite keys joined with `:`). */
  key: (rec: Rec) => string;
  /** Whether records carry an `active` flag (list filters apply only then). */
  hasActive: boolean;
}

export interface FeedPage {
  rows: Row[];
  /** Seq of the last row returned, or the cursor when nothing was returned. */
  last: number;
  hasMore: boolean;
}

export class Table {
  readonly name: string;
  readonly hasActive: boolean;
  private readonly keyOf: (rec: Rec) => string;
  private readonly rowsByKey = new Map<string, Row>();
  private log: Row[] = [];
  private logSeq: number[] = [];
  private logTime: string[] = [];
  private stale = 0;
  private seq = 0;
  private sealed = false;

  constructor(options: TableOptions) {
    this.name = options.name;
    this.hasActive = options.hasActive;
    this.keyOf = options.key;
  }

  get size(): number {
    return this.rowsByKey.size;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Change time of the newest log entry ('' when empty or not sealed). */
  get lastTime(): string {
    return this.sealed && this.logTime.length > 0 ? this.logTime[this.logTime.length - 1] : '';
  }

  get isSealed(): boolean {
    return this.sealed;
  }

  keyFor(rec: Rec): string {
    return this.keyOf(rec);
  }

  get(key: string | number): Row | undefined {
    return this.rowsByKey.get(String(key));
  }

  /** Current rows (hard-deleted ones excluded), in insertion order. */
  rows(): IterableIterator<Row> {
    return this.rowsByKey.values();
  }

  /** Inserts or replaces a record; after sealing this is a change (new seq). */
  upsert(rec: Rec, time: string, parent: string | null = null): Row {
    const key = this.keyOf(rec);
    let row = this.rowsByKey.get(key);
    if (row) {
      row.rec = rec;
      if (parent !== null) row.parent = parent;
    } else {
      row = { key, rec, seq: 0, time, json: null, parent, deleted: false };
      this.rowsByKey.set(key, row);
    }
    this.bump(row, time);
    return row;
  }

  /** Records a change to a row whose record was edited in place. */
  touch(row: Row, time: string): void {
    this.bump(row, time);
  }

  /** Hard delete: the row disappears from lists (never used for export-backed tables). */
  remove(key: string): boolean {
    const row = this.rowsByKey.get(key);
    if (!row) return false;
    this.rowsByKey.delete(key);
    row.deleted = true;
    row.json = null;
    if (this.sealed) this.stale++;
    return true;
  }

  /** Numbers the initial rows by change time (ties by key) and opens the feed. */
  seal(): void {
    if (this.sealed) return;
    const rows = [...this.rowsByKey.values()].sort((a, b) =>
      a.time < b.time ? -1 : a.time > b.time ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    this.sealed = true;
    for (const row of rows) this.append(row, row.time);
  }

  private bump(row: Row, time: string): void {
    row.json = null;
    row.views = undefined;
    row.time = time;
    if (!this.sealed) return;
    if (row.seq > 0) this.stale++;
    this.append(row, time);
    if (this.stale > 1000 && this.stale > this.log.length / 2) this.compact();
  }

  private append(row: Row, time: string): void {
    const last = this.logTime.length > 0 ? this.logTime[this.logTime.length - 1] : '';
    row.seq = ++this.seq;
    this.log.push(row);
    this.logSeq.push(row.seq);
    // Change times never decrease along the log (see the file comment).
    this.logTime.push(time < last ? last : time);
  }

  private live(i: number): boolean {
    const row = this.log[i];
    return !row.deleted && row.seq === this.logSeq[i];
  }

  private compact(): void {
    const log: Row[] = [];
    const seqs: number[] = [];
    const times: string[] = [];
    for (let i = 0; i < this.log.length; i++) {
      if (!this.live(i)) continue;
      log.push(this.log[i]);
      seqs.push(this.logSeq[i]);
      times.push(this.logTime[i]);
    }
    this.log = log;
    this.logSeq = seqs;
    this.logTime = times;
    this.stale = 0;
  }

  /** Index of the first log entry with seq > cursor. */
  private indexAfter(cursor: number): number {
    let lo = 0;
    let hi = this.logSeq.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.logSeq[mid] <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Cursor that makes the next page start at the first change at or after `time`. */
  cursorForTime(time: string): number {
    let lo = 0;
    let hi = this.logTime.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.logTime[mid] < time) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.logSeq[lo - 1];
  }

  /**
   * Up to `limit` rows changed after `cursor`, in seq order. Rows rejected by `accept` are skipped
   * (the cursor still moves past them).
   */
  page(cursor: number, limit: number, accept?: (row: Row) => boolean): FeedPage {
    const rows: Row[] = [];
    let i = this.indexAfter(cursor);
    let last = cursor;
    for (; i < this.log.length && rows.length < limit; i++) {
      if (!this.live(i)) continue;
      last = this.logSeq[i];
      if (accept && !accept(this.log[i])) continue;
      rows.push(this.log[i]);
    }
    let hasMore = false;
    for (; i < this.log.length; i++) {
      if (this.live(i) && (!accept || accept(this.log[i]))) {
        hasMore = true;
        break;
      }
    }
    return { rows, last, hasMore };
  }

  /** The last `count` live rows with seq <= cursor (newest last): "recent changes" repeats. */
  recentUpTo(cursor: number, count: number): Row[] {
    const out: Row[] = [];
    for (let i = this.indexAfter(cursor) - 1; i >= 0 && out.length < count; i--) {
      if (this.live(i)) out.push(this.log[i]);
    }
    return out.reverse();
  }

  /** Live rows in feed (seq) order. */
  inFeedOrder(): Row[] {
    const out: Row[] = [];
    for (let i = 0; i < this.log.length; i++) if (this.live(i)) out.push(this.log[i]);
    return out;
  }
}

/** Cached JSON text of a row's record. */
export function rowJson(row: Row): string {
  if (row.json === null) row.json = JSON.stringify(row.rec);
  return row.json;
}

/** Cached JSON text of a view of a row's record (computed by `render` on first use). */
export function viewJson(row: Row, view: string, render: (rec: Rec) => unknown): string {
  let views = row.views;
  if (!views) {
    views = new Map();
    row.views = views;
  }
  let text = views.get(view);
  if (text === undefined) {
    text = JSON.stringify(render(row.rec));
    views.set(view, text);
  }
  return text;
}
