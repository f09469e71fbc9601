/**
 * Every endpoint name of the Titanpy seed page ("Endpoint Groups",
 * /work/shared/seed/titanpy-package-page.txt), group by group, with the canonical endpoint it must
 * resolve to. Written out by hand from Titanpy's URL handlers and the OpenAPI paths — not derived
 * from src/catalog/seed-names.ts — so the decoder is checked against what the names meant.
 */
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/errors.js';
import { resolveEndpoint, seedGroups } from '../../src/catalog/index.js';

/** What a seed name means: a canonical endpoint, or the Titanpy path it requested that ServiceTitan no longer has. */
type Meaning = string | { retired: string };

const expected: Record<string, Array<[seedName: string, meaning: Meaning]>> = {
  accounting: [
    ['export/inventory-bills', 'accounting/export/inventory-bills'],
    ['export/invoice-items', 'accounting/export/invoice-items'],
    ['export/invoices', 'accounting/export/invoices'],
    ['export/payments', 'accounting/export/payments'],
    ['ap-credits', 'accounting/ap-credits'],
    ['ap-payments', 'accounting/ap-payments'],
    ['inventory-bills', 'accounting/inventory-bills'],
    ['invoices', 'accounting/invoices'],
    ['journal-entries', 'accounting/journal-entries'],
    ['payments', 'accounting/payments'],
    ['payment-terms', 'accounting/payment-terms'],
    ['tax-zones', 'accounting/tax-zones'],
    ['journal-entries-details/', 'accounting/journal-entries/{id}/details'],
    ['journal-entries-summary/', 'accounting/journal-entries/{id}/summary'],
    ['payment-types/', 'accounting/payment-types/{id}'],
  ],
  crm: [
    ['export/bookings', 'crm/export/bookings'],
    ['export/customers', 'crm/export/customers'],
    ['export/customers/contacts', 'crm/export/customers/contacts'],
    ['export/leads', 'crm/export/leads'],
    ['export/locations', 'crm/export/locations'],
    ['export/locations/contacts', 'crm/export/locations/contacts'],
    ['booking-provider-tags', 'crm/booking-provider-tags'],
    ['bookings', 'crm/bookings'],
    ['customers', 'crm/customers'],
    ['customers/contacts', 'crm/customers/contacts'],
    ['leads', 'crm/leads'],
    ['locations', 'crm/locations'],
    ['locations/contacts', 'crm/locations/contacts'],
    ['booking-provider-tags/', 'crm/booking-provider-tags/{id}'],
    // Titanpy's "category" for bookings is the booking provider.
    ['/bookings', 'crm/booking-provider/{booking_provider}/bookings'],
    ['/bookings/', 'crm/booking-provider/{booking_provider}/bookings/{id}'],
    ['/bookings-contacts/', 'crm/booking-provider/{booking_provider}/bookings/{id}/contacts'],
    ['bookings/', 'crm/bookings/{id}'],
    ['bookings-contacts/', 'crm/bookings/{id}/contacts'],
    ['customers/', 'crm/customers/{id}'],
    ['customers-contacts/', 'crm/customers/{id}/contacts'],
    ['customers-notes/', 'crm/customers/{id}/notes'],
    ['leads/', 'crm/leads/{id}'],
    ['leads-notes/', 'crm/leads/{id}/notes'],
    ['locations/', 'crm/locations/{id}'],
    ['locations-contacts/', 'crm/locations/{id}/contacts'],
    ['locations-notes/', 'crm/locations/{id}/notes'],
  ],
  dispatch: [
    ['export/appointment-assignments', 'dispatch/export/appointment-assignments'],
    ['appointment_assignments', 'dispatch/appointment-assignments'], // underscore is Titanpy's typo
    ['non-job-appointments', 'dispatch/non-job-appointments'],
    ['teams', 'dispatch/teams'],
    ['technician-shifts', 'dispatch/technician-shifts'],
    ['zones', 'dispatch/zones'],
    ['non-job-appointments/', 'dispatch/non-job-appointments/{id}'],
    ['teams/', 'dispatch/teams/{id}'],
    ['technician-shifts/', 'dispatch/technician-shifts/{id}'],
    ['zones/', 'dispatch/zones/{id}'],
  ],
  installed_systems: [
    ['installed-equipment', 'equipmentsystems/installed-equipment'],
    ['installed-equipment/', 'equipmentsystems/installed-equipment/{id}'],
  ],
  forms: [
    ['forms', 'forms/forms'],
    ['submissions', 'forms/submissions'],
  ],
  inventory: [
    ['export/purchase-orders', 'inventory/export/purchase-orders'],
    ['adjustments', 'inventory/adjustments'],
    ['purchase-orders', 'inventory/purchase-orders'],
    ['purchase-order-markups', 'inventory/purchase-order-markups'],
    ['purchase-order-types', 'inventory/purchase-order-types'],
    ['receipts', 'inventory/receipts'],
    ['returns', 'inventory/returns'],
    ['transfers', 'inventory/transfers'],
    ['trucks', 'inventory/trucks'],
    ['vendors', 'inventory/vendors'],
    ['warehouses', 'inventory/warehouses'],
    ['purchase-orders/', 'inventory/purchase-orders/{id}'],
    ['purchase-order-markups/', 'inventory/purchase-order-markups/{id}'],
    ['vendors/', 'inventory/vendors/{id}'],
  ],
  job_booking: [['call-reasons', 'jbce/call-reasons']],
  job_planning: [
    ['export/appointments', 'jpm/export/appointments'],
    ['export/job-canceled-logs', 'jpm/export/job-canceled-logs'],
    ['export/jobs', 'jpm/export/jobs'],
    ['export/projects', 'jpm/export/projects'],
    ['appointments', 'jpm/appointments'],
    ['job-cancel-reasons', 'jpm/job-cancel-reasons'],
    ['job-hold-reasons', 'jpm/job-hold-reasons'],
    ['jobs', 'jpm/jobs'],
    ['job-types', 'jpm/job-types'],
    ['projects', 'jpm/projects'],
    ['project-statuses', 'jpm/project-statuses'],
    ['project-substatuses', 'jpm/project-substatuses'],
    ['appointments/', 'jpm/appointments/{id}'],
    // Titanpy requested `jobs/cancel-reasons?ids=<id>`: the cancel reasons of the given jobs.
    ['jobs-cancel-reasons//', 'jpm/jobs/cancel-reasons'],
    ['jobs/', 'jpm/jobs/{id}'],
    ['jobs-history/', 'jpm/jobs/{id}/history'],
    ['jobs-notes/', 'jpm/jobs/{id}/notes'],
    ['job-types/', 'jpm/job-types/{id}'],
    ['projects/', 'jpm/projects/{id}'],
    ['projects-notes/', 'jpm/projects/{id}/notes'],
    ['project-statuses/', 'jpm/project-statuses/{id}'],
    ['project-substatuses/', 'jpm/project-substatuses/{id}'],
  ],
  marketing: [
    ['categories', 'marketing/categories'],
    ['costs', 'marketing/costs'],
    ['campaigns', 'marketing/campaigns'],
    // Titanpy requested marketing/v2/tenant/{tenant}/suppressions(/{id}); no such path is published
    // any more, and no other endpoint may stand in for it.
    ['suppressions', { retired: 'marketing/v2/tenant/{tenant}/suppressions' }],
    ['categories/', 'marketing/categories/{id}'],
    ['costs/', 'marketing/costs/{id}'],
    ['campaigns/', 'marketing/campaigns/{id}'],
    ['campaigns-costs/', 'marketing/campaigns/{id}/costs'],
    ['suppressions/', { retired: 'marketing/v2/tenant/{tenant}/suppressions/{id}' }],
  ],
  marketing_reputation: [['reviews', 'marketingreputation/reviews']],
  memberships: [
    ['export/invoice-templates', 'memberships/export/invoice-templates'],
    ['export/membership-types', 'memberships/export/membership-types'],
    ['export/memberships', 'memberships/export/memberships'],
    ['export/recurring-service-events', 'memberships/export/recurring-service-events'],
    ['export/recurring-service-types', 'memberships/export/recurring-service-types'],
    ['export/recurring-services', 'memberships/export/recurring-services'],
    ['memberships', 'memberships/memberships'],
    ['recurring-service-events', 'memberships/recurring-service-events'],
    ['recurring-services', 'memberships/recurring-services'],
    ['membership-types', 'memberships/membership-types'],
    ['recurring-service-types', 'memberships/recurring-service-types'],
    ['memberships/', 'memberships/memberships/{id}'],
    ['memberships-status-changes/', 'memberships/memberships/{id}/status-changes'],
    ['invoice-templates/', 'memberships/invoice-templates/{id}'],
    // Titanpy requested `invoice-templates?id=<id>`: the list endpoint filtered by ids.
    ['invoice-templates//', 'memberships/invoice-templates'],
    ['recurring-services/', 'memberships/recurring-services/{id}'],
    ['membership-types/', 'memberships/membership-types/{id}'],
    ['membership-types-discounts/', 'memberships/membership-types/{id}/discounts'],
    ['membership-types-duration-billing-items/', 'memberships/membership-types/{id}/duration-billing-items'],
    ['membership-types-recurring-service-items/', 'memberships/membership-types/{id}/recurring-service-items'],
    ['recurring-service-types/', 'memberships/recurring-service-types/{id}'],
  ],
  payroll: [
    ['export/activity-codes', 'payroll/export/activity-codes'],
    ['export/gross-pay-items', 'payroll/export/gross-pay-items'],
    ['export/jobs/splits', 'payroll/export/jobs/splits'],
    ['export/jobs/timesheets', 'payroll/export/jobs/timesheets'],
    ['export/payroll-adjustments', 'payroll/export/payroll-adjustments'],
    ['export/timesheet-codes', 'payroll/export/timesheet-codes'],
    ['activity-codes', 'payroll/activity-codes'],
    ['gross-pay-items', 'payroll/gross-pay-items'],
    ['jobs/splits', 'payroll/jobs/splits'],
    ['locations/rates', 'payroll/locations/rates'],
    ['payroll-adjustments', 'payroll/payroll-adjustments'],
    ['payrolls', 'payroll/payrolls'],
    ['timesheet-codes', 'payroll/timesheet-codes'],
    ['jobs/timesheets', 'payroll/jobs/timesheets'],
    ['non-job-timesheets', 'payroll/non-job-timesheets'],
    ['activity-codes/', 'payroll/activity-codes/{id}'],
    ['jobs-splits/', 'payroll/jobs/{job}/splits'],
    ['payroll-adjustments/', 'payroll/payroll-adjustments/{id}'],
    ['employees-payrolls/', 'payroll/employees/{employee}/payrolls'],
    ['technicians-payrolls/', 'payroll/technicians/{technician}/payrolls'],
    ['timesheet-codes/', 'payroll/timesheet-codes/{id}'],
    ['jobs-timesheets/', 'payroll/jobs/{job}/timesheets'],
  ],
  pricebook: [
    ['categories', 'pricebook/categories'],
    ['discounts-and-fees', 'pricebook/discounts-and-fees'],
    ['equipment', 'pricebook/equipment'],
    ['images', 'pricebook/images'],
    ['materials', 'pricebook/materials'],
    ['materialsmarkup', 'pricebook/materialsmarkup'],
    ['services', 'pricebook/services'],
    ['categories/', 'pricebook/categories/{id}'],
    ['discounts-and-fees/', 'pricebook/discounts-and-fees/{id}'],
    ['equipment/', 'pricebook/equipment/{id}'],
    ['materials/', 'pricebook/materials/{id}'],
    ['materialsmarkup/', 'pricebook/materialsmarkup/{id}'],
    ['services/', 'pricebook/services/{id}'],
  ],
  reporting: [
    ['report-categories', 'reporting/report-categories'],
    ['dynamic-value-sets/', 'reporting/dynamic-value-sets/{dynamicSetId}'],
    ['/reports', 'reporting/report-category/{report_category}/reports'],
    ['/reports/', 'reporting/report-category/{report_category}/reports/{reportId}'],
  ],
  estimates: [
    ['estimates/export', 'sales/estimates/export'], // the legacy export alias, as Titanpy used it
    ['estimates', 'sales/estimates'],
    ['estimates/items', 'sales/estimates/items'],
    ['estimates/', 'sales/estimates/{id}'],
  ],
  service_agreements: [
    ['export/service-agreements', 'service-agreements/export/service-agreements'],
    ['service-agreements', 'service-agreements/service-agreements'],
    ['service-agreements/', 'service-agreements/service-agreements/{id}'],
  ],
  settings: [
    ['export/business-units', 'settings/export/business-units'],
    ['export/employees', 'settings/export/employees'],
    ['export/tag-types', 'settings/export/tag-types'],
    ['export/technicians', 'settings/export/technicians'],
    ['business_units', 'settings/business-units'],
    ['employees', 'settings/employees'],
    ['tag-types', 'settings/tag-types'],
    ['technicians', 'settings/technicians'],
    ['user-roles', 'settings/user-roles'],
    ['business_units/', 'settings/business-units/{id}'],
    ['employees/', 'settings/employees/{id}'],
    ['technicians/', 'settings/technicians/{id}'],
  ],
  // `data` is a real path: client-side data (task types, sources, resolutions) of task management.
  task_management: [['data', 'taskmanagement/data']],
  telecom: [
    ['export/calls', 'telecom/export/calls'],
    ['calls/', 'telecom/calls/{id}'],
    ['calls-recording/', 'telecom/calls/{id}/recording'],
    ['calls-voicemail/', 'telecom/calls/{id}/voicemail'],
  ],
  telecom_v3: [['calls', 'telecom/calls']],
};

