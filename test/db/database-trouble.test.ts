/**
 * Database trouble fails clearly (issue 9, finding 8):
 * - a connection dropped under a checked-out client (`pg_terminate_backend`, a restart,
 *   `idle_session_timeout`) rejects the client's query instead of crashing the process with an
 *   unhandled 'error' event;
 * - a database that goes away in the middle of a run ends it as DATABASE_FAILED (exit 5);
 * - migrations failing in Postgres are DATABASE_FAILED naming the step, not "unexpected error";
 * - a least-privilege role (no CREATE on the database) runs the migrations in schemas made for it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExitCode } from '../../src/cli/commands/build-sync.js';
import { openWarehouse, type Warehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { AtlasError } from '../../src/errors.js';
import { createLogger } from '../../src/log/logger.js';
import { runBuild } from '../../src/pipeline/build.js';
import { logProgress } from '../../src/pipeline/progress.js';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { testConfig } from '../support/harness.js';
import { scriptedTenantSettings } from '../support/scripted-server.js';

const logger = createLogger({ level: 'error' });
const role = `atlas_lp_${process.pid}`;
// A password of its own: the embedded Postgres (CI's) asks for one; a trust server ignores it.
const rolePassword = randomBytes(12).toString('hex');
let admin: pg.Client;

/** The test database's URL for another user. */
const as = (url: string, user: string) => Object.assign(new URL(url), { username: user, password: rolePassword }).toString();
const databaseOf = (url: string) => new URL(url).pathname.slice(1);

beforeAll(async () => {
  admin = new pg.Client({ connectionString: await createTestDatabase('atlas_admin') });
  await admin.connect();
  await admin.query(`create role "${role}" login password '${rolePassword}'`);
});

afterAll(async () => {
  await admin.query(`drop owned by "${role}"`).catch(() => {});
  await admin.end();
  await dropTestDatabases();
  const cleanup = new pg.Client({ connectionString: await createTestDatabase('atlas_admin') });
  await cleanup.connect();
  await cleanup.query(`drop role if exists "${role}"`).catch(() => {});
  await cleanup.end();
  await dropTestDatabases();
});

describe('database trouble', () => {
  it('a dropped connection under a checked-out client rejects its query instead of crashing the process', async () => {
    const warehouse = await openWarehouse(await createTestDatabase());
    try {
      const client = await warehouse.pool.connect();
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      // No listener of the test's own: without Atlas's, the client's 'error' event is unhandled
      // (vitest then fails the run with "Unhandled Errors: Connection terminated unexpectedly").
      // Settled at once into a value, so its rejection is never unhandled while the admin query runs.
      const sleeping = client.query('select pg_sleep(10)').then(
        () => new Error('the query was not interrupted'),
        (error: unknown) => error,
      );
      await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
      expect(String(await sleeping)).toMatch(/terminat/i);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(client.query('select 1')).rejects.toThrow(/not queryable|terminat/i);
      client.release(true);
      expect((await warehouse.pool.query('select 1 as ok')).rows[0].ok).toBe(1);
    } finally {
      await warehouse.close();
    }
  });

  it('a database that goes away mid-run ends the run as DATABASE_FAILED (exit 5)', async () => {
    const url = await createTestDatabase();
    const name = databaseOf(url);
    const warehouse: Warehouse = await openWarehouse(url);
    let goneAway = false;
    // A list whose second page arrives only after the database stopped taking connections.
    const server: Server = createServer(async (req, res) => {
      if (req.url === '/connect/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: 'tok-123456789', expires_in: 900, token_type: 'Bearer' }));
      }
      const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page'));
      if (page === 2 && !goneAway) {
        goneAway = true;
        await admin.query(`alter database "${name}" allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ page, hasMore: page < 3, data: [{ id: page, active: true, modifiedOn: '2025-01-01T00:00:00Z' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const config = testConfig(url, [], {
        endpoints: { include: ['marketing/costs'], exclude: [] },
        tenants: [
          {
            name: 't701',
            tenantId: '701',
            ...scriptedTenantSettings(base),
          },
        ],
      });
      const summary = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false }, logger, logProgress(logger));
      expect(summary.ok).toBe(false);
      expect(runExitCode(summary)).toBe(5);

      // Once the database is back, the run is on record as failed, not left `running`.
      await admin.query(`alter database "${name}" allow_connections true`);
      const again = await runBuild(config, warehouse, { command: 'sync', fullRefresh: false }, logger, logProgress(logger));
      expect(runExitCode(again)).toBe(0);
      const runs = await warehouse.pool.query('select status from atlas._runs order by id');
      expect(runs.rows.map((r) => r.status)).toEqual(['failed', 'succeeded']);
    } finally {
      await admin.query(`alter database "${name}" allow_connections true`);
      await warehouse.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a least-privilege role migrates schemas made for it in advance; without them, DATABASE_FAILED names the step', async () => {
    const url = await createTestDatabase();
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    await owner.query(`create schema lp_staging authorization "${role}"`);
    await owner.query(`create schema lp_marts authorization "${role}"`);
    await owner.end();
    const warehouse = await openWarehouse(as(url, role));
    try {
      expect(await migrate(warehouse.knex, 'lp_staging', 'lp_marts')).toContain('001_bookkeeping');

      const failure = await migrate(warehouse.knex, 'lp_missing').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AtlasError);
      expect(failure).toMatchObject({ code: 'DATABASE_FAILED' });
      expect((failure as Error).message).toMatch(/migrating schema lp_missing: permission denied for database/);
    } finally {
      await warehouse.close();
    }
  });
});
