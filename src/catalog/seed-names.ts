/**
 * The endpoint names of the original Python package (Titanpy, /work/shared/seed/titanpy-package-page.txt,
 * "Endpoint Groups"), so Titanpy users can keep the names they know. Each group maps to the URL
 * module it covered (Titanpy's `<group>_url_tenant`); its plain and `_id_` lists are merged.
 *
 * Titanpy's naming scheme (decoded by ./seed-decode.ts):
 * - `export/customers`, `jobs/splits`: the path as written;
 * - a trailing `/` means "by id": `customers/` → `customers/{id}`, and a dash may stand for the
 *   id's position: `customers-notes/` → `customers/{id}/notes`;
 * - a trailing `//` means "by a list of ids" (sent as `?ids=`): `jobs-cancel-reasons//` → `jobs/cancel-reasons`;
 * - a leading `/` means a "category" comes first: `/reports/` → `report-category/{report_category}/reports/{reportId}`;
 * - `_` is a typo for `-` (`business_units`, `appointment_assignments`).
 */
export interface SeedGroup {
  /** URL module segment the group's names live in. */
  module: string;
  /** URL version the group targets when a path exists in several (telecom v2 vs v3). */
  version?: string;
  names: readonly string[];
}

export const seedGroups: Readonly<Record<string, SeedGroup>> = {
  accounting: {
    module: 'accounting',
    names: [
      'export/inventory-bills', 'export/invoice-items', 'export/invoices', 'export/payments', 'ap-credits', 'ap-payments',
      'inventory-bills', 'invoices', 'journal-entries', 'payments', 'payment-terms', 'tax-zones',
      'journal-entries-details/', 'journal-entries-summary/', 'payment-types/',
    ],
  },
  crm: {
    module: 'crm',
    names: [
      'export/bookings', 'export/customers', 'export/customers/contacts', 'export/leads', 'export/locations',
      'export/locations/contacts', 'booking-provider-tags', 'bookings', 'customers', 'customers/contacts', 'leads',
      'locations', 'locations/contacts',
      'booking-provider-tags/', '/bookings', '/bookings/', '/bookings-contacts/', 'bookings/', 'bookings-contacts/',
      'customers/', 'customers-contacts/', 'customers-notes/', 'leads/', 'leads-notes/', 'locations/',
      'locations-contacts/', 'locations-notes/',
    ],
  },
  dispatch: {
    module: 'dispatch',
    names: [
      'export/appointment-assignments', 'appointment_assignments', 'non-job-appointments', 'teams', 'technician-shifts', 'zones',
      'non-job-appointments/', 'teams/', 'technician-shifts/', 'zones/',
    ],
  },
  installed_systems: { module: 'equipmentsystems', names: ['installed-equipment', 'installed-equipment/'] },
  forms: { module: 'forms', names: ['forms', 'submissions'] },
  inventory: {
    module: 'inventory',
    names: [
      'export/purchase-orders', 'adjustments', 'purchase-orders', 'purchase-order-markups', 'purchase-order-types',
      'receipts', 'returns', 'transfers', 'trucks', 'vendors', 'warehouses',
      'purchase-orders/', 'purchase-order-markups/', 'vendors/',
    ],
  },
  job_booking: { module: 'jbce', names: ['call-reasons'] },
  job_planning: {
    module: 'jpm',
    names: [
      'export/appointments', 'export/job-canceled-logs', 'export/jobs', 'export/projects', 'appointments',
      'job-cancel-reasons', 'job-hold-reasons', 'jobs', 'job-types', 'projects', 'project-statuses', 'project-substatuses',
      'appointments/', 'jobs-cancel-reasons//', 'jobs/', 'jobs-history/', 'jobs-notes/', 'job-types/', 'projects/',
      'projects-notes/', 'project-statuses/', 'project-substatuses/',
    ],
  },
  marketing: {
    module: 'marketing',
    names: ['categories', 'costs', 'campaigns', 'suppressions', 'categories/', 'costs/', 'campaigns/', 'campaigns-costs/', 'suppressions/'],
  },
  marketing_reputation: { module: 'marketingreputation', names: ['reviews'] },
  memberships: {
    module: 'memberships',
    names: [
      'export/invoice-templates', 'export/membership-types', 'export/memberships', 'export/recurring-service-events',
      'export/recurring-service-types', 'export/recurring-services', 'memberships', 'recurring-service-events',
      'recurring-services', 'membership-types', 'recurring-service-types',
      'memberships/', 'memberships-status-changes/', 'invoice-templates/', 'invoice-templates//', 'recurring-services/',
      'membership-types/', 'membership-types-discounts/', 'membership-types-duration-billing-items/',
      'membership-types-recurring-service-items/', 'recurring-service-types/',
    ],
  },
  payroll: {
    module: 'payroll',
    names: [
      'export/activity-codes', 'export/gross-pay-items', 'export/jobs/splits', 'export/jobs/timesheets',
      'export/payroll-adjustments', 'export/timesheet-codes', 'activity-codes', 'gross-pay-items', 'jobs/splits',
      'locations/rates', 'payroll-adjustments', 'payrolls', 'timesheet-codes', 'jobs/timesheets', 'non-job-timesheets',
      'activity-codes/', 'jobs-splits/', 'payroll-adjustments/', 'employees-payrolls/', 'technicians-payrolls/',
      'timesheet-codes/', 'jobs-timesheets/',
    ],
  },
  pricebook: {
    module: 'pricebook',
    names: [
      'categories', 'discounts-and-fees', 'equipment', 'images', 'materials', 'materialsmarkup', 'services',
      'categories/', 'discounts-and-fees/', 'equipment/', 'materials/', 'materialsmarkup/', 'services/',
    ],
  },
  reporting: { module: 'reporting', names: ['report-categories', 'dynamic-value-sets/', '/reports', '/reports/'] },
  estimates: { module: 'sales', names: ['estimates/export', 'estimates', 'estimates/items', 'estimates/'] },
  service_agreements: { module: 'service-agreements', names: ['export/service-agreements', 'service-agreements', 'service-agreements/'] },
  settings: {
    module: 'settings',
    names: [
      'export/business-units', 'export/employees', 'export/tag-types', 'export/technicians', 'business_units',
      'employees', 'tag-types', 'technicians', 'user-roles',
      'business_units/', 'employees/', 'technicians/',
    ],
  },
  task_management: { module: 'taskmanagement', names: ['data'] },
  telecom: { module: 'telecom', version: 'v2', names: ['export/calls', 'calls/', 'calls-recording/', 'calls-voicemail/'] },
  telecom_v3: { module: 'telecom', version: 'v3', names: ['calls'] },
};