/** Seed names that mean different endpoints in different groups: they need the group. */
const ambiguousWithoutGroup = new Set(['categories', 'categories/']);

describe('Titanpy seed names', () => {
  it('the table covers exactly the seed page groups and names', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(seedGroups).sort());
    for (const [group, entries] of Object.entries(expected)) {
      expect(
        entries.map(([name]) => name),
        group,
      ).toEqual([...seedGroups[group].names]);
    }
  });

  for (const [group, entries] of Object.entries(expected)) {
    describe(group, () => {
      it.each(entries.filter((entry): entry is [string, { retired: string }] => typeof entry[1] !== 'string'))(
        '%s is refused as retired, naming %o',
        (seedName, { retired }) => {
          for (const resolve of [() => resolveEndpoint(seedName, { group }), () => resolveEndpoint(seedName)]) {
            const refusal = { code: 'ENDPOINT_UNKNOWN', details: expect.objectContaining({ retiredPath: retired }) };
            expect(resolve).toThrow(expect.objectContaining(refusal));
          }
        },
      );

      it.each(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'))('%s → %s', (seedName, canonical) => {
        expect(resolveEndpoint(seedName, { group }).name).toBe(canonical);
        if (ambiguousWithoutGroup.has(seedName)) {
          expect(() => resolveEndpoint(seedName)).toThrow(expect.objectContaining({ code: 'ENDPOINT_AMBIGUOUS' }));
        } else {
          expect(resolveEndpoint(seedName).name).toBe(canonical);
        }
      });
    });
  }

  it('telecom calls: v3 in telecom_v3 (plain name), v2 in telecom', () => {
    const v3 = resolveEndpoint('calls', { group: 'telecom_v3' });
    expect([v3.name, v3.version]).toEqual(['telecom/calls', 'v3']);
    const v2 = resolveEndpoint('calls', { group: 'telecom' });
    expect([v2.name, v2.version]).toEqual(['telecom/v2/calls', 'v2']);
  });

  it('an ambiguous short name lists the candidates and says how to choose', () => {
    let caught: unknown;
    try {
      resolveEndpoint('categories');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AtlasError);
    const error = caught as AtlasError;
    expect(error.code).toBe('ENDPOINT_AMBIGUOUS');
    expect(error.message).toContain('marketing/categories (group marketing)');
    expect(error.message).toContain('pricebook/categories (group pricebook)');
    expect(error.message).toMatch(/pass the group .*canonical name/i);
    expect(error.details.candidates).toEqual(['marketing/categories', 'pricebook/categories']);
  });

  it('an unknown group is reported with the list of groups', () => {
    expect(() => resolveEndpoint('customers', { group: 'crmm' })).toThrow(/Unknown endpoint group "crmm".*crm, dispatch/);
  });
});
