/**
 * Facts about records the OpenAPI documents cannot tell the generator, from
 * ../shared/reference/servicetitan-api.md (sections 3, 5.4 and 9.1). Keyed by canonical name.
 * The generator checks that every field named here exists in the endpoint's item schema, so a
 * renamed field fails the generation instead of producing a key nobody sends.
 */
import type { WindowPlan } from '../../src/catalog/types.js';

/** Record keys for rows without a usable single `id`. */
export const specialKeys: Readonly<Record<string, readonly string[]>> = {
  // One rating per technician per job; the row has no id of its own (reference section 3).
  'customer-interactions/export/technician-ratings': ['technicianId', 'jobId'],
  'customer-interactions/technician-ratings': ['technicianId', 'jobId'],
  // Each row is `{ jobId, history[] }` and the documents do not say whether `history` is the job's
  // whole history or only the entries since `from`: entries are stored one per row (see
  // `unnestedRecords`), keyed by the entry's own id, so none is ever overwritten.
  'jpm/export/job-history': ['id'],
  // Pay rates per location and labor type: the documents give locationId + laborTypeCode as the key.
  'payroll/locations/rates': ['locationId', 'laborTypeCode'],
  // Keyed by employee; technician and employee ids may collide, so the type is part of the key
  // (reference "Uncertain": payroll-settings export key).
  'payroll/export/payroll-settings': ['employeeId', 'employeeType'],
  'payroll/payroll-settings': ['employeeId', 'employeeType'],
  // The SPEC marks `id` nullable; ML's (payrollId, date) is probably not unique, so keep `id` and
  // key id-less rows by `keyFallbacks` below (reference section 3).
  'payroll/export/gross-pay-items': ['id'],
  // Reviews carry no id; the reference's composite (section 5.4, as MeltanoLabs' tap keys them).
  // Caveats: all three are nullable in the SPEC (the loader rejects rows missing a key part), and
  // `review` is free text, so an edited review becomes a new row. `externalId`/`internalId` look like
  // better keys but are nullable and undocumented, so the reference's proven composite is kept.
  'marketingreputation/reviews': ['review', 'platform', 'address'],
  // Performance rows carry no date and no id of their own: read one day per window and one
  // segmentation type per read, they are keyed by what the extractor adds (`windowedEndpoints`).
  'marketingads/performance': ['segmentationType', 'segmentId', 'date'],
  // A lead has no id; it is known by what it came from (`recordIdentities`).
  'marketingads/attributed-leads': ['leadOrigin'],
  // One current warning per campaign and warning type (as MeltanoLabs' tap keys them).
  'marketingads/capacity-warnings': ['campaignName', 'warningType'],
};

/**
 * Endpoints read in date windows (src/catalog/types.ts `WindowPlan`). Both marketing-ads lists take
 * `fromUtc`/`toUtc` (required); performance also a required segmentation type. One UTC day per
 * window, as MeltanoLabs' tap reads performance; a week of look-back, since ad platforms and
 * ServiceTitan's attribution restate recent days (late conversions, leads booked a day or two later);
 * 30 days of history without a configured start date (the tap's default too).
 */
export const windowedEndpoints: Readonly<Record<string, WindowPlan>> = {
  'marketingads/performance': {
    fromParam: 'fromUtc',
    toParam: 'toUtc',
    days: 1,
    lookbackDays: 7,
    historyDays: 30,
    dayField: 'date',
    segments: {
      param: 'performanceSegmentationType',
      field: 'segmentationType',
      idField: 'segmentId',
      values: [
        { value: 'Campaign', idPaths: ['campaign.id'] },
        { value: 'AdGroup', idPaths: ['adGroup.id'] },
        // Ad-platform keyword ids are criterion ids, shared by the same keyword in other ad groups.
        { value: 'Keyword', idPaths: ['adGroup.id', 'keyword.id'] },
      ],
    },
  },
  'marketingads/attributed-leads': { fromParam: 'fromUtc', toParam: 'toUtc', days: 1, lookbackDays: 7, historyDays: 30 },
};

/**
 * Fields the extractor adds to records that nothing they carry identifies alone (types.ts
 * `identity`). A lead came from exactly one call, online booking, lead form or manually booked job;
 * the job of a call lead appears later, so the call comes first and the job last.
 */
export const recordIdentities: Readonly<Record<string, { field: string; paths: readonly string[] }>> = {
  'marketingads/attributed-leads': { field: 'leadOrigin', paths: ['call.id', 'booking.id', 'leadForm.leadNumber', 'job.id'] },
};

/** Lists answered whole in one response, with no `page`/`pageSize` (current capacity warnings). */
export const unpagedSnapshots: readonly string[] = ['marketingads/capacity-warnings'];

/**
 * Endpoints whose rows carry their records in an array (src/catalog/types.ts `unnest`): each element
 * becomes a stored row, with the `carry` fields of its row. Key and change field then name fields of
 * the element (or of `carry`).
 */
export const unnestedRecords: Readonly<Record<string, { field: string; carry: readonly string[] }>> = {
  'jpm/export/job-history': { field: 'history', carry: ['jobId'] },
};

/**
 * Endpoints whose single key field is declared nullable, and the fields that identify a row sent
 * without it (src/load/fallback-key.ts derives the stored key from their values). The fields are
 * what a row is *about*, never what may be edited (amounts, memos), so a re-sent row keeps its key.
 */
export const keyFallbacks: Readonly<Record<string, readonly string[]>> = {
  // A pay item is one kind of pay, for one employee, in one payroll, on one date, from one source
  // (timesheet, invoice item, …) and activity; two items alike in all of these are one item.
  'payroll/export/gross-pay-items': [
    'payrollId',
    'employeeType',
    'employeeId',
    'grossPayItemType',
    'date',
    'sourceEntityId',
    'invoiceItemId',
    'jobId',
    'activityCodeId',
    'paidTimeType',
    'startedOn',
  ],
  // Journal entries are numbered per tenant (`number` is required and never null).
  'accounting/journal-entries': ['number'],
  // A payment term is known by its name in the ServiceTitan UI (names are unique per tenant).
  'accounting/payment-terms': ['name'],
};

/** Lists whose pages start at 0 (reference section 5.1: Intacct mappings, as MeltanoLabs' tap found). */
export const zeroBasedLists: readonly string[] = ['settings/business-units/intacct'];

/** Query parameters an endpoint refuses to work without (Intacct mappings fail without includeTotal). */
export const requiredQuery: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'settings/business-units/intacct': { includeTotal: 'true' },
};

/**
 * Change-field overrides. Everything else uses `modifiedOn` when the item has it, else `createdOn`.
 * Notably `accounting/export/inventory-bills` keeps `modifiedOn` although the SPEC makes it nullable
 * (MeltanoLabs bookmarks it on `createdOn` for that reason, reference section 3): export feeds are
 * resumed by continuation token, so the change field only orders rows within a page.
 */
export const specialChangeFields: Readonly<Record<string, string | null>> = {
  // Stored rows are history entries, which carry `date` (reference section 3).
  'jpm/export/job-history': 'date',
};

/** The legacy export alias: same feed as `sales/export/estimates`, so a build never extracts it. */
export const legacyExportAliases: readonly string[] = ['sales/estimates/export'];
