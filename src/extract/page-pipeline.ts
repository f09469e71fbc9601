/**
 * The page loop shared by every walker: fetch page N+1 as soon as its position is known, while
 * page N is being loaded. At most one page is prefetched, so memory stays flat whatever the
 * size of the feed.
 */
export interface PipelineStep<P> {
  /** The fetched page, with the position of the next one (null when this is the last page). */
  page: P;
  next: unknown | null;
}

export async function runPagePipeline<P>(
  first: Promise<PipelineStep<P>>,
  fetch: (position: unknown) => Promise<PipelineStep<P>>,
  load: (page: P) => Promise<void>,
): Promise<void> {
  let pending = first;
  for (;;) {
    const step = await pending;
    if (step.next !== null) {
      pending = fetch(step.next);
      // The load below may fail; the prefetch's own failure must not go unhandled meanwhile.
      pending.catch(() => {});
    }
    await load(step.page);
    if (step.next === null) return;
  }
}
