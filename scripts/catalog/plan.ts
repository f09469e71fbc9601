/**
 * Extraction plans: which endpoints `atlas build` extracts and how.
 * - every export feed except legacy aliases: mode `export`;
 * - the list-only entities of ./selection.ts: `list-incremental` by `modifiedOnOrAfter` when the
 *   endpoint declares it and its rows always carry `modifiedOn` (the bookmark is read from the rows,
 *   and a row whose `modifiedOn` is null could never pass the filter), else `list-full`; `stableSort: '+Id'` when the endpoint sorts by Id; `maxPageSize` always;
 * - the per-parent endpoints of ./selection.ts: `list-full`, `optIn: true`, with their parent;
 *   `single: true` (no page size) for those answering one record per parent (a job's booked log);
 * - the windowed lists of ./overrides.ts: `window` with their window; unpaged snapshots: `list-full`, `unpaged`.
 */
import type { EndpointDescriptor, ExtractionPlan } from '../../src/catalog/types.js';
import type { EndpointFacts } from './describe.js';
import {
  keyFallbacks,
  legacyExportAliases,
  recordIdentities,
  unnestedRecords,
  unpagedSnapshots,
  windowedEndpoints,
  zeroBasedLists,
} from './overrides.js';
import { extractedListNames, perParentEndpoints } from './selection.js';
import { tableNameFor } from './table-name.js';

export function planFor(descriptor: EndpointDescriptor, facts: EndpointFacts): ExtractionPlan | null {
  const plan = basePlanFor(descriptor, facts);
  if (!plan) return null;
  const unnest = unnestedRecords[descriptor.name];
  if (unnest) plan.unnest = { field: unnest.field, carry: [...unnest.carry] };
  const fallback = keyFallbacks[descriptor.name];
  if (fallback) plan.keyFallback = [...fallback];
  if (zeroBasedLists.includes(descriptor.name)) plan.firstPage = 0;
  const identity = recordIdentities[descriptor.name];
  if (identity) plan.identity = { field: identity.field, paths: [...identity.paths] };
  return plan;
}

function basePlanFor(descriptor: EndpointDescriptor, facts: EndpointFacts): ExtractionPlan | null {
  const table = tableNameFor(descriptor.module, descriptor.path);
  if (descriptor.kind === 'export') {
    return legacyExportAliases.includes(descriptor.name) ? null : { mode: 'export', table, optIn: false };
  }
  const perParent = perParentEndpoints[descriptor.name];
  const listed = extractedListNames.includes(descriptor.name);
  if (!perParent && !listed) return null;
  if (perParent && facts.singleRecord) {
    // One record per parent (a job's booked log): no pages, so no page size or sort.
    if (descriptor.pathParams.length !== 1) throw new Error(`${descriptor.name}: a per-parent endpoint needs exactly one placeholder`);
    return { mode: 'list-full', table, optIn: true, parent: { endpoint: perParent.parent, field: perParent.field }, single: true };
  }
  if (unpagedSnapshots.includes(descriptor.name)) {
    if (facts.paged) throw new Error(`${descriptor.name} is listed as unpaged but declares page and pageSize`);
    return { mode: 'list-full', table, optIn: false, unpaged: true };
  }
  const window = windowedEndpoints[descriptor.name];
  if (window) {
    const params = [window.fromParam, window.toParam, ...(window.segments ? [window.segments.param] : [])];
    const undeclared = params.filter((p) => !descriptor.queryParams.includes(p));
    if (undeclared.length > 0 || !facts.paged)
      throw new Error(`${descriptor.name}: a windowed list must declare ${params.join(', ')}, page and pageSize`);
    return { mode: 'window', table, optIn: false, maxPageSize: facts.maxPageSize, window: structuredClone(window) };
  }
  if (!facts.paged || facts.maxPageSize === undefined) {
    throw new Error(`${descriptor.name} is selected for extraction but is not a page-numbered collection`);
  }
  let plan: ExtractionPlan;
  if (perParent) {
    if (descriptor.pathParams.length !== 1) throw new Error(`${descriptor.name}: a per-parent endpoint needs exactly one placeholder`);
    plan = { mode: 'list-full', table, optIn: true, parent: { endpoint: perParent.parent, field: perParent.field } };
  } else {
    if (descriptor.kind !== 'list') throw new Error(`${descriptor.name} is selected as a list but its path has placeholders`);
    const incremental =
      descriptor.queryParams.includes('modifiedOnOrAfter') && descriptor.changeField === 'modifiedOn' && !facts.changeFieldNullable;
    plan = { mode: incremental ? 'list-incremental' : 'list-full', table, optIn: false };
    if (incremental) plan.incrementalParam = 'modifiedOnOrAfter';
  }
  // Both kinds page by number, so both get the stable sort (when supported) and the page-size ceiling.
  if (facts.sortsById) plan.stableSort = '+Id';
  plan.maxPageSize = facts.maxPageSize;
  return plan;
}
