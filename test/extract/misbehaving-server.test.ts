/**
 * What a misbehaving ServiceTitan cannot do to a build: an export that hands back the same
 * continuation token with hasMore=true, and a list that ignores `page`, end as clear endpoint
 * failures instead of endless loops. The server here is a deliberately broken ServiceTitan over
 * real HTTP (the sandbox is faithful, so it cannot play this part).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { listenOnLoopback, scriptedTenantSettings } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
let server: Server;
let base: string;
let warehouse: Warehouse;
let url: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/connect/token') return json({ access_token: 'tok-123456789', expires_in: 900, token_type: 'Bearer' });
    const record = (id: number) => ({ id, active: true, modifiedOn: '2025-01-01T00:00:00Z' });
    if (req.url?.includes('/export/customers')) return json({ hasMore: true, continueFrom: 'same-token', data: [record(1)] });
    if (req.url?.includes('/job-types'))
      return json({ page: 1, pageSize: 5000, hasMore: true, totalCount: null, data: [record(7), record(8)] });
    res.writeHead(404).end();
  });
  base = await listenOnLoopback(server);
  url = await createTestDatabase();
  warehouse = await openWarehouse(url);
});

afterAll(async () => {
  await warehouse?.close();
  await new Promise((resolve) => server.close(resolve));
  await dropTestDatabases();
});

describe('a misbehaving server', () => {
  it('ends repeated tokens and repeated pages as endpoint failures, keeping what loaded', async () => {
    const config = testConfig(url, [], {
      endpoints: { include: ['crm/export/customers', 'jpm/job-types'], exclude: [] },
      tenants: [
        {
          name: 'broken',
          tenantId: '42',
          ...scriptedTenantSettings(base),
        },
      ],
    });
    const summary = await runBuild(config, warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    const outcomes = summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints : []));
    expect(outcomes.map((o) => [o.endpoint, o.status])).toEqual([
      ['crm/export/customers', 'failed'],
      ['jpm/job-types', 'failed'],
    ]);
    expect(outcomes[0].error).toMatch(/same-token.*again with hasMore=true/);
    expect(outcomes[1].error).toMatch(/page 2 repeats page 1/);
    expect(requests.filter((r) => r.includes('/export/customers'))).toHaveLength(2);
    const loaded = await warehouse.pool.query('select count(*)::int as n from atlas.crm_customers');
    expect(loaded.rows[0].n).toBe(1);
    const runs = await warehouse.pool.query('select status from atlas._runs');
    expect(runs.rows).toEqual([{ status: 'failed' }]);
  });
});
