/**
 * Generates src/docs/data/typed-view-columns.json (column types and OpenAPI field descriptions of
 * every typed view) for `atlas docs`, which must not read openapi/ at runtime.
 *
 *   npx tsx scripts/generate-dictionary.ts [--openapi DIR]      (npm run generate:dictionary)
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { typedViewDictionary } from './typed-views/dictionary.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DICTIONARY_FILE = resolve(projectRoot, 'src/docs/data/typed-view-columns.json');

function main(): void {
  const { values } = parseArgs({ options: { openapi: { type: 'string' } }, strict: true });
  const dictionary = typedViewDictionary(resolve(projectRoot, values.openapi ?? 'openapi/servicetitan'));
  writeFileSync(DICTIONARY_FILE, `${JSON.stringify(dictionary, null, 2)}\n`);
  process.stdout.write(`data dictionary: ${Object.keys(dictionary).length} typed views → ${DICTIONARY_FILE}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`generate-dictionary: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
