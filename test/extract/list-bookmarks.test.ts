/**
 * Where an incremental list's next walk starts (issue 9):
 * - finding 5: a timestamp without an offset is UTC (as ServiceTitan documents it and as Postgres
 *   reads it here), whatever the process's zone — this file runs in TZ=America/Phoenix, where
 *   Node's Date.parse used to turn a 10:00 change into a 16:00Z bookmark and miss later changes;
 * - finding 7: one record dated 2099 must not push the bookmark past the server's present, or no
 *   incremental walk would ever see a change again.
 * The server is a ServiceTitan list over real HTTP that honours `modifiedOnOrAfter` (offset-less
 * values as UTC) and sends its present in the `Date` header, as the real API does.
 */
process.env.TZ = 'America/Phoenix';

import { describe, expect, it } from 'vitest';
import { readCursor } from '../../src/load/cursor-store.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { testConfig } from '../support/harness.js';
import { scriptedTenantSettings, useScriptedWarehouse } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
const ENDPOINT = 'accounting/ap-credits';
const utc = (value: string) => Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
/** Records per tenant id, and the `modifiedOnOrAfter` each request asked for. */
const records = new Map<string, { id: number; modifiedOn: string }[]>();
const asked: (string | null)[] = [];
const scripted = useScriptedWarehouse((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const query = new URL(req.url ?? '', 'http://x').searchParams;
  const tenant = /\/tenant\/(\d+)\//.exec(req.url ?? '')?.[1] ?? '';
  const after = query.get('modifiedOnOrAfter');
  asked.push(after);
  const data = (records.get(tenant) ?? [])
    .filter((r) => after === null || utc(r.modifiedOn) >= utc(after))
    .map((r) => ({ ...r, active: true }));
  res.end(JSON.stringify({ page: Number(query.get('page')), pageSize: 5000, hasMore: false, totalCount: data.length, data }));
});

async function build(tenantId: string): Promise<void> {
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
  const summary = await runBuild(config, scripted.warehouse, { command: 'sync', fullRefresh: false }, logger, logProgress(logger));
  expect(summary.tenants.map((t) => t.status)).toEqual(['succeeded']);
}

async function bookmark(tenantId: string): Promise<string | null> {
  const cursor = await readCursor(scripted.warehouse.pool, 'atlas', tenantId, ENDPOINT);
  return cursor && 'bookmark' in cursor ? cursor.bookmark : null;
}

async function ids(tenantId: string): Promise<number[]> {
  const { rows } = await scripted.warehouse.pool.query('select id from atlas.accounting_ap_credits where tenant_id = $1 order by id', [
    tenantId,
  ]);
  return rows.map((r) => Number(r.id));
}

describe('incremental list bookmarks', () => {
  it('read offset-less timestamps as UTC in any process time zone', async () => {
    expect(new Date('2025-01-01T10:00:00').toISOString(), 'this file runs in America/Phoenix').toBe('2025-01-01T17:00:00.000Z');
    records.set('501', [{ id: 1, modifiedOn: '2025-01-01T10:00:00' }]);
    await build('501');
    expect(await bookmark('501')).toBe('2025-01-01T09:00:00.000Z');

    records.get('501')!.push({ id: 2, modifiedOn: '2025-01-01T12:00:00' });
    await build('501');
    expect(await ids('501')).toEqual([1, 2]);
  });

  it("clamp a far-future modifiedOn to the server's present, so later changes are still seen", async () => {
    records.set('502', [
      { id: 1, modifiedOn: '2025-01-01T00:00:00Z' },
      { id: 2, modifiedOn: '2099-01-01T00:00:00Z' },
    ]);
    const before = Date.now();
    await build('502');
    const saved = await bookmark('502');
    expect(Date.parse(saved ?? '')).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(saved ?? '')).toBeGreaterThanOrEqual(before - 2 * 3_600_000);

    records.get('502')!.push({ id: 3, modifiedOn: new Date().toISOString() });
    await build('502');
    expect(await ids('502')).toEqual([1, 2, 3]);
  });
});
