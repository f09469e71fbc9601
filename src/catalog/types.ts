/**
 * The endpoint catalog's data model. The catalog is data, generated from ServiceTitan's OpenAPI
 * documents by scripts/generate-catalog.ts and committed under src/catalog/data/.
 *
 * Naming: an endpoint's canonical `name` is `<module>/<path>` where `module` is the URL segment
 * (`crm`, `jpm`, `equipmentsystems`, `sales`, …) and `path` is the part after
 * `/tenant/{tenant}/` with OpenAPI placeholders kept (`crm/customers/{id}/notes`). Where one path
 * exists in two URL versions (telecom `calls` in v2 and v3) the newest keeps the plain name and the
 * older one is named `<module>/<version>/<path>` (`telecom/v2/calls`).
 */
export type EndpointKind = 'export' | 'list' | 'id';

/** How a build extracts an endpoint (absent for endpoints a build does not extract). */
export interface ExtractionPlan {
  /**
   * `export`: continuation-token feed. `list-incremental`: page-numbered list filtered by
   * `incrementalParam` >= bookmark. `list-full`: page-numbered list read whole every run; keys
   * missing from a complete read are marked deleted. `window`: read in date windows
   * (`window` below) from the start date to the server's present, re-reading a look-back.
   * `snapshot`: a forward-looking POST read one day at a time from today to a horizon (dispatch
   * capacity, src/extract/capacity-walker.ts); each run replaces the rows of the days it read, days
   * before today stay as they were last read.
   */
  mode: 'export' | 'list-incremental' | 'list-full' | 'window' | 'snapshot';
  /** Staging table name, without schema: a plain lowercase identifier such as `crm_customers`. */
  table: string;
  /** Per-parent endpoints (one request per parent row) are extracted only when asked for. */
  optIn: boolean;
  /** Query parameter for incremental lists, e.g. `modifiedOnOrAfter`. */
  incrementalParam?: string;
  /** Sort value that makes page numbers stable across a resumed walk, e.g. `+Id`, when supported. */
  stableSort?: string;
  /** Largest page size the endpoint accepts (5000 on most, 500 on a few). */
  maxPageSize?: number;
  /**
   * Per-parent endpoints only: the extracted endpoint (canonical name) whose rows are the parents,
   * and the parent field whose values fill the path's single placeholder, e.g.
   * `{ endpoint: 'crm/export/customers', field: 'id' }` for `crm/customers/{id}/notes`. The child
   * rows do not name their parent (notes carry no customerId), so the extractor should keep the
   * parent value alongside each row.
   */
  parent?: { endpoint: string; field: string };
  /**
   * The endpoint's rows hold an array whose elements are the records: each element is stored as
   * its own staging row, with the `carry` fields of the enclosing row copied in (e.g. job history
   * `{jobId, history[]}` → one row per history entry, keyed by the entry's `id`, with `jobId`).
   * The descriptor's `key` and `changeField` name fields of these stored rows. Nothing is lost
   * whether a feed row carries a job's whole history or only the entries since `from`.
   */
  unnest?: { field: string; carry: string[] };
  /**
   * For endpoints whose key is declared nullable (a single key field): the fields that identify a
   * row that arrives without one. Such a row is stored under a key derived from these fields'
   * values (see src/load/fallback-key.ts), not rejected: a missing id is normal for the endpoint.
   */
  keyFallback?: string[];
  /** The list numbers its pages from 0 (1 for every other list). */
  firstPage?: number;
  /** The list is one unpaged response (a snapshot such as capacity warnings): no `page`/`pageSize`. */
  unpaged?: boolean;
  /** Mode `window` only: how the endpoint is read in date windows (see WindowPlan). */
  window?: WindowPlan;
  /**
   * A field the extractor adds to each stored record because nothing the record carries identifies
   * it alone: `field` gets `<path>:<value>` for the first of `paths` (dotted, e.g. `call.id`) whose
   * value is present (attributed leads: the call, booking, lead form or job the lead came from).
   */
  identity?: { field: string; paths: string[] };
  /**
   * Per-parent endpoints only: each parent's answer is one record, the body itself (not a page),
   * e.g. a job's booked log. One request per parent without paging; a 404 means the parent has none.
   */
  single?: boolean;
}

/**
 * A date-windowed endpoint (`fromUtc`/`toUtc`): read one window of `days` UTC days at a time,
 * oldest first, from the start date to the window holding the server's present; every walk starts
 * `lookbackDays` before the first window not yet settled, because ad platforms restate recent days.
 * The cursor (src/load/cursor.ts `WindowCursor`) records the last settled window.
 */
export interface WindowPlan {
  /** Query parameters of the window's first instant and of its end (exclusive), ISO UTC. */
  fromParam: string;
  toParam: string;
  /** Window length in days (1: rows are per day). */
  days: number;
  /** Settled days re-read by every walk, for restatements. */
  lookbackDays: number;
  /** Days read by a first walk when no start date is configured, counted back from the server's present. */
  historyDays: number;
  /** The window's first day (YYYY-MM-DD) is stored in each record under this field (rows carry no date of their own). */
  dayField?: string;
  /**
   * One read per window for each value of `param` (performance: Campaign, AdGroup, Keyword). Each
   * stored record gets the value under `field`, and under `idField` the segment's id: the values at
   * the value's `idPaths` joined with `/` (a keyword is only unique within its ad group).
   */
  segments?: { param: string; field: string; idField: string; values: Array<{ value: string; idPaths: string[] }> };
}

export interface EndpointDescriptor {
  name: string;
  module: string;
  /** URL version segment: `v2` or `v3`. */
  version: string;
  /** Path template after `/tenant/{tenant}/`, e.g. `export/customers`, `customers/{id}/notes`. */
  path: string;
  kind: EndpointKind;
  /**
   * `POST` for the few POST operations read as data (scripts/catalog/post-endpoints.ts: dispatch
   * capacity); absent for every GET endpoint, which is all the others.
   */
  method?: 'POST';
  /** Placeholders in `path`, in order, e.g. `['id']`, `['report_category', 'reportId']`. */
  pathParams: string[];
  /** Record key fields (composite where ServiceTitan has no single id); [] when unknown. */
  key: string[];
  /** Postgres type of each key field: `bigint` for integers, `text` otherwise. */
  keyTypes: Record<string, 'bigint' | 'text'>;
  /** Field that moves when a record changes (`modifiedOn`, `createdOn`, …), or null. */
  changeField: string | null;
  /** Query applied when the caller gives none (e.g. `{ active: 'Any', pageSize: '5000' }`). */
  defaultQuery: Record<string, string>;
  /** Every query parameter the OpenAPI document declares for this GET. */
  queryParams: string[];
  summary: string;
  extract: ExtractionPlan | null;
}
