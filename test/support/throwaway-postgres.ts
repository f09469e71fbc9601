/**
 * A Postgres 15 of a test's own (Atlas's embedded server, src/db/embedded.ts), for faults no test
 * may cause on the shared server: stopping and starting it again. As root it runs as the
 * `postgres` user like every embedded server, so its folder is made enterable (mode 755).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { createLogger } from '../../src/log/logger.js';
import { freePort } from './free-port.js';

export interface ThrowawayPostgres {
  url: string;
  /** Fast shutdown (SIGINT): sessions are ended with 57P01, then connections are refused. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  start(): Promise<void>;
  /** Stops it if running and removes its files. */
  remove(): Promise<void>;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'atlas-throwaway-pg-'));
  chmodSync(root, 0o755);
  const options = {
    dataDir: join(root, 'data'),
    port: await freePort(),
    logger: createLogger({ level: 'error' }),
    persistent: true,
  };
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres(options);
  const url = server.url;
  return {
    url,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server = await startEmbeddedPostgres(options);
    },
    async remove() {
      await server?.stop();
      server = null;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
