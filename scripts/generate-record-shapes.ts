/**
 * Derives compact record shapes for the sandbox from ServiceTitan's OpenAPI documents.
 *
 *   npx tsx scripts/generate-record-shapes.ts [openapi-dir]
 *
 * Reads every `*.json` in the OpenAPI directory (default: openapi/servicetitan,
 * or $ST_OPENAPI_DIR) and writes one TypeScript file per module under sandbox/shapes/ plus an
 * index. Only derived data is written (paths, query parameter names, field names and simple types),
 * never the documents themselves.
 *
 * Endpoints kept: every GET export feed, every GET page-numbered list (`{page, pageSize, hasMore,
 * totalCount, data}`), and every GET `…/{placeholder}` whose parent path is such a list (the "id"
 * form). The item shape is written in a small DSL that sandbox/shapes/parse.ts reads back:
 *
 *   int | num | str | html | bool | dt | date | dur | any | enum(A|B) | ienum(0|1)
 *   {field:T,field:T}   object        [T]   array        T?   nullable
 *
 * Recursive schemas are cut at the first repetition with `any`.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = any; // OpenAPI documents are untyped JSON here.

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const specDir = resolve(process.argv[2] ?? process.env.ST_OPENAPI_DIR ?? join(root, 'openapi', 'servicetitan'));
const outDir = join(root, 'sandbox', 'shapes', 'data');

interface Entry {
  name: string;
  module: string;
  version: string;
  path: string;
  kind: 'export' | 'list' | 'id';
  query: string[];
  item: string;
  maxPageSize?: number;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const enumValue = /^[A-Za-z0-9_ .\-/]+$/;

function resolveRef(doc: Json, ref: string): Json {
  let node = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = node[part];
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

/** Collapses `oneOf: [X, {type:null}]`, `type: [T, 'null']`, `$ref` into (schema, nullable). */
function unwrap(doc: Json, schema: Json): { schema: Json; nullable: boolean; ref?: string } {
  let nullable = false;
  let current = schema ?? {};
  let ref: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    if (current.nullable === true) nullable = true;
    if (current.$ref) {
      ref = current.$ref;
      current = resolveRef(doc, current.$ref);
      continue;
    }
    const alternatives = current.oneOf ?? current.anyOf ?? current.allOf;
    if (Array.isArray(alternatives)) {
      const real = alternatives.filter((a: Json) => !(a && a.type === 'null'));
      if (real.length < alternatives.length) nullable = true;
      if (real.length === 0) return { schema: { type: 'null' }, nullable: true };
      // allOf with several parts: merge object properties; oneOf with several: take the first.
      if (current.allOf && real.length > 1) {
        const merged: Json = { type: 'object', properties: {}, required: [] };
        for (const part of real) {
          const u = unwrap(doc, part);
          Object.assign(merged.properties, u.schema.properties ?? {});
          merged.required.push(...(u.schema.required ?? []));
        }
        current = merged;
        continue;
      }
      current = real[0];
      continue;
    }
    break;
  }
  if (Array.isArray(current.type)) {
    if (current.type.includes('null')) nullable = true;
    const t = current.type.filter((x: string) => x !== 'null');
    current = { ...current, type: t[0] };
  }
  return { schema: current, nullable, ref };
}

function shapeOf(doc: Json, schema: Json, stack: string[]): string {
  const { schema: s, nullable, ref } = unwrap(doc, schema);
  const q = nullable ? '?' : '';
  if (ref && stack.includes(ref)) return 'any' + q;
  const next = ref ? [...stack, ref] : stack;
  if (Array.isArray(s.enum)) {
    const values = s.enum.filter((v: unknown) => v !== null).map(String);
    for (const v of values) if (!enumValue.test(v)) throw new Error(`odd enum value ${JSON.stringify(v)}`);
    const integer = s.type === 'integer' || s.enum.every((v: unknown) => typeof v === 'number');
    return `${integer ? 'ienum' : 'enum'}(${values.join('|')})${q}`;
  }
  switch (s.type) {
    case 'integer':
      return 'int' + q;
    case 'number':
      return 'num' + q;
    case 'boolean':
      return 'bool' + q;
    case 'string':
      if (s.format === 'date-time') return 'dt' + q;
      if (s.format === 'date') return 'date' + q;
      if (s.format === 'duration') return 'dur' + q;
      if (s.format === 'html') return 'html' + q;
      return 'str' + q;
    case 'array':
      return `[${shapeOf(doc, s.items ?? {}, next)}]${q}`;
    case 'object':
    case undefined: {
      const props = s.properties ?? {};
      const names = Object.keys(props);
      if (names.length === 0) return 'any' + q;
      const fields = names.map((name) => {
        if (!identifier.test(name)) throw new Error(`odd field name ${name}`);
        return `${name}:${shapeOf(doc, props[name], next)}`;
      });
      return `{${fields.join(',')}}${q}`;
    }
    case 'null':
      return 'any?';
    default:
      return 'any' + q;
  }
}

function responseSchema(op: Json): Json | undefined {
  const content = op?.responses?.['200']?.content;
  if (!content) return undefined;
  const first = Object.values(content)[0] as Json;
  return first?.schema;
}

function paramNames(doc: Json, op: Json): string[] {
  return (op.parameters ?? [])
    .map((p: Json) => (p.$ref ? resolveRef(doc, p.$ref) : p))
    .filter((p: Json) => p.in === 'query')
    .map((p: Json) => p.name as string);
}

