/**
 * Walks dispatch capacity (catalog mode `snapshot`): `POST dispatch/v2/capacity` once per tenant-
 * local day from today to 14 days ahead (./capacity-windows.ts), with the body
 * `{startsOnOrAfter, endsOnOrBefore, skillBasedAvailability: false}` (every business unit, no job
 * type). The rows are the response's `availabilities`, keyed by (startUtc, endUtc,
 * businessUnitIds) — one time frame for one set of business units.
 *
 * Snapshot semantics: all windows are read first and loaded as one page, then the rows of the
 * horizon that this run did not see are deleted (src/load/snapshot-horizon.ts): each run replaces
 * the forecast from today on, while days that left the horizon keep what was last read for them.
 * A run that fails part way loads nothing, so the previous snapshot stays whole.
 *
 * "Today" is the server's: the first window is posted for the local clock's day, and when the
 * server's `Date` says another day has begun in the tenant's zone, the walk starts over from it.
 */
import { randomUUID } from 'node:crypto';
import { AtlasError } from '../errors.js';
import { idleListCursor } from '../load/cursor.js';
import { clearSeenKeys } from '../load/finish-full-walk.js';
import { preparePage } from '../load/prepare-page.js';
import { replaceSnapshotHorizon } from '../load/snapshot-horizon.js';
import { type CapacityWindow, capacityWindows } from './capacity-windows.js';
import { loadWalkPage } from './load-walk-page.js';
import { serverPresent } from './server-present.js';
import type { WalkContext } from './types.js';

/** The availabilities of one capacity answer; throws API_BAD_RESPONSE on another shape. */
export function parseCapacityBody(body: unknown, endpoint: string): unknown[] {
  const availabilities = (body as { availabilities?: unknown } | null)?.availabilities;
  if (!Array.isArray(availabilities)) {
    throw new AtlasError('API_BAD_RESPONSE', `${endpoint}: capacity response has no "availabilities" array`, { retriable: true });
  }
  return availabilities;
}

export async function walkCapacity(context: WalkContext): Promise<void> {
  const { descriptor, target } = context;
  const timezone = context.timezone ?? 'UTC';
  let attempts = 0;
  const post = async (window: CapacityWindow) => {
    const response = await context.source.request(context.url, undefined, {
      endpoint: descriptor.name,
      signal: context.signal,
      method: 'POST',
      json: { startsOnOrAfter: window.startsOnOrAfter, endsOnOrBefore: window.endsOnOrBefore, skillBasedAvailability: false },
    });
    attempts += response.attempts;
    return response;
  };

  let windows = capacityWindows(Date.now(), timezone);
  let first = await post(windows[0]);
  const served = capacityWindows(serverPresent(first.headers), timezone);
  if (served[0].day !== windows[0].day) {
    windows = served;
    first = await post(windows[0]);
  }
  const records = parseCapacityBody(first.body, `${descriptor.name} (${windows[0].day})`);
  for (const window of windows.slice(1)) {
    records.push(...parseCapacityBody((await post(window)).body, `${descriptor.name} (${window.day})`));
  }

  const walkId = randomUUID();
  await clearSeenKeys(context.pool, target, context.tenantId);
  const sweptAt = new Date().toISOString();
  const cursor = idleListCursor('list-full', { maxModifiedOn: null, bookmark: null, sweptAt });
  await loadWalkPage(context, { prepared: preparePage(records, target), cursor, attempts, seenWalkId: walkId });
  const deleted = await replaceSnapshotHorizon(context.pool, target, context.tenantId, {
    runId: context.runId,
    walkId,
    horizonStart: windows[0].startsOnOrAfter,
    cursor,
  });
  context.figures.deleted += deleted;
}
