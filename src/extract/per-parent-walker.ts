/**
 * Walks a per-parent endpoint (`crm/customers/{id}/notes`): one page-numbered list per parent
 * row, the parents being the tenant's rows of the parent endpoint's staging table, in key order.
 * Each parent's records are loaded together with the parent's key as the cursor, so a resumed
 * walk carries on after the last parent loaded. Like a full-refresh list, the walk records the keys
 * it sees and, once complete, marks rows it did not see as deleted.
 *
 * Costs one request (or more) per parent: that is why these endpoints are opt-in.
 */
import { randomUUID } from 'node:crypto';
import { endpointUrl, findEndpoint } from '../catalog/index.js';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { AtlasError } from '../errors.js';
import { type CursorState, emptyCursor } from '../load/cursor.js';
import { clearSeenKeys, finishFullWalk } from '../load/finish-full-walk.js';
import { preparePage } from '../load/prepare-page.js';
import { stagingTargetFor } from '../load/staging-target.js';
import { runPagePipeline } from './page-pipeline.js';
import { parseListBody } from './list-walker.js';
import { loadWalkPage } from './load-walk-page.js';
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
  if (!plan.parent || !parent?.extract || parent.key.length !== 1 || parent.key[0] !== plan.parent.field || parent.keyTypes[parent.key[0]] !== 'bigint') {
    throw new AtlasError('INTERNAL', `${context.descriptor.name}: its parent must be an extracted endpoint keyed by one integer field`);
  }
  return stagingTargetFor(parent, context.target.schema);
}

export async function walkPerParent(context: WalkContext): Promise<void> {
  const { descriptor, target, pool } = context;
  const { result } = context;
  const saved: CursorState = context.cursor ?? emptyCursor('list-full');
  const resuming = saved.walkId !== null;
  const walkId = resuming ? saved.walkId! : randomUUID();
  const parents = parentTarget(context);
  const parentKey = quoteIdent(parents.keyColumns[0]);
  const pageSize = descriptor.extract!.maxPageSize ?? 5000;

  const exists = await pool.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [parents.schema, parents.table]);
  if (!exists.rowCount) {
    result.notes.push(`no parents: ${parents.endpoint} has not been loaded; extract it first`);
    return;
  }
  if (!resuming) {
    await clearSeenKeys(pool, target, context.tenantId);
  }

  /** Parent keys after the last one taken, in key order, a batch at a time (never the whole table in memory). */
  let queue: string[] = [];
  let last: string | null = resuming ? saved.continueFrom : null;
  const nextParent = async (): Promise<string | null> => {
    if (queue.length === 0) {
      const { rows } = await pool.query(
        `select ${parentKey}::text as key from ${qualified(parents.schema, parents.table)}
         where tenant_id = $1 and deleted_at is null and ($2::bigint is null or ${parentKey} > $2::bigint) order by ${parentKey} limit ${PARENT_BATCH}`,
        [context.tenantId, last],
      );
      queue = rows.map((r) => r.key as string);
    }
    const key = queue.shift() ?? null;
    if (key !== null) last = key;
    return key;
  };

  const fetchParent = async (parent: string): Promise<ParentRecords> => {
    const url = endpointUrl(descriptor, { apiUrl: context.apiUrl, tenantId: context.tenantId, params: { [descriptor.pathParams[0]]: parent } });
    const records: unknown[] = [];
    let attempts = 0;
    for (let page = 1; ; page++) {
      const response = await context.source.request(url, { ...descriptor.defaultQuery, page, pageSize }, { endpoint: descriptor.name, signal: context.signal });
      attempts += response.attempts;
      const { data, hasMore } = parseListBody(response.body, `${descriptor.name} (parent ${parent})`);
      records.push(...data);
      if (!hasMore) return { parent, records, attempts };
    }
  };

  const first = await nextParent();
  if (first !== null) {
    const step = async (parent: string) => ({ page: await fetchParent(parent), next: await nextParent() });
    await runPagePipeline<ParentRecords>(
      step(first),
      (position) => step(position as string),
      async (page) => {
        const prepared = preparePage(page.records, target, page.parent);
        const cursor: CursorState = { ...emptyCursor('list-full'), continueFrom: page.parent, walkId, sweptAt: saved.sweptAt };
        await loadWalkPage(context, result, { prepared, cursor, attempts: page.attempts, seenWalkId: walkId });
      },
    );
  }
  result.deleted = await finishFullWalk(pool, target, context.tenantId, context.runId, walkId, { ...emptyCursor('list-full'), sweptAt: new Date().toISOString() });
}
