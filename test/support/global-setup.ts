/**
 * One Postgres 15 for the whole test run, first match wins:
 * - `DATABASE_URL` when set (any reachable server);
 * - `ATLAS_TEST_POSTGRES=docker`: a `postgres:15` container via testcontainers (needs a Docker
 *   engine; machines without one, like this project's CI, never take this path);
 * - otherwise an embedded Postgres 15 in a temp directory (what a machine without Postgres uses).
 * Test files create their own databases from it (see ./database.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { createLogger } from '../../src/log/logger.js';
import { freePort } from './free-port.js';

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
  if (process.env.ATLAS_TEST_POSTGRES === 'docker') {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:15').start();
    project.provide('adminDatabaseUrl', container.getConnectionUri());
    return async () => {
      await container.stop();
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-test-pg-'));
  chmodSync(dataDir, 0o755); // when run as root, the server runs as `postgres` and must reach it
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'data'),
    port,
    logger: createLogger({ level: 'warn' }),
    persistent: false,
  });
  project.provide('adminDatabaseUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
