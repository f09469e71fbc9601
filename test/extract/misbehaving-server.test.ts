/**
 * What a misbehaving ServiceTitan cannot do to a build: an export that hands back the same
 * continuation token with hasMore=true, and a list that ignores `page`, end as clear endpoint
 * failures instead of endless loops. The server here is a deliberately broken ServiceTitan over
 * real HTTP (the sandbox is faithful, so it cannot play this part).
 */
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { createLogger } from '../../src/log/logger.js';
import { testConfig } from '../support/harness.js';
import { scriptedTenantSettings, useScriptedWarehouse } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
const requests: string[] = [];

const scripted = useScriptedWarehouse((req, res) => {
  requests.push(req.url ?? '');
  const json = (body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const record = (id: number) => ({ id, active: true, modifiedOn: '2025-01-01T00:00:00Z' });
  if (req.url?.includes('/export/customers')) return json({ hasMore: true, continueFrom: 'same-token', data: [record(1)] });
  if (req.url?.includes('/job-types'))
    return json({ page: 1, pageSize: 5000, hasMore: true, totalCount: null, data: [record(7), record(8)] });
  res.writeHead(404).end();
});

describe('a misbehaving server', () => {
  it('ends repeated tokens and repeated pages as endpoint failures, keeping what loaded', async () => {
    const config = testConfig(scripted.url, [], {
      endpoints: { include: ['crm/export/customers', 'jpm/job-types'], exclude: [] },
      tenants: [
        {
          name: 'broken',
          tenantId: '42',
          ...scriptedTenantSettings(scripted.base),
        },
      ],
    });
    const summary = await runBuild(config, scripted.warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    const outcomes = summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints : []));
    expect(outcomes.map((o) => [o.endpoint, o.status])).toEqual([
      ['crm/export/customers', 'failed'],
      ['jpm/job-types', 'failed'],
    ]);
    expect(outcomes[0].error).toMatch(/same-token.*again with hasMore=true/);
    expect(outcomes[1].error).toMatch(/page 2 repeats page 1/);
    expect(requests.filter((r) => r.includes('/export/customers'))).toHaveLength(2);
    const loaded = await scripted.warehouse.pool.query('select count(*)::int as n from atlas.crm_customers');
    expect(loaded.rows[0].n).toBe(1);
    const runs = await scripted.warehouse.pool.query('select status from atlas._runs');
    expect(runs.rows).toEqual([{ status: 'failed' }]);
  });
});
