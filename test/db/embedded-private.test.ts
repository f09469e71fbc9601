/**
 * Finding 2 of issue 9: the embedded Postgres is not open to every local user. It used to accept
 * anyone on 127.0.0.1 as superuser without a password (trust) and to inherit Atlas's environment,
 * so `COPY … FROM PROGRAM 'env'` read ST_CLIENT_SECRET. Now: a generated password kept in a
 * mode-600 file beside the data, and a server environment without Atlas's variables.
 * Starts its own embedded server (a random port, a fresh data directory), with or without
 * DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordFileOf } from '../../src/db/embedded-password.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { createLogger } from '../../src/log/logger.js';

const root = mkdtempSync(join(tmpdir(), 'atlas-embedded-private-'));
chmodSync(root, 0o755); // as root the server runs as `postgres`, which must reach the data
const dataDir = join(root, 'data');
const port = 50000 + Math.floor(Math.random() * 5000);
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

  // As root, a data directory the postgres user cannot reach moves to
  // <tmp>/atlas-postgres-<sha256(requested)[0..12]>, a name another user can predict and create first.
  it.skipIf(process.getuid?.() !== 0)('refuses a moved data directory that others may write to (made first by someone else)', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'atlas-embedded-closed-')); // mode 700
    const requested = join(closed, 'postgres');
    const moved = join(tmpdir(), `atlas-postgres-${createHash('sha256').update(requested).digest('hex').slice(0, 12)}`);
    mkdirSync(moved);
    chmodSync(moved, 0o777);
    try {
      await expect(startEmbeddedPostgres({ dataDir: requested, port: port + 1, logger, persistent: false })).rejects.toMatchObject({
        code: 'DATABASE_FAILED',
        message: expect.stringContaining(`${moved} was not made by root or postgres, or others may write to it`),
      });
    } finally {
      rmSync(moved, { recursive: true, force: true });
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
