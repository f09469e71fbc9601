/**
 * Turns the generated JSON (typed `unknown` on purpose) into EndpointDescriptors, checking every
 * field the rest of Atlas relies on. A malformed data file is a build defect, so it fails with
 * INTERNAL at load time rather than as a confusing error deep inside an extraction.
 */
import { AtlasError } from '../errors.js';
import type { EndpointDescriptor, EndpointKind, ExtractionPlan, WindowPlan } from './types.js';

type Json = Record<string, unknown>;

const kinds: readonly EndpointKind[] = ['export', 'list', 'id'];
const modes: ReadonlyArray<ExtractionPlan['mode']> = ['export', 'list-incremental', 'list-full', 'window', 'snapshot'];

export function loadDescriptors(modules: ReadonlyArray<readonly unknown[]>): EndpointDescriptor[] {
  return modules.flatMap((entries) => entries.map((entry) => checkDescriptor(entry)));
}

function fail(where: string, problem: string): never {
  throw new AtlasError(
    'INTERNAL',
    `endpoint catalog data is malformed at ${where}: ${problem} (regenerate it with npm run generate:catalog)`,
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(o: Json, field: string, where: string): string {
  const value = o[field];
  return typeof value === 'string' ? value : fail(where, `${field} is not a string`);
}

function strings(o: Json, field: string, where: string): string[] {
  const value = o[field];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : fail(where, `${field} is not a list of strings`);
}

function stringMap<T extends string>(o: Json, field: string, where: string, allowed?: readonly T[]): Record<string, T> {
  const value = o[field];
  if (!isObject(value)) fail(where, `${field} is not an object`);
  for (const v of Object.values(value)) {
    if (typeof v !== 'string' || (allowed && !allowed.includes(v as T)))
      fail(where, `${field} has an unexpected value ${JSON.stringify(v)}`);
  }
  return { ...(value as Record<string, T>) };
}

function checkDescriptor(entry: unknown): EndpointDescriptor {
  if (!isObject(entry)) fail('an entry', 'not an object');
  const where = typeof entry.name === 'string' ? entry.name : 'an entry';
  const kind = str(entry, 'kind', where) as EndpointKind;
  if (!kinds.includes(kind)) fail(where, `unknown kind ${kind}`);
  const changeField = entry.changeField;
  if (changeField !== null && typeof changeField !== 'string') fail(where, 'changeField is neither a string nor null');
  if (entry.method !== undefined && entry.method !== 'POST') fail(where, 'method is neither absent nor POST');
  return {
    name: str(entry, 'name', where),
    module: str(entry, 'module', where),
    version: str(entry, 'version', where),
    path: str(entry, 'path', where),
    kind,
    ...(entry.method === 'POST' ? { method: 'POST' as const } : {}),
    pathParams: strings(entry, 'pathParams', where),
    key: strings(entry, 'key', where),
    keyTypes: stringMap(entry, 'keyTypes', where, ['bigint', 'text'] as const),
    changeField,
    defaultQuery: stringMap(entry, 'defaultQuery', where),
    queryParams: strings(entry, 'queryParams', where),
    summary: str(entry, 'summary', where),
    extract: entry.extract === null ? null : checkPlan(entry.extract, where),
  };
}

function checkPlan(value: unknown, where: string): ExtractionPlan {
  if (!isObject(value)) fail(where, 'extract is neither an object nor null');
  const mode = str(value, 'mode', where) as ExtractionPlan['mode'];
  if (!modes.includes(mode)) fail(where, `unknown extract mode ${mode}`);
  if (typeof value.optIn !== 'boolean') fail(where, 'extract.optIn is not a boolean');
  const plan: ExtractionPlan = { mode, table: str(value, 'table', where), optIn: value.optIn };
  if (value.incrementalParam !== undefined) plan.incrementalParam = str(value, 'incrementalParam', where);
  if (value.stableSort !== undefined) plan.stableSort = str(value, 'stableSort', where);
  if (value.maxPageSize !== undefined) {
    if (typeof value.maxPageSize !== 'number' || !Number.isInteger(value.maxPageSize)) fail(where, 'extract.maxPageSize is not an integer');
    plan.maxPageSize = value.maxPageSize;
  }
  if (value.parent !== undefined) {
    const parent = value.parent;
    if (!isObject(parent)) fail(where, 'extract.parent is not an object');
    plan.parent = { endpoint: str(parent, 'endpoint', where), field: str(parent, 'field', where) };
  }
  if (value.unnest !== undefined) {
    const unnest = value.unnest;
    if (!isObject(unnest)) fail(where, 'extract.unnest is not an object');
    plan.unnest = { field: str(unnest, 'field', where), carry: strings(unnest, 'carry', where) };
  }
  if (value.keyFallback !== undefined) plan.keyFallback = strings(value, 'keyFallback', where);
  if (value.firstPage !== undefined) {
    if (value.firstPage !== 0 && value.firstPage !== 1) fail(where, 'extract.firstPage is neither 0 nor 1');
    plan.firstPage = value.firstPage;
  }
  if (value.unpaged !== undefined) {
    if (value.unpaged !== true) fail(where, 'extract.unpaged is not true');
    plan.unpaged = true;
  }
  if (value.identity !== undefined) {
    if (!isObject(value.identity)) fail(where, 'extract.identity is not an object');
    plan.identity = { field: str(value.identity, 'field', where), paths: strings(value.identity, 'paths', where) };
  }
  if (value.window !== undefined) plan.window = checkWindow(value.window, where);
  if ((mode === 'window') !== (plan.window !== undefined)) fail(where, 'extract.window is required by mode window and only by it');
  if (value.single !== undefined) {
    if (value.single !== true) fail(where, 'extract.single is not true');
    plan.single = true;
  }
  return plan;
}

function integer(o: Json, field: string, where: string, least: number): number {
  const value = o[field];
  return typeof value === 'number' && Number.isInteger(value) && value >= least
    ? value
    : fail(where, `window.${field} is not an integer >= ${least}`);
}

function checkWindow(value: unknown, where: string): WindowPlan {
  if (!isObject(value)) fail(where, 'extract.window is not an object');
  const window: WindowPlan = {
    fromParam: str(value, 'fromParam', where),
    toParam: str(value, 'toParam', where),
    days: integer(value, 'days', where, 1),
    lookbackDays: integer(value, 'lookbackDays', where, 0),
    historyDays: integer(value, 'historyDays', where, 1),
  };
  if (value.dayField !== undefined) window.dayField = str(value, 'dayField', where);
  if (value.segments !== undefined) {
    const segments = value.segments;
    if (!isObject(segments) || !Array.isArray(segments.values)) fail(where, 'extract.window.segments is malformed');
    window.segments = {
      param: str(segments, 'param', where),
      field: str(segments, 'field', where),
      idField: str(segments, 'idField', where),
      values: segments.values.map((v) =>
        isObject(v)
          ? { value: str(v, 'value', where), idPaths: strings(v, 'idPaths', where) }
          : fail(where, 'a window segment is not an object'),
      ),
    };
  }
  return window;
}
