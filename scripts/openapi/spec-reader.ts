/**
 * The spec reader: ServiceTitan's OpenAPI documents (vendored in openapi/servicetitan/) as the
 * generators under scripts/ read them. Its whole API, importable from this file:
 *
 * - `readSpecs(dir)`: every `*.json` document of a folder, sorted by file name;
 * - `getOperations(spec)`: the document's GET operations, each with its module, URL version and
 *   path after `/tenant/{tenant}/` (`locate`, ./locate.ts);
 * - `resolveSchema(doc, schema, parent?)`: `$ref` followed, `allOf` merged, `oneOf`/`anyOf`/null
 *   alternatives reduced to one concrete schema plus a `nullable` flag, `format` (date-time, date,
 *   decimal, int64, duration, html, …) and `enum` kept; pass the enclosing resolved schema as
 *   `parent` and `recursive` tells where a walk over a recursive schema must stop (./resolve.ts);
 * - `responseItem(doc, operation)`: the item schema of a GET's 200 response and its envelope
 *   (export feed, page-numbered list, other `{data: […]}`, bare array, single record) (./response-item.ts);
 * - `parametersOf(doc, operation)`, `documentedMaximum(parameter)`: parameters, `$ref`s resolved (./parameters.ts).
 *
 * Documents that break the reader's assumptions (no server URL, a path outside `/tenant/{tenant}/`,
 * a non-local or cyclic `$ref`) throw: a generator must fail rather than guess.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locate, type Location } from './locate.js';
import type { OpenApiDocument, OperationObject } from './types.js';

export { locate, placeholdersOf, type Location } from './locate.js';
export { documentedMaximum, parametersOf, resolveParameter } from './parameters.js';
export { resolveSchema, type ConcreteSchema, type ResolvedSchema } from './resolve.js';
export { responseItem, responseSchema, type Envelope, type ResponseItem } from './response-item.js';
export type { OpenApiDocument, OperationObject, ParameterObject, SchemaObject } from './types.js';

export interface Spec {
  /** File name within the folder, e.g. `crm-v2.json`. */
  file: string;
  doc: OpenApiDocument;
}

export interface GetOperation {
  file: string;
  doc: OpenApiDocument;
  /** The path as the document spells it, e.g. `/tenant/{tenant}/export/customers` or `/v3/tenant/{tenant}/calls`. */
  openApiPath: string;
  location: Location;
  operation: OperationObject;
}

/** Parses every `*.json` in `dir`, sorted by file name; throws when there is none. */
export function readSpecs(dir: string): Spec[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`no OpenAPI documents (*.json) in ${dir}`);
  return files.map((file) => ({ file, doc: JSON.parse(readFileSync(join(dir, file), 'utf8')) as OpenApiDocument }));
}

/** The document's GET operations in path order, located by its `servers[0].url`. */
export function getOperations({ file, doc }: Spec): GetOperation[] {
  const server = doc.servers?.[0]?.url;
  if (!server) throw new Error(`${file}: no servers[0].url`);
  const operations: GetOperation[] = [];
  for (const [openApiPath, item] of Object.entries(doc.paths ?? {})) {
    if (item.get) operations.push({ file, doc, openApiPath, location: locate(server, openApiPath), operation: item.get });
  }
  return operations;
}
