/**
 * False deletions (issue 9, finding 6). A full list walk marks deleted every row it did not see, so
 * a walk that missed rows must not mark them:
 * - a page that comes back empty while saying `hasMore: true` ends the walk, but not as complete:
 *   nothing is marked and the run notes say so;
 * - a walk that would mark more than 20% of a tenant's live rows is refused (noted) unless the run
 *   passes `allowMassDelete`; real deletions below that are marked as before.
 * The server is a page-numbered ServiceTitan list over real HTTP, three records a page.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { testConfig } from '../support/harness.js';
import { scriptedTenantSettings, useScriptedWarehouse } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
const ENDPOINT = 'marketing/costs';
const PAGE = 3;
/** Per tenant id: the record ids the list holds, and the pages that answer empty with hasMore. */
const lists = new Map<string, { ids: number[]; emptyPages: Set<number> }>();
const scripted = useScriptedWarehouse((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page'));
  const list = lists.get(/\/tenant\/(\d+)\//.exec(req.url ?? '')?.[1] ?? '') ?? { ids: [], emptyPages: new Set() };
  const data = list.emptyPages.has(page)
    ? []
    : list.ids.slice((page - 1) * PAGE, page * PAGE).map((id) => ({ id, active: true, modifiedOn: '2025-01-01T00:00:00Z' }));
  res.end(JSON.stringify({ page, pageSize: PAGE, hasMore: page * PAGE < list.ids.length, data }));
});

/** One sync of the tenant; returns the endpoint's figures and notes. */
async function sync(tenantId: string, allowMassDelete = false): Promise<{ deleted: number; notes: string[] }> {
  const config = testConfig(scripted.url, [], {
    endpoints: { include: [ENDPOINT], exclude: [] },
    tenants: [
      {
        name: `t${tenantId}`,
        tenantId,
        ...scriptedTenantSettings(scripted.base),
      },
    ],
  });
  const summary = await runBuild(
    config,
    scripted.warehouse,
    { command: 'sync', fullRefresh: false, allowMassDelete },
    logger,
    logProgress(logger),
  );
  const tenant = summary.tenants[0];
  if (!('endpoints' in tenant)) throw new Error(`run failed: ${tenant.error}`);
  const outcome = tenant.endpoints.find((e) => e.endpoint === ENDPOINT)!;
  expect(outcome.status).toBe('succeeded');
  return { deleted: outcome.deleted, notes: outcome.notes };
}

async function deletedIds(tenantId: string): Promise<number[]> {
  const { rows } = await scripted.warehouse.pool.query(
    'select id from atlas.marketing_costs where tenant_id = $1 and deleted_at is not null order by id',
    [tenantId],
  );
  return rows.map((r) => Number(r.id));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('false deletions', () => {
  it('an empty page saying hasMore ends the walk without marking anything deleted, and says so', async () => {
    lists.set('601', { ids: range(30), emptyPages: new Set() });
    expect((await sync('601')).deleted).toBe(0);

    lists.get('601')!.emptyPages.add(2);
    const early = await sync('601');
    expect(early.deleted).toBe(0);
    expect(early.notes.join('\n')).toMatch(/ended early/);
    expect(await deletedIds('601')).toEqual([]);

    // Once the page answers again, a real deletion is marked as before.
    lists.set('601', { ids: range(30).filter((id) => id !== 7), emptyPages: new Set() });
    const healed = await sync('601');
    expect(healed).toEqual({ deleted: 1, notes: [] });
    expect(await deletedIds('601')).toEqual([7]);
  });

  it('refuses to mark more than 20% of a table deleted in one walk unless allowed, and says so', async () => {
    lists.set('602', { ids: range(30), emptyPages: new Set() });
    await sync('602');

    lists.set('602', { ids: range(20), emptyPages: new Set() });
    const refused = await sync('602');
    expect(refused.deleted).toBe(0);
    expect(refused.notes.join('\n')).toMatch(/10 of 30 live rows .*--allow-mass-delete/);
    expect(await deletedIds('602')).toEqual([]);

    const allowed = await sync('602', true);
    expect(allowed).toEqual({ deleted: 10, notes: [] });
    expect(await deletedIds('602')).toEqual(range(30).slice(20));
  });
});
