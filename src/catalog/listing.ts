/**
 * The catalog as `atlas endpoints` shows it: one row per endpoint, filterable, as JSON-ready
 * objects or as an aligned text table. Kept here (not in the CLI) so the command stays a thin
 * mapping from flags to these functions.
 */
import { catalog } from './catalog.js';
import { notExtractedReason } from './not-extracted.js';
import type { EndpointDescriptor, EndpointKind, ExtractionPlan } from './types.js';

export interface ListingRow {
  name: string;
  module: string;
  version: string;
  /** `POST` for the few POSTs read as data (dispatch capacity), `GET` for every other endpoint. */
  method: 'GET' | 'POST';
  path: string;
  kind: EndpointKind;
  key: string[];
  /** A default build extracts it: it has a plan and is not opt-in. */
  extracted: boolean;
  /** Extracted only when named explicitly (per-parent endpoints, the capacity snapshot). */
  optIn: boolean;
  mode: ExtractionPlan['mode'] | null;
  /** Schema-qualified staging table (`atlas.crm_customers`), or null when never extracted. */
  table: string | null;
  summary: string;
  /** Why a default build does not extract it (`opt-in: …`, `equivalent feed …`, …); null when it does. */
  reason: string | null;
}

export interface ListingFilter {
  kind?: EndpointKind;
  /** Only endpoints a default build extracts. */
  extractedOnly?: boolean;
}

export function catalogListing(
  schema: string,
  filter: ListingFilter = {},
  descriptors: readonly EndpointDescriptor[] = catalog,
): ListingRow[] {
  return descriptors
    .filter((d) => filter.kind === undefined || d.kind === filter.kind)
    .map(
      (d): ListingRow => ({
        name: d.name,
        module: d.module,
        version: d.version,
        method: d.method ?? ('GET' as const),
        path: d.path,
        kind: d.kind,
        key: [...d.key],
        extracted: d.extract !== null && !d.extract.optIn,
        optIn: d.extract?.optIn ?? false,
        mode: d.extract?.mode ?? null,
        table: d.extract ? `${schema}.${d.extract.table}` : null,
        summary: d.summary,
        reason: notExtractedReason(d, descriptors),
      }),
    )
    .filter((row) => !filter.extractedOnly || row.extracted);
}

/** Aligned columns NAME, KIND, KEY, EXTRACT, TABLE, then a count line. */
export function formatListing(rows: readonly ListingRow[]): string {
  const header = ['NAME', 'KIND', 'KEY', 'EXTRACT', 'TABLE'];
  const cells = rows.map((r) => [
    r.name,
    r.version === 'v2' ? r.kind : `${r.kind} (${r.version})`,
    r.key.join('+') || '-',
    r.mode === null ? '-' : r.optIn ? `${r.mode} (opt-in)` : r.mode,
    r.table ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]): string => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
  const extracted = rows.filter((r) => r.extracted).length;
  const optIn = rows.filter((r) => r.optIn).length;
  return [line(header), ...cells.map(line), '', `${rows.length} endpoints, ${extracted} extracted by default, ${optIn} opt-in`, ''].join(
    '\n',
  );
}
