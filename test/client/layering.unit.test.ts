// The HTTP client knows nothing of the endpoint catalog: names are resolved above it (src/catalog's
// getEndpoint), and the client takes a resolved URL or path. Checked on the source imports.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/client');

describe('src/client layering', () => {
  it('imports nothing from src/catalog', async () => {
    const files = (await readdir(clientDir)).filter((name) => name.endsWith('.ts'));
    expect(files).toContain('client.ts');
    const offenders: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(clientDir, file), 'utf8');
      const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
      for (const specifier of specifiers) if (/(^|\/)catalog(\/|$)/.test(specifier)) offenders.push(`${file}: ${specifier}`);
    }
    expect(offenders).toEqual([]);
  });
});
