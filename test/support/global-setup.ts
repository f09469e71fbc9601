/**
 * One Postgres 15 for the whole test run: `DATABASE_URL` when set (any reachable server), else
 * an embedded Postgres 15 in a temp directory (the path a machine without Postgres takes).
 * Test files create their own databases from it (see ./database.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { createLogger } from '../../src/log/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('adminDatabaseUrl', given);
    return async () => {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-test-pg-'));
  chmodSync(dataDir, 0o755); // when run as root, the server runs as `postgres` and must reach it
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'data'), port, logger: createLogger({ level: 'warn' }), persistent: false });
  project.provide('adminDatabaseUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
