/**
 * Finding 2 of issue 9: the embedded Postgres is not open to every local user. It used to accept
 * anyone on 127.0.0.1 as superuser without a password (trust) and to inherit Atlas's environment,
 * so `COPY … FROM PROGRAM 'env'` read ST_CLIENT_SECRET. Now: a generated password kept in a
 * mode-600 file beside the data, and a server environment without Atlas's variables.
 * Starts its own embedded server (a random port, a fresh data directory), with or without
 * DATABASE_URL.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordFileOf } from '../../src/db/embedded-password.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { createLogger } from '../../src/log/logger.js';
import { freePort } from '../support/free-port.js';

const root = mkdtempSync(join(tmpdir(), 'atlas-embedded-private-'));
chmodSync(root, 0o755); // as root the server runs as `postgres`, which must reach the data
const dataDir = join(root, 'data');
const logger = createLogger({ level: 'error' });

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded Postgres', () => {
  it('needs its generated password, kept private, and does not see Atlas environment', { timeout: 120_000 }, async () => {
    process.env.ST_CLIENT_SECRET = 'cs1.planted-secret-for-the-env-test';
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port, logger, persistent: false });
    try {
      delete process.env.ST_CLIENT_SECRET;
      expect(new URL(server.url).password).not.toBe('');
      expect(statSync(passwordFileOf(dataDir)).mode & 0o777).toBe(0o600);
      await expect(query(`postgres://postgres@127.0.0.1:${port}/atlas`, 'select 1')).rejects.toThrow(/password/);
      await expect(query(`postgres://postgres:guess@127.0.0.1:${port}/atlas`, 'select 1')).rejects.toThrow(/password/);

      await query(server.url, 'create table env_seen(line text)');
      await query(server.url, "copy env_seen from program 'env'");
      const lines = (await query(server.url, 'select line from env_seen')) as Array<{ line: string }>;
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.map((l) => l.line).join('\n')).not.toMatch(/ST_CLIENT_SECRET|planted-secret|DATABASE_URL/);
    } finally {
      delete process.env.ST_CLIENT_SECRET;
      await server.stop();
    }
  });

  // A new cluster used to run with trust authentication until the first start set the password:
  // anyone on 127.0.0.1 could connect as superuser meanwhile. Knock without a password all through
  // the start; not one knock may get in.
  it('never accepts a connection without the password, not even while a new cluster starts', { timeout: 120_000 }, async () => {
    const fresh = join(root, 'fresh');
    const freshPort = await freePort();
    const knocks = { tried: 0, admitted: 0 };
    let starting = true;
    const knocking = (async () => {
      while (starting) {
        knocks.tried += 1;
        const client = new pg.Client({
          connectionString: `postgres://postgres@127.0.0.1:${freshPort}/postgres`,
          connectionTimeoutMillis: 1000,
        });
        try {
          await client.connect();
          knocks.admitted += 1;
        } catch {
          // refused: not up yet, or asked for a password
        } finally {
          await client.end().catch(() => {});
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const server = await startEmbeddedPostgres({ dataDir: fresh, port: freshPort, logger, persistent: false });
    starting = false;
    await knocking;
    try {
      expect(knocks.tried).toBeGreaterThan(10);
      expect(knocks.admitted).toBe(0);
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