function maxPageSize(doc: Json, op: Json): number | undefined {
  for (const raw of op.parameters ?? []) {
    const p = raw.$ref ? resolveRef(doc, raw.$ref) : raw;
    if (p.name !== 'pageSize') continue;
    if (typeof p.schema?.maximum === 'number') return p.schema.maximum;
    const m = /Maximum value is (\d+)/.exec(p.description ?? '');
    if (m) return Number(m[1]);
  }
  return undefined;
}

const entries: Entry[] = [];
const files = readdirSync(specDir).filter((f) => f.endsWith('.json')).sort();
for (const file of files) {
  const doc = JSON.parse(readFileSync(join(specDir, file), 'utf8'));
  const server: string = doc.servers[0].url;
  const serverPath = new URL(server).pathname.replace(/^\//, ''); // e.g. `crm/v2` or `telecom`
  const [module, serverVersion] = serverPath.split('/');
  const listPaths = new Set<string>();
  const candidates: Array<{ version: string; path: string; op: Json }> = [];
  for (const [fullPath, ops] of Object.entries<Json>(doc.paths)) {
    if (!ops.get) continue;
    let version = serverVersion;
    let rest = fullPath;
    const m = /^\/(v\d+)(\/.*)$/.exec(fullPath);
    if (m) {
      version = m[1];
      rest = m[2];
    }
    if (!rest.startsWith('/tenant/{tenant}/')) continue;
    const path = rest.slice('/tenant/{tenant}/'.length);
    candidates.push({ version, path, op: ops.get });
  }
  for (const c of candidates) {
    const schema = responseSchema(c.op);
    if (!schema) continue;
    const { schema: wrapper } = unwrap(doc, schema);
    const props = wrapper.properties ?? {};
    const base = { module, version: c.version, path: c.path, query: paramNames(doc, c.op) };
    if ('continueFrom' in props && 'data' in props) {
      entries.push({ ...base, name: '', kind: 'export', item: shapeOf(doc, unwrap(doc, props.data).schema.items, []) });
    } else if ('page' in props && 'data' in props && 'hasMore' in props) {
      listPaths.add(`${c.version} ${c.path}`);
      const entry: Entry = { ...base, name: '', kind: 'list', item: shapeOf(doc, unwrap(doc, props.data).schema.items, []) };
      const max = maxPageSize(doc, c.op);
      if (max !== undefined) entry.maxPageSize = max;
      entries.push(entry);
    }
  }
  for (const c of candidates) {
    const m = /^(.*)\/\{[^/}]+\}$/.exec(c.path);
    if (!m || !listPaths.has(`${c.version} ${m[1]}`)) continue;
    const schema = responseSchema(c.op);
    if (!schema) continue;
    entries.push({ module, version: c.version, path: c.path, query: paramNames(doc, c.op), name: '', kind: 'id', item: '' });
  }
}

// Names: `<module>/<path>`; where one path exists in two versions the newest keeps the plain name.
const newest = new Map<string, string>();
for (const e of entries) {
  const key = `${e.module}/${e.path}`;
  const prev = newest.get(key);
  if (!prev || Number(e.version.slice(1)) > Number(prev.slice(1))) newest.set(key, e.version);
}
for (const e of entries) {
  const key = `${e.module}/${e.path}`;
  e.name = newest.get(key) === e.version ? key : `${e.module}/${e.version}/${e.path}`;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const byModule = new Map<string, Entry[]>();
for (const e of entries) byModule.set(e.module, [...(byModule.get(e.module) ?? []), e]);
const moduleVar = (m: string): string => m.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) + 'Shapes';
const header = '// Generated by scripts/generate-record-shapes.ts from ServiceTitan OpenAPI documents. Do not edit.\n';
let total = 0;
for (const [module, list] of [...byModule.entries()].sort()) {
  list.sort((a, b) => a.name.localeCompare(b.name));
  const lines = list.map((e) => {
    const fields: string[] = [
      `name: ${JSON.stringify(e.name)}`,
      `version: ${JSON.stringify(e.version)}`,
      `path: ${JSON.stringify(e.path)}`,
      `kind: ${JSON.stringify(e.kind)}`,
      `query: ${JSON.stringify(e.query.join(' '))}`,
    ];
    if (e.maxPageSize !== undefined) fields.push(`maxPageSize: ${e.maxPageSize}`);
    if (e.item) fields.push(`item: ${JSON.stringify(e.item)}`);
    return `  { ${fields.join(', ')} },`;
  });
  const text = `${header}import type { EndpointShape } from '../types.js';\n\nexport const ${moduleVar(module)}: EndpointShape[] = [\n${lines.join('\n')}\n];\n`;
  total += text.length;
  writeFileSync(join(outDir, `${module}.ts`), text);
}
const modules = [...byModule.keys()].sort();
const index =
  header +
  `import type { EndpointShape } from '../types.js';\n` +
  modules.map((m) => `import { ${moduleVar(m)} } from './${m}.js';\n`).join('') +
  `\n/** Every endpoint shape, all modules. */\nexport const allShapes: EndpointShape[] = [\n${modules.map((m) => `  ...${moduleVar(m)},`).join('\n')}\n];\n`;
writeFileSync(join(outDir, 'index.ts'), index);
const counts = { export: 0, list: 0, id: 0 };
for (const e of entries) counts[e.kind]++;
process.stdout.write(`wrote ${entries.length} endpoint shapes (${JSON.stringify(counts)}) in ${modules.length} modules, ${total} bytes\n`);
