/**
 * Generates the endpoint catalog from ServiceTitan's OpenAPI documents.
 *
 *   npx tsx scripts/generate-catalog.ts [--openapi DIR] [--out DIR]
 *
 * --openapi  folder of OpenAPI documents (default openapi/servicetitan, relative
 *            to the project root)
 * --out      where to write the data files (default src/catalog/data); module JSON files there that
 *            the documents no longer produce are removed, so the folder always matches the catalog.
 *
 * Fails (exit 1, nothing written) when the catalog checks in scripts/catalog/build.ts fail.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCatalog } from './catalog/build.js';
import { renderCatalogFiles } from './catalog/render.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const { values } = parseArgs({
    options: { openapi: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const openapiDir = resolve(projectRoot, values.openapi ?? 'openapi/servicetitan');
  const outDir = resolve(projectRoot, values.out ?? 'src/catalog/data');

  const catalog = buildCatalog(openapiDir);
  const files = renderCatalogFiles(catalog);

  mkdirSync(outDir, { recursive: true });
  for (const stale of readdirSync(outDir).filter((f) => f.endsWith('.json') && !files.has(f))) rmSync(join(outDir, stale));
  for (const [name, content] of files) writeFileSync(join(outDir, name), content);

  const exports = catalog.filter((d) => d.kind === 'export').length;
  const extracted = catalog.filter((d) => d.extract && !d.extract.optIn).length;
  const optIn = catalog.filter((d) => d.extract?.optIn).length;
  process.stdout.write(
    `catalog: ${catalog.length} endpoints (${exports} export paths), ${extracted} extracted by default, ${optIn} opt-in → ${outDir}\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`generate-catalog: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
