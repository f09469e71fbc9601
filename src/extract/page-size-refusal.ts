/**
 * Undocumented page-size caps: some ServiceTitan lists refuse the page size their document allows
 * (a 400 whose validation errors name `pageSize`). This decides, from such a refusal, the page
 * size to retry the walk with:
 * - the maximum the refusal states ("between 1 and 500", "maximum … 500", "less than or equal to
 *   500"), when it states one below the refused size;
 * - otherwise the next smaller size of SIZE_LADDER, so an unstated cap costs a few refused
 *   requests once per (tenant, endpoint) — the walker remembers what was accepted.
 * Any other error, or a refusal at the ladder's floor, gives null: the walk fails as before.
 */
import { ApiError } from '../errors.js';

/** Page sizes tried, largest first, when a refusal does not say which it accepts. */
export const SIZE_LADDER: readonly number[] = [5000, 2000, 1000, 500, 200, 100, 50, 10];

const NAMES_PAGE_SIZE = /\bpage[ _-]?size\b/i;
const STATED_MAX = [/between\s+\d+\s+and\s+(\d+)/i, /(?:maximum|max|at most|less than or equal to|exceed)\D{0,24}?(\d+)/i];

/** The text of a 400 refusal that names pageSize, or null for any other error. */
export function pageSizeRefusalText(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const errors = typeof error.details.errors === 'string' ? error.details.errors : '';
  const text = errors || error.message;
  return NAMES_PAGE_SIZE.test(text) ? text : null;
}

/** The page size to retry with after `refused` was refused with `text`, or null when there is none smaller. */
export function acceptedPageSize(text: string, refused: number): number | null {
  // Read only the pageSize part of a multi-field message ("page: … | pageSize: …").
  const part = text.split(' | ').find((piece) => NAMES_PAGE_SIZE.test(piece)) ?? text;
  for (const pattern of STATED_MAX) {
    const stated = Number(pattern.exec(part)?.[1]);
    if (Number.isInteger(stated) && stated >= 1 && stated < refused) return stated;
  }
  return SIZE_LADDER.find((size) => size < refused) ?? null;
}
