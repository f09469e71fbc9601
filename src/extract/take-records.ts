/**
 * Hands a fetched page's parsed records to the loader and drops the page's own reference to them.
 *
 * Parsed records are an object graph several times the size of their JSON; once a page is
 * prepared (each record re-serialised into the row the loader copies), only the prepared rows are
 * needed. Without this, the page object (held by the page pipeline and the walker's load step
 * until the page's transaction commits) keeps the whole graph alive through the COPY and the
 * upsert, alongside the next page already prefetched: on lists of 5,000 records per page that
 * made peak memory grow with page size. Call it once, in the load step, before preparing.
 */
export function takeRecords<K extends string>(page: { [key in K]: unknown[] }, field: K): unknown[] {
  const records = page[field];
  page[field] = [] as unknown[] as (typeof page)[K];
  return records;
}
