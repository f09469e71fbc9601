/**
 * Where the embedded Postgres keeps its data. Normally where the user asked (`stateDir`, default
 * `.atlas/postgres`). As root the server runs as `postgres`, which must reach the folder; when a
 * parent is closed to other users (the root user's home, a `mktemp -d` folder) the data moves to
 * `/var/lib/atlas/postgres-<sha256(requested)[0..12]>`, and Atlas says so. That place is private
 * in the way that matters: only root can create things in `/var/lib` and in the `atlas` folder it
 * makes there (mode 755), so no other user can create the data folder first, and no temp cleaner
 * deletes it. (It used to move under the world-writable system temp directory.)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import { AtlasError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { closedAncestor } from './embedded-reach.js';
import { findPostgresSystemUser, runsAsRoot } from './postgres-system-user.js';

/** The folder moved data directories live in, one per requested location. */
export const MOVED_DATA_HOME = '/var/lib/atlas';

/** Throws unless `path` is owned by root or `postgres` and neither its group nor others may write to it. */
function assertOwnedByRootOrPostgres(path: string, what: string): void {
  if (!existsSync(path)) return;
  const { uid, mode } = statSync(path);
  if ((uid === 0 || uid === findPostgresSystemUser()?.uid) && (mode & 0o022) === 0) return;
  throw new AtlasError(
    'DATABASE_FAILED',
    `the embedded Postgres ${what} ${path} was not made by root or postgres, or others may write to it: ` +
      'remove it, or set stateDir (ATLAS_STATE_DIR) to a folder the postgres user can reach',
  );
}

/**
 * The data directory to use for the requested one. `home` is where moved data directories go
 * (tests give their own); it is created root-owned, mode 755, when missing.
 */
export function placeDataDir(requested: string, logger: Logger, home = MOVED_DATA_HOME): string {
  if (!runsAsRoot() || closedAncestor(requested) === null) return resolve(requested);
  const digest = createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 12);
  const moved = join(home, `postgres-${digest}`);
  mkdirSync(home, { recursive: true, mode: 0o755 });
  assertOwnedByRootOrPostgres(home, 'data home');
  assertOwnedByRootOrPostgres(moved, 'data directory');
  logger.warn('embedded Postgres data directory moved: the postgres user cannot reach the requested one', { requested, dataDir: moved });
  const earlier = join(tmpdir(), `atlas-${basename(moved)}`);
  if (existsSync(earlier) && !existsSync(moved)) {
    logger.warn(
      'an earlier Atlas kept this data under the temp directory; it is no longer used (move it, with no server running, to use it again)',
      {
        earlier,
        dataDir: moved,
      },
    );
  }
  return moved;
}
