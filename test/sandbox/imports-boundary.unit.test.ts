/**
 * The sandbox is a separate program that happens to live in this repository: sandbox/ imports
 * nothing from Atlas (src/, or the package by its name), only its own files and npm packages.
 * Import specifiers are read with TypeScript's own pre-processor (static, `export … from`,
 * side-effect and dynamic `import()`), so comments and strings are not mistaken for imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project-root.js';

const sandboxRoot = join(projectRoot, 'sandbox');

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The import specifiers of `source` (a file at `path`) that reach outside sandbox/ into Atlas. */
function importsOutsideSandbox(path: string, source: string): string[] {
  const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
  return specifiers.filter((specifier) => {
    if (specifier.startsWith('.')) {
      const target = relative(sandboxRoot, resolve(dirname(path), specifier));
      return target === '..' || target.startsWith(`..${sep}`);
    }
    return specifier === 'atlas' || specifier.startsWith('atlas/');
  });
}

describe('sandbox/ import boundary', () => {
  it('no file under sandbox/ imports from src/ (or anything of Atlas outside sandbox/)', () => {
    const files = typeScriptFiles(sandboxRoot);
    expect(files.length).toBeGreaterThan(20);
    let imports = 0;
    const crossing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      imports += ts.preProcessFile(source, true, true).importedFiles.length;
      for (const specifier of importsOutsideSandbox(file, source)) crossing.push(`${relative(projectRoot, file)}: ${specifier}`);
    }
    expect(imports).toBeGreaterThan(50); // the scan did read the imports
    expect(crossing).toEqual([]);
  });

  it('flags every kind of import that leaves sandbox/ (so the check above can fail)', () => {
    const file = join(sandboxRoot, 'http', 'server.ts');
    const source = [
      "import { AtlasError } from '../../src/errors.js';",
      "export { catalog } from '../../src/catalog/index.js';",
      "import '../../migrations/001_bookkeeping.js';",
      "const later = await import('../../src/config/index.js');",
      "import { runBuild } from 'atlas';",
      "import { ok } from '../core.js';",
      "import { createServer } from 'node:http';",
      "// import { ignored } from '../../src/in-a-comment.js';",
    ].join('\n');
    expect(importsOutsideSandbox(file, source)).toEqual([
      '../../src/errors.js',
      '../../src/catalog/index.js',
      '../../migrations/001_bookkeeping.js',
      '../../src/config/index.js',
      'atlas',
    ]);
  });
});
