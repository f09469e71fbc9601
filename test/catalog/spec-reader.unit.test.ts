/**
 * The OpenAPI spec reader shared by the generators, and the record-shape generator built on it:
 * its output equals the committed sandbox/shapes/data byte for byte (catches stale shapes after an
 * OpenAPI update or a rule change).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  documentedMaximum,
  getOperations,
  readSpecs,
  resolveSchema,
  responseItem,
  type OpenApiDocument,
  type OperationObject,
  type SchemaObject,
} from '../../scripts/openapi/spec-reader.js';
import { recordShape } from '../../scripts/shapes/record-shape.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shapesDir = resolve(projectRoot, 'sandbox/shapes/data');
const tsx = resolve(projectRoot, 'node_modules/.bin/tsx');
const scratch = mkdtempSync(join(tmpdir(), 'atlas-shapes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

const schemas: Record<string, SchemaObject> = {
  Money: { type: 'string', format: 'decimal' },
  Audit: { type: 'object', properties: { createdOn: { type: 'string', format: 'date-time' } }, required: ['createdOn'] },
  Customer: {
    allOf: [
      ref('Audit'),
      { type: 'object', properties: { id: { type: 'integer', format: 'int64' }, balance: ref('Money') }, required: ['id'] },
    ],
  },
  Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: ['array', 'null'], items: ref('Node') } } },
  LoopA: ref('LoopB'),
  LoopB: ref('LoopA'),
  Status: { type: 'string', enum: ['Open', 'Closed'] },
};
const doc: OpenApiDocument = { paths: {}, components: { schemas } };

function returning(schema: SchemaObject): OperationObject {
  return { responses: { '200': { content: { 'application/json': { schema } } } } };
}

describe('spec reader: resolveSchema', () => {
  it('follows $ref chains, keeps format, and names the schema it resolved to', () => {
    const money = resolveSchema(doc, ref('Money'));
    expect(money.schema).toEqual({ type: 'string', format: 'decimal' });
    expect(money.ref).toBe('#/components/schemas/Money');
    expect(money.nullable).toBe(false);
  });

  it('merges allOf parts into one object', () => {
    const customer = resolveSchema(doc, ref('Customer')).schema;
    expect(customer.type).toBe('object');
    expect(Object.keys(customer.properties ?? {})).toEqual(['createdOn', 'id', 'balance']);
    expect(customer.required).toEqual(['createdOn', 'id']);
  });

  it('turns every spelling of "may be null" into the nullable flag and one type name', () => {
    expect(resolveSchema(doc, { type: ['integer', 'null'] })).toMatchObject({ schema: { type: 'integer' }, nullable: true });
    const status = resolveSchema(doc, { oneOf: [ref('Status'), { type: 'null' }] });
    expect(status).toMatchObject({ schema: { enum: ['Open', 'Closed'] }, nullable: true });
    expect(resolveSchema(doc, { oneOf: [ref('Money')], nullable: true })).toMatchObject({ schema: { format: 'decimal' }, nullable: true });
    expect(resolveSchema(doc, { type: 'string', format: 'date' }).nullable).toBe(false);
  });

  it('marks a schema met again inside itself as recursive', () => {
    const node = resolveSchema(doc, ref('Node'));
    const children = resolveSchema(doc, node.schema.properties?.children, node);
    expect(children).toMatchObject({ nullable: true, recursive: false });
    const child = resolveSchema(doc, children.schema.items, children);
    expect(child.recursive).toBe(true);
    expect(resolveSchema(doc, ref('Node')).recursive).toBe(false);
  });

  it('refuses cyclic $ref chains and references outside the document', () => {
    expect(() => resolveSchema(doc, ref('LoopA'))).toThrow(/cyclic \$ref/);
    expect(() => resolveSchema(doc, { $ref: 'other.json#/components/schemas/Money' })).toThrow(/unresolvable \$ref/);
    expect(() => resolveSchema(doc, ref('Missing'))).toThrow(/unresolvable \$ref/);
  });
});

describe('spec reader: responseItem', () => {
  const rows = { type: 'array', items: ref('Customer') } as const;
  it.each([
    ['export', { type: 'object', properties: { data: rows, continueFrom: { type: 'string' }, hasMore: { type: 'boolean' } } }],
    ['page', { type: 'object', properties: { page: { type: 'integer' }, hasMore: { type: 'boolean' }, data: rows } }],
    ['collection', { type: 'object', properties: { data: rows } }],
    ['array', rows],
    ['wrapped', { type: 'object', properties: { data: ref('Customer') } }],
    ['record', ref('Customer')],
  ] as Array<[string, SchemaObject]>)('finds the item of a %s response', (envelope, body) => {
    const found = responseItem(doc, returning(body));
    expect(found?.envelope).toBe(envelope);
    expect(Object.keys(found?.item.schema.properties ?? {})).toEqual(['createdOn', 'id', 'balance']);
    expect(found?.item.within).toEqual(['#/components/schemas/Customer']);
  });

  it('has no item without a 200 response schema, and a property-less one for binary bodies', () => {
    expect(responseItem(doc, { responses: { '200': {} } })).toBeUndefined();
    const file = { type: 'string', format: 'binary' };
    const binary = responseItem(doc, { responses: { '200': { content: { 'application/octet-stream': { schema: file } } } } });
    expect(binary).toMatchObject({ envelope: 'record', item: { schema: { type: 'string', format: 'binary' } } });
  });

  it('reads the documented maximum from the schema or the description', () => {
    expect(documentedMaximum({ name: 'pageSize', in: 'query', schema: { type: 'integer', maximum: 500 } })).toBe(500);
    expect(documentedMaximum({ name: 'pageSize', in: 'query', description: 'How many. Maximum value is 200.' })).toBe(200);
    expect(documentedMaximum({ name: 'pageSize', in: 'query', description: 'How many.' })).toBeUndefined();
  });
});

describe('spec reader: documents', () => {
  it('reads a folder in file-name order and locates its GET operations', () => {
    const dir = join(scratch, 'docs');
    mkdirSync(dir, { recursive: true });
    const get = returning({ type: 'string' });
    const write = (file: string, server: string, paths: object): void =>
      writeFileSync(join(dir, file), JSON.stringify({ servers: [{ url: `https://api.servicetitan.io/${server}` }], paths }));
    write('telecom.json', 'telecom', { '/v3/tenant/{tenant}/calls': { get } });
    write('crm-v2.json', 'crm/v2', { '/tenant/{tenant}/customers': { get, post: {} } });
    writeFileSync(join(dir, 'notes.txt'), 'not a document');
    const specs = readSpecs(dir);
    expect(specs.map((s) => s.file)).toEqual(['crm-v2.json', 'telecom.json']);
    expect(specs.flatMap(getOperations).map((o) => o.location)).toEqual([
      { module: 'crm', version: 'v2', path: 'customers' },
      { module: 'telecom', version: 'v3', path: 'calls' },
    ]);
    expect(() => readSpecs(join(scratch))).toThrow(/no OpenAPI documents/);
  });
});

describe('record shapes', () => {
  it('writes the DSL, cutting recursion with any', () => {
    expect(recordShape(doc, resolveSchema(doc, ref('Customer')))).toBe('{createdOn:dt,id:int,balance:str}');
    expect(recordShape(doc, resolveSchema(doc, ref('Node')))).toBe('{name:str,children:[any]?}');
  });

  it('generate-record-shapes reproduces the committed sandbox/shapes/data byte for byte', () => {
    const out = join(scratch, 'shapes');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'stale-module.ts'), '// no longer produced\n');
    const args = ['scripts/generate-record-shapes.ts', '--out', out];
    const stdout = execFileSync(tsx, args, { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' });
    expect(stdout).toMatch(/wrote 279 endpoint shapes \(\{"export":53,"list":162,"id":64\}\) in 24 modules/);
    const committed = readdirSync(shapesDir).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      const expected = readFileSync(join(shapesDir, file), 'utf8');
      expect(readFileSync(join(out, file), 'utf8'), `${file} is stale: run npm run generate:shapes`).toBe(expected);
    }
  });
});
