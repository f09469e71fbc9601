/**
 * Generates the typed views under models/staging/ from ServiceTitan's OpenAPI documents.
 *
 *   npx tsx scripts/generate-typed-views.ts [--openapi DIR] [--out DIR]      (npm run generate:views)
 *
 * --openapi  folder of OpenAPI documents (default openapi/servicetitan)
 * --out      where to write the model files (default models/staging); `.sql` files there that the
 *            catalog no longer produces are removed, so the folder always matches the catalog.
 * The column rules are in scripts/typed-views/column-types.ts and view-columns.ts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTypedViews } from './typed-views/generate.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const { values } = parseArgs({ options: { openapi: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const openapiDir = resolve(projectRoot, values.openapi ?? 'openapi/servicetitan');
  const outDir = resolve(projectRoot, values.out ?? 'models/staging');
  const files = generateTypedViews(openapiDir);
  mkdirSync(outDir, { recursive: true });
  for (const stale of readdirSync(outDir).filter((f) => f.endsWith('.sql') && !files.has(f))) rmSync(join(outDir, stale));
  for (const [name, content] of files) writeFileSync(join(outDir, name), content);
  process.stdout.write(`typed views: ${files.size} models → ${outDir}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`generate-typed-views: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
