/**
 * What `atlas build` extracts besides the export feeds (every export path except the legacy alias is
 * extracted; see ./overrides.ts). Canonical names; the generator fails if one is missing from the
 * OpenAPI documents, has no key, or is not a page-numbered collection.
 */

/**
 * List-only entities: no export feed carries them, and analysts need them (reference section 5.4).
 * Reference tables first, then the accounting, inventory and payroll lists marts may join to.
 * Deliberately left out: form submissions (incremental only by `submittedOnOrAfter`, huge rows),
 * schedulers (rows include `dataApiKey`, a credential), proposal types (not paged), reviews (no id: the reference's key includes the free-text review,
 * which can outgrow a btree index entry), and lists whose entity already has an export feed.
 */
export const extractedListNames: readonly string[] = [
  // Named in the task brief.
  'jpm/job-types',
  'marketing/campaigns',
  'marketing/categories',
  'marketing/costs',
  'jbce/call-reasons',
  'accounting/payment-types',
  'accounting/payment-terms',
  'accounting/tax-zones',
  'dispatch/zones',
  'dispatch/teams',
  'jpm/job-cancel-reasons',
  'jpm/job-hold-reasons',
  'jpm/project-statuses',
  'jpm/project-substatuses',
  'jpm/project-types',
  'settings/user-roles',
  'accounting/gl-accounts',
  'inventory/vendors',
  'inventory/warehouses',
  'inventory/trucks',
  // Cheap reference tables.
  'accounting/gl-accounts/types',
  'crm/booking-provider-tags',
  'dispatch/arrival-windows',
  'dispatch/technician-skills',
  'equipmentsystems/equipment-types',
  'forms/forms',
  'inventory/purchase-order-types',
  'inventory/purchase-order-markups',
  'inventory/return-types',
  'pricebook/discounts-and-fees',
  'pricebook/materialsmarkup',
  'pricebook/clientspecificpricing',
  // Activity without an export feed (incremental where the endpoint allows it).
  'dispatch/technician-shifts',
  'dispatch/non-job-appointments',
  'payroll/payrolls',
  'payroll/non-job-timesheets',
  'sales/estimates/items',
  'taskmanagement/tasks',
  'inventory/receipts',
  'accounting/ap-credits',
  'accounting/ap-payments',
  'accounting/credit-memos',
  'accounting/bank-deposits',
  'accounting/journal-entries',
  // Coverage of the most complete peer (issue 13): custom-field definitions, budget codes, pay
  // rates per location and labor type, and the Intacct business-unit mappings (pages from 0).
  'jpm/jobs/custom-fields',
  'jpm/projects/custom-fields',
  'memberships/memberships/custom-fields',
  'crm/customers/custom-fields',
  'crm/locations/custom-fields',
  'accounting/inventory-bills/custom-fields',
  'jpm/work-breakdown-structure/budget-codes',
  // Documented as `{data}` without paging fields: one page is the whole list (see the list walker).
  'jpm/work-breakdown-structure/segments',
  'payroll/locations/rates',
  'settings/business-units/intacct',
  // Marketing ads (issue 13): what campaign returns are made of. Performance and attributed leads
  // are read in daily windows, capacity warnings whole (./overrides.ts).
  'marketingads/performance',
  'marketingads/attributed-leads',
  'marketingads/capacity-warnings',
];

/**
 * Per-parent endpoints (one request per parent row), extracted only when asked for (`optIn`).
 * `parent` is the extracted endpoint whose rows supply the placeholder value, read from `field`.
 * Job and project notes are not here: they have export feeds (reference section 5.5). A job's
 * canceled log is, although `jpm/export/job-canceled-logs` carries the same records: per job it is
 * offered for parity with the peer extractor (issue 13), staged in its own table.
 */
export const perParentEndpoints: Readonly<Record<string, { parent: string; field: string }>> = {
  'crm/customers/{id}/notes': { parent: 'crm/export/customers', field: 'id' },
  'crm/locations/{id}/notes': { parent: 'crm/export/locations', field: 'id' },
  'crm/leads/{id}/notes': { parent: 'crm/export/leads', field: 'id' },
  'accounting/bank-deposits/{id}/transactions': { parent: 'accounting/bank-deposits', field: 'id' },
  // A job's booked log is one record per job (the body itself, not a page); its canceled log a page.
  'jpm/jobs/{id}/booked-log': { parent: 'jpm/export/jobs', field: 'id' },
  'jpm/jobs/{id}/canceled-log': { parent: 'jpm/export/jobs', field: 'id' },
};
