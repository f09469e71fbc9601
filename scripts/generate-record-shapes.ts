/**
 * Derives compact record shapes for the sandbox from ServiceTitan's OpenAPI documents.
 *
 *   npx tsx scripts/generate-record-shapes.ts [--openapi DIR] [--out DIR]
 *
 * --openapi  folder of OpenAPI documents (default openapi/servicetitan, relative to the project root)
 * --out      where to write the TypeScript files (default sandbox/shapes/data); `.ts` files there that
 *            the documents no longer produce are removed, so the folder always matches the documents.
 *
 * Which endpoints are kept: scripts/shapes/endpoint-shapes.ts; the record-shape DSL that
 * sandbox/shapes/parse.ts reads back: scripts/shapes/record-shape.ts. Fails (exit 1, nothing written)
 * on documents the spec reader or the DSL cannot express.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSpecs } from './openapi/spec-reader.js';
import { endpointShapes } from './shapes/endpoint-shapes.js';
import { renderShapeFiles } from './shapes/render.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const { values } = parseArgs({
    options: { openapi: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const openapiDir = resolve(projectRoot, values.openapi ?? 'openapi/servicetitan');
  const outDir = resolve(projectRoot, values.out ?? 'sandbox/shapes/data');

  const entries = endpointShapes(readSpecs(openapiDir));
  const files = renderShapeFiles(entries);

  mkdirSync(outDir, { recursive: true });
  for (const stale of readdirSync(outDir).filter((f) => f.endsWith('.ts') && !files.has(f))) rmSync(join(outDir, stale));
  for (const [name, content] of files) writeFileSync(join(outDir, name), content);

  const counts = { export: 0, list: 0, id: 0 };
  for (const e of entries) counts[e.kind]++;
  const moduleBytes = [...files].filter(([name]) => name !== 'index.ts').reduce((sum, [, content]) => sum + content.length, 0);
  process.stdout.write(
    `wrote ${entries.length} endpoint shapes (${JSON.stringify(counts)}) in ${files.size - 1} modules, ${moduleBytes} bytes → ${outDir}\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`generate-record-shapes: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
