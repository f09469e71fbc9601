/**
 * Opens the warehouse: a knex instance for migrations and bookkeeping queries, and a pg Pool for
 * the loader's COPY streams. Every session runs with `TimeZone = UTC`, so timestamps that
 * ServiceTitan sends without an offset are read as UTC, as the API documents them.
 */
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import type { DatabaseConfig } from '../config/types.js';
import { AtlasError, errorMessage } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { registerSecret } from '../log/redact.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';

export interface Warehouse {
  knex: Knex;
  pool: pg.Pool;
  /** Connection URL (contains the password; never print it unredacted). */
  url: string;
  /** The embedded Postgres's data directory (where it really is, which may differ from the configured one), when embedded. */
  embeddedDataDir?: string;
  close(): Promise<void>;
}

/** int8 as string would make every count a string; counts here stay far below 2^53. */
pg.types.setTypeParser(20, (value: string) => Number(value));

/**
 * How long opening a connection (or waiting for a pooled one) may take before it fails, so an
 * unreachable or silent server ends the command instead of hanging it.
 */
export const CONNECT_TIMEOUT_MS = 30_000;

export async function openWarehouse(
  url: string,
  options: { poolSize?: number; onClose?: () => Promise<void>; connectTimeoutMs?: number } = {},
): Promise<Warehouse> {
  const password = safePassword(url);
  registerSecret(password);
  const max = options.poolSize ?? 10;
  // `-c TimeZone=UTC` sets the zone at connection start, before any query can run (both clients).
  const session = {
    connectionString: url,
    application_name: 'atlas',
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
  };
  const pool = new pg.Pool({ ...session, max } as pg.PoolConfig);
  // An idle client's connection error goes to the pool's listener; a checked-out client's would be
  // an unhandled 'error' event that kills the process. Its pending query rejects with the same
  // error (and the pool discards the client), so the listener only has to exist.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  // knex prints "Connection Error: …" to the console when a pooled connection drops; the failing
  // query reports it (as DATABASE_FAILED), so those lines would only blur the one clear line.
  const quiet = () => {};
  const knex = knexFactory({
    client: 'pg',
    connection: session as Knex.PgConnectionConfig,
    pool: { min: 0, max: 4 },
    log: { warn: quiet, error: quiet, deprecate: quiet, debug: quiet },
  });
  try {
    await pool.query('select 1');
  } catch (cause) {
    await Promise.allSettled([pool.end(), knex.destroy()]);
    const message = errorMessage(cause);
    throw new AtlasError('DATABASE_FAILED', `cannot connect to the database: ${message}`, { cause: new Error(message) });
  }
  return {
    knex,
    pool,
    url,
    async close() {
      await Promise.allSettled([pool.end(), knex.destroy()]);
      await options.onClose?.();
    },
  };
}

function safePassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Opens the configured database, starting the embedded Postgres when none is configured. */
export async function openConfiguredWarehouse(database: DatabaseConfig, logger: Logger, poolSize?: number): Promise<Warehouse> {
  if (database.kind === 'url') return openWarehouse(database.url, { poolSize });
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: database.dataDir, port: database.port, logger });
  try {
    const warehouse = await openWarehouse(embedded.url, { poolSize, onClose: () => embedded.stop() });
    return { ...warehouse, embeddedDataDir: embedded.dataDir };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
