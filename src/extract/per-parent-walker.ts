/**
 * Walks a per-parent endpoint (`crm/customers/{id}/notes`): one page-numbered list per parent
 * row, the parents being the tenant's rows of the parent endpoint's staging table, in key order.
 * Each parent's records are loaded together with the parent's key as the cursor, so a resumed
 * walk carries on after the last parent loaded. Like a full-refresh list, the walk records the keys
 * it sees and, once complete, marks rows it did not see as deleted.
 *
 * Most answer a page-numbered list per parent; some answer one record (catalog `single`, a job's
 * booked log), read with one request per parent, a 404 meaning the parent has none.
 *
 * Costs one request (or more) per parent: that is why these endpoints are opt-in.
 */
import { randomUUID } from 'node:crypto';
import { endpointUrl, findEndpoint } from '../catalog/index.js';
import { AtlasError } from '../errors.js';
import { cursorOfKind, perParentCursor } from '../load/cursor.js';
import { clearSeenKeys, finishFullWalk, withheldDeletionNote } from '../load/finish-full-walk.js';
import { parentKeysAfter, stagingTableExists } from '../load/parent-keys.js';
import { preparePage } from '../load/prepare-page.js';
import { stagingTargetFor } from '../load/staging-target.js';
import { PREFETCH_MAX_RECORDS, runPagePipeline } from './page-pipeline.js';
import { storedRecords } from './stored-records.js';
import { takeRecords } from './take-records.js';
import { parseListBody } from './list-walker.js';
import { loadWalkPage } from './load-walk-page.js';
import { isNotFound, singleRecordOf } from './single-record.js';
import type { WalkContext } from './types.js';

const PARENT_BATCH = 1000;

interface ParentRecords {
  parent: string;
  records: unknown[];
  attempts: number;
}

function parentTarget(context: WalkContext) {
  const plan = context.descriptor.extract!;
  const parent = plan.parent ? findEndpoint(plan.parent.endpoint) : undefined;
  if (
    !plan.parent ||
    !parent?.extract ||
    parent.key.length !== 1 ||
    parent.key[0] !== plan.parent.field ||
    parent.keyTypes[parent.key[0]] !== 'bigint'
  ) {
    throw new AtlasError('INTERNAL', `${context.descriptor.name}: its parent must be an extracted endpoint keyed by one integer field`);
  }
  return stagingTargetFor(parent, context.target.schema);
}

export async function walkPerParent(context: WalkContext): Promise<void> {
  const { descriptor, target, pool } = context;
  const saved = cursorOfKind(context.cursor, ['per-parent']) ?? perParentCursor(null, null, null);
  const resuming = saved.walkId !== null;
  const walkId = saved.walkId ?? randomUUID();
  const parents = parentTarget(context);
  const pageSize = descriptor.extract!.maxPageSize ?? 5000;

  if (!(await stagingTableExists(pool, parents))) {
    context.notes.push(`no parents: ${parents.endpoint} has not been loaded; extract it first`);
    return;
  }
  if (!resuming) {
    await clearSeenKeys(pool, target, context.tenantId);
  }

  /** Set when a parent's page came back empty while saying `hasMore`: the walk may have missed rows. */
  let endedEarly = false;

  /** Parent keys after the last one taken, in key order, a batch at a time. */
  let queue: string[] = [];
  let last: string | null = resuming ? saved.lastParentKey : null;
  const nextParent = async (): Promise<string | null> => {
    if (queue.length === 0) queue = await parentKeysAfter(pool, parents, context.tenantId, last, PARENT_BATCH);
    const key = queue.shift() ?? null;
    if (key !== null) last = key;
    return key;
  };

  const fetchParent = async (parent: string): Promise<ParentRecords> => {
    const url = endpointUrl(descriptor, {
      apiUrl: context.apiUrl,
      tenantId: context.tenantId,
      params: { [descriptor.pathParams[0]]: parent },
    });
    if (descriptor.extract!.single) return fetchSingle(parent, url);
    const records: unknown[] = [];
    let attempts = 0;
    for (let page = 1; ; page++) {
      const response = await context.source.request(
        url,
        { ...descriptor.defaultQuery, page, pageSize },
        { endpoint: descriptor.name, signal: context.signal },
      );
      attempts += response.attempts;
      const { data, hasMore, endedEarly: early } = parseListBody(response.body, `${descriptor.name} (parent ${parent})`);
      if (early) endedEarly = true;
      records.push(...data);
      if (!hasMore) return { parent, records, attempts };
    }
  };

  /** One record per parent (catalog `single`): one request, no paging; a 404 is a parent without one. */
  const fetchSingle = async (parent: string, url: string): Promise<ParentRecords> => {
    try {
      const response = await context.source.request(url, descriptor.defaultQuery, { endpoint: descriptor.name, signal: context.signal });
      return { parent, records: singleRecordOf(response.body, `${descriptor.name} (parent ${parent})`), attempts: response.attempts };
    } catch (error) {
      if (isNotFound(error)) return { parent, records: [], attempts: 1 };
      throw error;
    }
  };

  const first = await nextParent();
  if (first !== null) {
    const step = async (parent: string) => ({ page: await fetchParent(parent), next: await nextParent() });
    await runPagePipeline<ParentRecords>(
      step(first),
      (position) => step(position as string),
      async (page) => {
        const prepared = preparePage(storedRecords(takeRecords(page, 'records'), descriptor.extract), target, page.parent);
        const cursor = perParentCursor(page.parent, walkId, saved.sweptAt);
        await loadWalkPage(context, { prepared, cursor, attempts: page.attempts, seenWalkId: walkId });
      },
      (page) => page.records.length <= PREFETCH_MAX_RECORDS,
    );
  }
  const closed = perParentCursor(null, null, endedEarly ? saved.sweptAt : new Date().toISOString());
  const guard = { complete: !endedEarly, allowMassDelete: context.allowMassDelete === true };
  const deletions = await finishFullWalk(pool, target, context.tenantId, context.runId, walkId, closed, guard);
  context.figures.deleted += deletions.deleted;
  const note = withheldDeletionNote(deletions);
  if (note) {
    context.notes.push(note);
    context.logger.warn(note, { endpoint: descriptor.name });
  }
}
