/**
 * Reads every model under the models folder and checks what can be checked without a database:
 * header, one statement, no DDL, unique names, references to known models, staging tables and
 * helper functions, and no cycles. Every problem is an error naming the file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtlasError } from '../errors.js';
import { isPlainIdentifier } from '../db/identifiers.js';
import { parseModelFile } from './header.js';
import type { Model } from './model.js';
import { orderModels } from './graph.js';
import { HELPER_FUNCTIONS } from './safe-casts.js';
import { ddlKeywordsIn, statementCount, withoutTrailingSemicolon } from './sql-text.js';
import { referencesOf } from './template.js';
import { TENANTS_TABLE } from './bookkeeping.js';

/**
 * The `models/` folder shipped with Atlas: the nearest ancestor of this module holding both a
 * `package.json` and `models/` (the project root from sources, tests and compiled `dist/` alike).
 */
export function defaultModelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return join(dir, 'models');
    const parent = dirname(dir);
    if (parent === dir) throw new AtlasError('MODEL_INVALID', "cannot find the models/ folder next to Atlas's package.json");
    dir = parent;
  }
}

function sqlFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return sqlFiles(root, path);
      return entry.endsWith('.sql') ? [path] : [];
    });
}

/**
 * Loads and checks the models in `dir`, returned in build order (every model after what it reads).
 * `stagingTables` are the tables a model may read with `{{ staging }}.<table>`.
 */
export function loadModels(stagingTables: Iterable<string>, dir: string = defaultModelsDir()): Model[] {
  const root = resolve(dir);
  const known = new Set([...stagingTables, TENANTS_TABLE]);
  const models: Model[] = [];
  const files = new Map<string, string>();
  for (const path of sqlFiles(root)) {
    const file = relative(root, path).split(sep).join('/');
    const name = file.replace(/^.*\//, '').replace(/\.sql$/, '');
    if (!isPlainIdentifier(name) || name.startsWith('_')) {
      throw new AtlasError('MODEL_INVALID', `${file}: the model name "${name}" must be a plain lowercase identifier not starting with _`);
    }
    const other = files.get(name);
    if (other)
      throw new AtlasError('MODEL_INVALID', `${other} and ${file} both define the model "${name}": model names are unique across folders`);
    files.set(name, file);
    models.push(readModel(file, name, readFileSync(path, 'utf8'), known));
  }
  for (const model of models) {
    const unknown = model.dependsOn.filter((name) => !files.has(name));
    if (unknown.length) {
      throw new AtlasError('MODEL_INVALID', `${model.file}: {{ marts }}.${unknown[0]} is not a model (no ${unknown[0]}.sql under models/)`);
    }
  }
  return orderModels(models);
}

function readModel(file: string, name: string, text: string, stagingTables: Set<string>): Model {
  const { header, body: rawBody } = parseModelFile(file, text);
  const body = withoutTrailingSemicolon(rawBody);
  if (body === '') throw new AtlasError('MODEL_INVALID', `${file}: no SELECT after the header`);
  if (statementCount(body) !== 1)
    throw new AtlasError('MODEL_INVALID', `${file}: a model is exactly one SELECT statement (found ${statementCount(body)})`);
  const ddl = ddlKeywordsIn(body);
  if (ddl.length) throw new AtlasError('MODEL_INVALID', `${file}: a model is a query; found ${ddl.map((k) => `"${k}"`).join(', ')}`);
  const refs = referencesOf(file, body);
  const missing = refs.staging.filter((table) => !stagingTables.has(table));
  if (missing.length) {
    throw new AtlasError(
      'MODEL_INVALID',
      `${file}: {{ staging }}.${missing[0]} is not a staging table Atlas extracts (see \`atlas endpoints --extracted\`)`,
    );
  }
  const badHelper = refs.helpers.find((helper) => !HELPER_FUNCTIONS.includes(helper));
  if (badHelper)
    throw new AtlasError(
      'MODEL_INVALID',
      `${file}: {{ marts }}.${badHelper} is not a helper function (known: ${HELPER_FUNCTIONS.join(', ')})`,
    );
  if (refs.models.includes(name)) throw new AtlasError('MODEL_INVALID', `${file}: the model reads itself ({{ marts }}.${name})`);
  return { name, file, header, body, dependsOn: refs.models, stagingTables: refs.staging };
}
