/**
 * Finding 2 of issue 9: as root, a data directory the `postgres` user cannot reach used to move to
 * `<tmp>/atlas-postgres-<hash>`, a name another local user could predict and create first (and
 * that temp cleaners delete). It now moves under a root-made home (`/var/lib/atlas` by default);
 * anything there that root or postgres did not make, or that others may write to, is refused.
 */
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MOVED_DATA_HOME, placeDataDir } from '../../src/db/embedded-location.js';
import { createLogger } from '../../src/log/logger.js';

const logger = createLogger({ level: 'error' });
const made: string[] = [];
afterEach(() => {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
});

function folder(prefix: string, mode: number): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(path, mode);
  made.push(path);
  return path;
}

function movedName(requested: string): string {
  return `postgres-${createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 12)}`;
}

describe('where the embedded data lives', () => {
  it('stays where asked when the postgres user can reach it', () => {
    const open = folder('atlas-location-open-', 0o755);
    expect(placeDataDir(join(open, 'pg'), logger, join(open, 'home'))).toBe(join(open, 'pg'));
  });

  describe.skipIf(process.getuid?.() !== 0)('as root, with the requested folder closed to others', () => {
    it('moves under the root-made home, never under the temp directory', () => {
      const closed = folder('atlas-location-closed-', 0o700);
      const home = join(folder('atlas-location-parent-', 0o755), 'home');
      const placed = placeDataDir(join(closed, 'pg'), logger, home);
      expect(placed).toBe(join(home, movedName(join(closed, 'pg'))));
      expect(statSync(home).uid).toBe(0);
      expect(statSync(home).mode & 0o777).toBe(0o755);
      expect(MOVED_DATA_HOME.startsWith(tmpdir())).toBe(false);
    });

    it('refuses a data directory someone else made first, or that others may write to', () => {
      const closed = folder('atlas-location-closed-', 0o700);
      const home = folder('atlas-location-home-', 0o755);
      const planted = join(home, movedName(join(closed, 'pg')));
      mkdirSync(planted);
      chmodSync(planted, 0o777);
      expect(() => placeDataDir(join(closed, 'pg'), logger, home)).toThrow(
        /data directory .* was not made by root or postgres, or others may write to it/,
      );
      chmodSync(planted, 0o700);
      chownSync(planted, 65534, 65534); // nobody
      expect(() => placeDataDir(join(closed, 'pg'), logger, home)).toThrow(/was not made by root or postgres/);
    });

    it('refuses a home others may write to', () => {
      const closed = folder('atlas-location-closed-', 0o700);
      const home = folder('atlas-location-home-', 0o777);
      expect(() => placeDataDir(join(closed, 'pg'), logger, home)).toThrow(/data home .* was not made by root or postgres/);
    });
  });
});
