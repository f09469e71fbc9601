/**
 * The guard against false deletions. A sweeping walk marks deleted every row it did not see, so a
 * walk that silently missed rows (a page that came back empty while saying `hasMore`, rows shifted
 * past the walk by a delete on an unsorted list, a ServiceTitan hiccup answering an empty list)
 * would wrongly mark them. Real deletions are a trickle; a walk that would mark more than
 * `MASS_DELETION_SHARE` of a tenant's live rows (and at least `MASS_DELETION_MIN_ROWS`) is
 * refused unless the run allows it (`--allow-mass-delete`), and the run's notes say so.
 */

/** Share of a tenant's live rows one walk may mark deleted without `--allow-mass-delete`. */
export const MASS_DELETION_SHARE = 0.2;

/** Below this many rows a walk's deletions are never called mass deletions (small tables churn). */
export const MASS_DELETION_MIN_ROWS = 5;

/** Whether marking `marked` of `live` live rows deleted in one walk is a mass deletion. */
export function isMassDeletion(marked: number, live: number): boolean {
  return marked >= MASS_DELETION_MIN_ROWS && marked > live * MASS_DELETION_SHARE;
}
