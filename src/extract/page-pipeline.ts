/**
 * The page loop shared by every walker: fetch page N+1 as soon as its position is known, while
 * page N is being loaded. At most one page is prefetched, so memory stays flat whatever the
 * size of the feed.
 *
 * A walker may decline the prefetch for a page (`prefetchAfter` false): then page N+1 is fetched
 * once page N is loaded. Walkers do so after large pages (PREFETCH_MAX_RECORDS), where loading
 * takes far longer than a request, so overlapping saves little, and holding two large pages per
 * endpoint at once is what made peak memory grow with page size (lists of up to 5,000 records).
 */
export interface PipelineStep<P> {
  /** The fetched page, with the position of the next one (null when this is the last page). */
  page: P;
  next: unknown | null;
}

/** Pages with more records than this are loaded before the next one is requested. */
export const PREFETCH_MAX_RECORDS = 1000;

export async function runPagePipeline<P>(
  first: Promise<PipelineStep<P>>,
  fetch: (position: unknown) => Promise<PipelineStep<P>>,
  load: (page: P) => Promise<void>,
  prefetchAfter: (page: P) => boolean = () => true,
): Promise<void> {
  let pending = first;
  for (;;) {
    const step = await pending;
    const prefetched = step.next !== null && prefetchAfter(step.page);
    if (prefetched) {
      pending = fetch(step.next);
      // The load below may fail; the prefetch's own failure must not go unhandled meanwhile.
      pending.catch(() => {});
    }
    await load(step.page);
    if (step.next === null) return;
    if (!prefetched) pending = fetch(step.next);
  }
}
