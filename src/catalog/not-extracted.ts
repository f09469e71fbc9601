/**
 * Why a default build does not extract an endpoint, for `atlas endpoints` (`reason`, null for the
 * endpoints it extracts). Every reason starts with its kind:
 * - `opt-in:` per-parent endpoints a build extracts only when named (`--endpoint`);
 * - `by id:` one record by its id, which a list or feed already carries;
 * - `equivalent feed <name>:` the same records arrive through an extracted feed or list;
 * - `per-parent:` one request per parent row, not selected;
 * - `no stable key:` rows without a field (or fields) that identify them;
 * - `carries a credential:` rows include a secret that must not land in a warehouse;
 * - `not a collection:` a single object, a settings document or a lookup, not rows to stage;
 * - `not selected:` could be extracted, not chosen yet (scripts/catalog/selection.ts).
 * Explicit reasons below win over the rules; a unit test checks that every endpoint gets one.
 */
import { tableNameOf } from './table-of.js';
import type { EndpointDescriptor } from './types.js';

const explicit: Readonly<Record<string, string>> = {
  'sales/estimates/export': 'equivalent feed sales/export/estimates: the legacy alias of the same feed',
  'jpm/jobs/{id}/notes': 'equivalent feed jpm/export/job-notes',
  'jpm/projects/{id}/notes': 'equivalent feed jpm/export/project-notes',
  'jpm/jobs/{id}/canceled-log':
    'opt-in: one request per jpm/export/jobs row; extracted when named with --endpoint (jpm/export/job-canceled-logs carries the same records)',
  'jpm/jobs/{id}/history': 'equivalent feed jpm/export/job-history',
  'memberships/memberships/{id}/status-changes': 'equivalent feed memberships/export/membership-status-changes',
  'schedulingpro/schedulers': 'carries a credential: rows include dataApiKey',
  'schedulingpro/schedulers/{id}/sessions': 'per-parent: sessions of schedulers, whose rows carry a credential',
  'schedulingpro/schedulers/{id}/performance': 'per-parent: performance of schedulers, whose rows carry a credential',
  'marketingreputation/reviews':
    'no stable key: reviews have no id; the composite (review text, platform, address) can outgrow an index entry',
  'dispatch/capacity':
    'opt-in: a POST, one request per day from today to 14 days ahead, a snapshot replaced each run; extracted when named with --endpoint',
  'forms/submissions': 'not selected: incremental only by submittedOnOrAfter, with very large rows',
  'sales/proposal-types': 'not a collection: not paged',
  'reporting/report-categories': 'not selected: report metadata; report data is read with atlas get, not staged',
  'accounting/inventory-bills/paginated': 'equivalent feed accounting/export/inventory-bills',
  'accounting/credit-memos/credit-memo-items': 'equivalent feed accounting/credit-memos: items are part of each credit memo',
  'crm/contacts/preferences': 'not a collection: a lookup by contact',
  'pricebook/materials/costtypes': 'not a collection: not paged',
};

/** The reason, or null when a default build extracts the endpoint. */
export function notExtractedReason(descriptor: EndpointDescriptor, catalog: readonly EndpointDescriptor[]): string | null {
  const plan = descriptor.extract;
  if (plan && !plan.optIn) return null;
  if (explicit[descriptor.name]) return explicit[descriptor.name];
  if (plan?.optIn) return `opt-in: one request per ${plan.parent?.endpoint ?? 'parent'} row; extracted when named with --endpoint`;
  if (descriptor.kind === 'id' && /\}$/.test(descriptor.path)) return 'by id: one record, which its list or feed already carries';
  const twin = catalog.find(
    (other) => other !== descriptor && other.extract && !other.extract.optIn && other.extract.table === tableNameOf(descriptor),
  );
  if (twin) return `equivalent feed ${twin.name}`;
  if (descriptor.kind === 'id') return 'per-parent: one request per parent row; not selected';
  if (!descriptor.queryParams.includes('page')) return 'not a collection: not paged';
  if (descriptor.key.length === 0) return 'no stable key: its rows have no id and no documented identifying fields';
  return 'not selected: no mart reads it yet (add it to scripts/catalog/selection.ts)';
}
