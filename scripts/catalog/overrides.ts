/**
 * Facts about records the OpenAPI documents cannot tell the generator, from
 * ../shared/reference/servicetitan-api.md (sections 3, 5.4 and 9.1). Keyed by canonical name.
 * The generator checks that every field named here exists in the endpoint's item schema, so a
 * renamed field fails the generation instead of producing a key nobody sends.
 */

/** Record keys for rows without a usable single `id`. */
export const specialKeys: Readonly<Record<string, readonly string[]>> = {
  // One rating per technician per job; the row has no id of its own (reference section 3).
  'customer-interactions/export/technician-ratings': ['technicianId', 'jobId'],
  'customer-interactions/technician-ratings': ['technicianId', 'jobId'],
  // Each row is `{ jobId, history[] }`: one row per job (reference section 3).
  'jpm/export/job-history': ['jobId'],
  // Keyed by employee; technician and employee ids may collide, so the type is part of the key
  // (reference "Uncertain": payroll-settings export key).
  'payroll/export/payroll-settings': ['employeeId', 'employeeType'],
  'payroll/payroll-settings': ['employeeId', 'employeeType'],
  // The SPEC marks `id` nullable; ML's (payrollId, date) is probably not unique, so keep `id` and
  // let the loader reject rows that arrive without one (reference section 3).
  'payroll/export/gross-pay-items': ['id'],
  // Reviews carry no id; the reference's composite (section 5.4, as MeltanoLabs' tap keys them).
  // Caveats: all three are nullable in the SPEC (the loader rejects rows missing a key part), and
  // `review` is free text, so an edited review becomes a new row. `externalId`/`internalId` look like
  // better keys but are nullable and undocumented, so the reference's proven composite is kept.
  'marketingreputation/reviews': ['review', 'platform', 'address'],
};

/**
 * Change-field overrides. Everything else uses `modifiedOn` when the item has it, else `createdOn`.
 * Notably `accounting/export/inventory-bills` keeps `modifiedOn` although the SPEC makes it nullable
 * (MeltanoLabs bookmarks it on `createdOn` for that reason, reference section 3): export feeds are
 * resumed by continuation token, so the change field only orders rows within a page.
 */
export const specialChangeFields: Readonly<Record<string, string | null>> = {
  // History rows have no timestamp at the top level; entries carry `date` (reference section 3).
  'jpm/export/job-history': null,
};

/** The legacy export alias: same feed as `sales/export/estimates`, so a build never extracts it. */
export const legacyExportAliases: readonly string[] = ['sales/estimates/export'];
