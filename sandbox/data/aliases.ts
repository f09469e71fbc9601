/**
 * Endpoints served from a table other than their own name: list and per-parent forms of the
 * main entities (the same records as the export feed), and the legacy estimates export alias.
 * `parentField`: the record field a per-parent endpoint's placeholder is matched against;
 * `hiddenParent`: matched against the row's hidden parent key instead (e.g. estimate items);
 * `fixed`: extra field values a row must have (e.g. technician payrolls).
 */
import { T } from './names.js';

export type ViewName = 'callV3' | 'callV2';

export interface Alias {
  table: string;
  parentField?: string;
  hiddenParent?: boolean;
  fixed?: Record<string, unknown>;
  view?: ViewName;
}

export const ALIASES: Record<string, Alias> = {
  'sales/estimates/export': { table: T.estimates },
  'crm/customers': { table: T.customers },
  'crm/customers/contacts': { table: T.customerContacts },
  'crm/customers/{id}/contacts': { table: T.customerContacts, parentField: 'customerId' },
  'crm/locations': { table: T.locations },
  'crm/locations/contacts': { table: T.locationContacts },
  'crm/locations/{id}/contacts': { table: T.locationContacts, parentField: 'locationId' },
  'crm/leads': { table: T.leads },
  'crm/bookings': { table: T.bookings },
  'jpm/jobs': { table: T.jobs },
  'jpm/appointments': { table: T.appointments },
  'jpm/projects': { table: T.projects },
  'jpm/jobs/{id}/notes': { table: T.jobNotes, parentField: 'jobId' },
  'jpm/projects/{id}/notes': { table: T.projectNotes, parentField: 'projectId' },
  'jpm/jobs/{id}/canceled-log': { table: T.jobCanceledLogs, parentField: 'jobId' },
  'dispatch/appointment-assignments': { table: T.assignments },
  'accounting/invoices': { table: T.invoices },
  'accounting/payments': { table: T.payments },
  'accounting/inventory-bills/paginated': { table: T.inventoryBills },
  'settings/business-units': { table: T.businessUnits },
  'settings/employees': { table: T.employees },
  'settings/technicians': { table: T.technicians },
  'settings/tag-types': { table: T.tagTypes },
  'telecom/calls': { table: T.calls, view: 'callV3' },
  'telecom/v2/calls': { table: T.calls, view: 'callV2' },
  'marketing/campaigns/{id}/costs': { table: T.campaignCosts, parentField: 'campaignId' },
  'memberships/memberships': { table: T.memberships },
  'memberships/membership-types': { table: T.membershipTypes },
  'memberships/recurring-service-types': { table: T.recurringServiceTypes },
  'memberships/invoice-templates': { table: T.invoiceTemplates },
  'memberships/recurring-services': { table: T.recurringServices },
  'memberships/recurring-service-events': { table: T.recurringServiceEvents },
  'payroll/jobs/splits': { table: T.jobSplits },
  'payroll/jobs/{job}/splits': { table: T.jobSplits, parentField: 'jobId' },
  'payroll/payroll-adjustments': { table: T.payrollAdjustments },
  'payroll/jobs/timesheets': { table: T.jobTimesheets },
  'payroll/jobs/{job}/timesheets': { table: T.jobTimesheets, parentField: 'jobId' },
  'payroll/activity-codes': { table: T.activityCodes },
  'payroll/timesheet-codes': { table: T.timesheetCodes },
  'payroll/gross-pay-items': { table: T.grossPayItems },
  'payroll/payroll-settings': { table: T.payrollSettings },
  'payroll/technicians/{technician}/payrolls': { table: T.payrolls, parentField: 'employeeId', fixed: { employeeType: 'Technician' } },
  'payroll/employees/{employee}/payrolls': { table: T.payrolls, parentField: 'employeeId', fixed: { employeeType: 'Employee' } },
  'pricebook/categories': { table: T.pricebookCategories },
  'pricebook/equipment': { table: T.pricebookEquipment },
  'pricebook/services': { table: T.pricebookServices },
  'pricebook/materials': { table: T.pricebookMaterials },
  'sales/estimates': { table: T.estimates },
  'service-agreements/service-agreements': { table: T.serviceAgreements },
  'equipmentsystems/installed-equipment': { table: T.installedEquipment },
  'customer-interactions/technician-ratings': { table: T.technicianRatings },
  'inventory/purchase-orders': { table: T.purchaseOrders },
  'inventory/adjustments': { table: T.adjustments },
  'inventory/returns': { table: T.returns },
  'inventory/transfers': { table: T.transfers },
  'timesheets/activities': { table: T.activities },
  'timesheets/activity-categories': { table: T.activityCategories },
  'timesheets/activity-types': { table: T.activityTypes },
};
