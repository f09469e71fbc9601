/**
 * Every page of one list or export request, one page at a time (`atlas get … --all`): no
 * database, no cursor, nothing kept between pages, so memory stays at one page however long the
 * feed. Which way to page is read from the first response, as ServiceTitan shapes them:
 *
 * - export `{hasMore, continueFrom, data}`: the next request sends `from=<continueFrom>` until
 *   `hasMore` is false; a token handed out twice with `hasMore` is a loop (EXPORT_TOKEN_LOOP);
 * - list `{page, pageSize, hasMore, data}`: `page` counts up from the requested one (default 1)
 *   until `hasMore` is false or a page is empty; a page repeating the previous one is refused
 *   (a server ignoring `page` would otherwise be read forever).
 *
 * A response without a `data` array is not a page (an id endpoint): ENDPOINT_ARGUMENT.
 */
import type { Query } from '../client/types.js';
import { AtlasError } from '../errors.js';
import { parseExportBody } from './export-walker.js';
import { parseListBody } from './list-walker.js';

export interface PagedRequester {
  request<T = unknown>(url: string, query?: Query, context?: { endpoint?: string; signal?: AbortSignal }): Promise<{ body: T }>;
}

export interface PagedTarget {
  url: string;
  query: Query | undefined;
  /** Name for errors and logs (catalog name); the URL when absent. */
  label: string | undefined;
}

function isExportPage(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'continueFrom' in body;
}

/** Yields each page's records in order; stops early when `signal` aborts (between pages). */
export async function* recordPages(source: PagedRequester, target: PagedTarget, signal?: AbortSignal): AsyncGenerator<unknown[]> {
  const label = target.label ?? target.url;
  const fetch = async (query: Query | undefined) => (await source.request(target.url, query, { endpoint: target.label, signal })).body;
  const first = await fetch(target.query);
  const shape = first as { data?: unknown } | null;
  if (!shape || typeof shape !== 'object' || !Array.isArray(shape.data)) {
    throw new AtlasError(
      'ENDPOINT_ARGUMENT',
      `${label}: the response is not a page of records (no "data" array); --all reads list and export endpoints`,
    );
  }
  if (isExportPage(first)) yield* exportPages(fetch, target.query, parseExportBody(first, label), label, signal);
  else yield* listPages(fetch, target.query, first, label, signal);
}

async function* exportPages(
  fetch: (query: Query | undefined) => Promise<unknown>,
  query: Query | undefined,
  first: ReturnType<typeof parseExportBody>,
  label: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<unknown[]> {
  const handedOut = new Set<string>();
  let page = first;
  for (;;) {
    yield page.data;
    if (!page.hasMore || page.continueFrom === null || signal?.aborted) return;
    if (handedOut.has(page.continueFrom)) {
      throw new AtlasError(
        'EXPORT_TOKEN_LOOP',
        `${label}: ServiceTitan returned continuation token "${page.continueFrom.slice(0, 40)}" again with hasMore=true; stopping instead of looping`,
      );
    }
    handedOut.add(page.continueFrom);
    page = parseExportBody(await fetch({ ...query, from: page.continueFrom }), label);
  }
}

async function* listPages(
  fetch: (query: Query | undefined) => Promise<unknown>,
  query: Query | undefined,
  firstBody: unknown,
  label: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<unknown[]> {
  let number = Number(query?.page ?? (firstBody as { page?: unknown }).page ?? 1);
  if (!Number.isInteger(number)) number = 1;
  let page = parseListBody(firstBody, label);
  let previous = '';
  for (;;) {
    const fingerprint = page.data.length ? `${page.data.length}:${JSON.stringify(page.data[0])}:${JSON.stringify(page.data.at(-1))}` : '';
    if (page.hasMore && fingerprint === previous) {
      throw new AtlasError(
        'API_BAD_RESPONSE',
        `${label}: page ${number} repeats page ${number - 1} while hasMore=true; stopping instead of looping`,
      );
    }
    previous = fingerprint;
    yield page.data;
    if (!page.hasMore || signal?.aborted) return;
    number += 1;
    page = parseListBody(await fetch({ ...query, page: number }), label);
  }
}
