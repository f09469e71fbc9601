/**
 * The order in which a tenant's endpoints take the concurrency slots: longest expected walk
 * first. An export feed is a chain of pages (each request needs the previous page's token), so a
 * long feed that starts late becomes the run's tail, with most slots idle and the rate limit
 * unspent; started first, it runs alongside the short walks, which then fill the gaps.
 *
 * Expected length, in order of preference:
 *   1. the pages the endpoint took in the tenant's last successful run (a sync's best guess for
 *      the next sync, a build's for the one after);
 *   2. without history (a first build): the export feeds whose records grow with the number of
 *      jobs — every job brings appointments, assignments, invoice items, calls, timesheets — in
 *      any ServiceTitan tenant, then the other export feeds and window walks, then lists.
 * Ties keep the catalog order, so the order is deterministic. The order changes timing only,
 * never what lands.
 */
import type { EndpointDescriptor } from '../catalog/types.js';

/** Export feeds with several records per job, so the longest walks of a tenant without history. */
export const JOB_VOLUME_FEEDS: readonly string[] = [
  'accounting/export/invoice-items',
  'dispatch/export/appointment-assignments',
  'payroll/export/jobs/timesheets',
  'telecom/export/calls',
  'payroll/export/gross-pay-items',
  'payroll/export/jobs/splits',
  'accounting/export/invoices',
  'jpm/export/jobs',
  'jpm/export/appointments',
  'jpm/export/job-history',
  'accounting/export/payments',
];

function priorWeight(d: EndpointDescriptor): number {
  const rank = JOB_VOLUME_FEEDS.indexOf(d.name);
  if (rank >= 0) return 2 + JOB_VOLUME_FEEDS.length - rank;
  // Window walks are chains too: one request per day (and segmentation type) from the start date.
  return d.extract?.mode === 'export' || d.extract?.mode === 'window' ? 1 : 0;
}

export function longestFirst(endpoints: EndpointDescriptor[], lastPages: ReadonlyMap<string, number>): EndpointDescriptor[] {
  return endpoints
    .map((descriptor, index) => ({ descriptor, index, pages: lastPages.get(descriptor.name) ?? -1, prior: priorWeight(descriptor) }))
    .sort((a, b) => b.pages - a.pages || b.prior - a.prior || a.index - b.index)
    .map((entry) => entry.descriptor);
}
