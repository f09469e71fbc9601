/**
 * Finding 4 of issue 9: records JavaScript accepts but Postgres refuses (a lone UTF-16 surrogate,
 * an impossible date, a key beyond bigint) must not fail their page — before, the page's
 * transaction failed, the cursor never moved and every later run failed on the same record. Each
 * goes to `_rejects` with its reason and the rest of the page loads; a page on which every
 * record is rejected loads its rejects, moves the cursor and fails the endpoint loudly.
 * The server is a ServiceTitan sending such records over real HTTP (the sandbox's data is clean).
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { testConfig } from '../support/harness.js';
import { scriptedTenantSettings, useScriptedWarehouse } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
const good = (id: number) => JSON.stringify({ id, active: true, modifiedOn: '2025-01-01T00:00:00Z' });
/** Export pages by the `from` they answer; raw JSON text, so oddities reach the client as sent. */
const pages: Record<string, string> = {
  '': `{"hasMore":true,"continueFrom":"p2","data":[${[
    good(1),
    '{"id":2,"active":true,"name":"half an emoji \\ud83d","modifiedOn":"2025-01-01T00:00:00Z"}',
    '{"id":3,"active":true,"modifiedOn":"2024-02-30T10:00:00Z"}',
    '{"id":9223372036854775808,"active":true,"modifiedOn":"2025-01-01T00:00:00Z"}',
    good(4),
  ].join(',')}]}`,
  p2: `{"hasMore":true,"continueFrom":"p3","data":[{"customerId":5},{"customerId":6}]}`,
  p3: `{"hasMore":false,"continueFrom":"p4","data":[${good(7)}]}`,
  p4: `{"hasMore":false,"continueFrom":"p4","data":[]}`,
};

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const job = (id: string, extra: string) => `{"id":${id},"active":true,"modifiedOn":"2025-01-01T00:00:00Z"${extra}}`;
/** Records that do not fit the ordinary mould: some load as they are, the rest are kept with a reason. */
const oddJobs = `{"hasMore":false,"continueFrom":"j2","data":[${[
  job('101', ''),
  job('102', ',"jobStatus":"Teleported","fieldNobodyDocumented":{"x":[1,2,3]}'), // unseen enum value, unknown field
  job('103', `,"summary":"${'x'.repeat(3_000_000)}"`), // a 3 MB record
  job('104', `,"deep":${nested(1_000)}`),
  job('105', `,"deeper":${nested(6_000)}`),
  job('106', ',"note":"nul \\u0000 inside"'),
  job('"abc"', ''), // a non-numeric key
].join(',')}]}`;

const scripted = useScriptedWarehouse((req, res) => {
  const reply = (body: string) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };
  if (req.url?.includes('/export/jobs')) return reply(oddJobs);
  if (req.url?.includes('/export/customers')) {
    const from = new URL(req.url, 'http://x').searchParams.get('from') ?? '';
    return reply(pages[from] ?? pages['']);
  }
  res.writeHead(404).end();
});

async function build() {
  const config = testConfig(scripted.url, [], {
    endpoints: { include: ['crm/export/customers'], exclude: [] },
    tenants: [
      {
        name: 'odd',
        tenantId: '42',
        ...scriptedTenantSettings(scripted.base),
      },
    ],
  });
  const summary = await runBuild(config, scripted.warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
  return summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints : []));
}

describe('records Postgres would refuse', () => {
  it('are rejected with their reason while the rest of the page loads; an all-rejected page fails loudly but moves on', async () => {
    const first = await build();
    expect(first.map((o) => o.status)).toEqual(['failed']);
    expect(first[0].error).toMatch(/all 2 records of a page were rejected \(first reason: key field "id" is missing/);

    const ids = async () =>
      (await scripted.warehouse.pool.query('select id::text from atlas.crm_customers order by id')).rows.map((r) => r.id);
    expect(await ids()).toEqual(['1', '4']);
    const rejects = await scripted.warehouse.pool.query('select reason, record from atlas._rejects order by id');
    expect(rejects.rows.map((r) => r.reason)).toEqual([
      'contains a lone UTF-16 surrogate, which Postgres jsonb cannot store',
      'change field "modifiedOn" is not a real timestamp: "2024-02-30T10:00:00Z"',
      'key field "id" is missing or not a 64-bit integer',
      'key field "id" is missing or not a 64-bit integer',
      'key field "id" is missing or not a 64-bit integer',
    ]);
    // The kept text is valid for jsonb, so an analyst can still query it.
    expect(
      (await scripted.warehouse.pool.query('select record::jsonb->>$1 as name from atlas._rejects order by id limit 1', ['name'])).rows[0]
        .name,
    ).toBe('half an emoji \\ud83d');
    const runs = await scripted.warehouse.pool.query('select status from atlas._runs');
    expect(runs.rows).toEqual([{ status: 'failed' }]);

    // The next run is not blocked: it resumes after the rejected page and succeeds.
    const second = await build();
    expect(second.map((o) => o.status)).toEqual(['succeeded']);
    expect(await ids()).toEqual(['1', '4', '7']);
  });
});

describe('records that do not fit the mould', () => {
  it('loads unknown fields, unseen enum values, a 3 MB record and deep nesting as sent; keeps the rest in _rejects with a reason', async () => {
    const config = testConfig(scripted.url, [], {
      endpoints: { include: ['jpm/export/jobs'], exclude: [] },
      tenants: [{ name: 'odd', tenantId: '42', ...scriptedTenantSettings(scripted.base) }],
    });
    const summary = await runBuild(config, scripted.warehouse, { command: 'build', fullRefresh: false }, logger, logProgress(logger));
    const outcomes = summary.tenants.flatMap((t) => ('endpoints' in t ? t.endpoints : []));
    expect(outcomes.map((o) => [o.status, o.received, o.inserted, o.rejected])).toEqual([['succeeded', 7, 4, 3]]);

    const loaded = await scripted.warehouse.pool.query(
      `select id::text, data->>'jobStatus' as status, length(data->>'summary') as summary, jsonb_typeof(data->'deep') as deep from atlas.jpm_jobs order by id`,
    );
    expect(loaded.rows).toEqual([
      { id: '101', status: null, summary: null, deep: null },
      { id: '102', status: 'Teleported', summary: null, deep: null },
      { id: '103', status: null, summary: 3_000_000, deep: null },
      { id: '104', status: null, summary: null, deep: 'object' },
    ]);
    const rejects = await scripted.warehouse.pool.query(
      `select reason, length(record) as length from atlas._rejects where endpoint = 'jpm/export/jobs' order by id`,
    );
    expect(rejects.rows.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^nested too deeply to store/),
      'contains a NUL character, which Postgres jsonb cannot store',
      'key field "id" is missing or not a 64-bit integer',
    ]);
  });
});
