/**
 * Writes a resolved item schema in the record-shape DSL that sandbox/shapes/parse.ts reads back:
 *
 *   int | num | str | html | bool | dt | date | dur | any | enum(A|B) | ienum(0|1)
 *   {field:T,field:T}   object        [T]   array        T?   nullable
 *
 * Recursive schemas are cut at the first repetition with `any`. Field names must be plain
 * identifiers and enum values plain words, so the DSL needs no quoting; anything else throws.
 */
import { resolveSchema, type OpenApiDocument, type ResolvedSchema } from '../openapi/spec-reader.js';

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const enumValue = /^[A-Za-z0-9_ .\-/]+$/;

/** String formats with a DSL type of their own; other formats (and none) are `str`. */
const stringFormats: ReadonlyMap<string | undefined, string> = new Map([
  ['date-time', 'dt'],
  ['date', 'date'],
  ['duration', 'dur'],
  ['html', 'html'],
]);

export function recordShape(doc: OpenApiDocument, resolved: ResolvedSchema): string {
  const { schema, nullable } = resolved;
  const q = nullable ? '?' : '';
  if (resolved.recursive) return 'any' + q;
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v) => v !== null).map(String);
    for (const v of values) if (!enumValue.test(v)) throw new Error(`odd enum value ${JSON.stringify(v)}`);
    const integer = schema.type === 'integer' || schema.enum.every((v) => typeof v === 'number');
    return `${integer ? 'ienum' : 'enum'}(${values.join('|')})${q}`;
  }
  switch (schema.type) {
    case 'integer':
      return 'int' + q;
    case 'number':
      return 'num' + q;
    case 'boolean':
      return 'bool' + q;
    case 'string':
      return (stringFormats.get(schema.format) ?? 'str') + q;
    case 'array':
      return `[${recordShape(doc, resolveSchema(doc, schema.items, resolved))}]${q}`;
    case 'object':
    case undefined: {
      const properties = schema.properties ?? {};
      const names = Object.keys(properties);
      if (names.length === 0) return 'any' + q;
      const fields = names.map((name) => {
        if (!identifier.test(name)) throw new Error(`odd field name ${name}`);
        return `${name}:${recordShape(doc, resolveSchema(doc, properties[name], resolved))}`;
      });
      return `{${fields.join(',')}}${q}`;
    }
    case 'null':
      return 'any?';
    default:
      return 'any' + q;
  }
}
