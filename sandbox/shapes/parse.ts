/**
 * Parser for the record-shape DSL written by scripts/generate-record-shapes.ts:
 *   int | num | str | html | bool | dt | date | dur | any | enum(A|B) | ienum(0|1)
 *   {field:T,…}  [T]  and a `?` suffix for nullable.
 */

export type ScalarKind = 'int' | 'num' | 'str' | 'html' | 'bool' | 'dt' | 'date' | 'dur' | 'any';

export type Shape =
  | { kind: ScalarKind; nullable: boolean }
  | { kind: 'enum'; values: string[]; integer: boolean; nullable: boolean }
  | { kind: 'object'; fields: Array<[string, Shape]>; nullable: boolean }
  | { kind: 'array'; of: Shape; nullable: boolean };

export type ObjectShape = Extract<Shape, { kind: 'object' }>;

const scalars = new Set<string>(['int', 'num', 'str', 'html', 'bool', 'dt', 'date', 'dur', 'any']);
const cache = new Map<string, Shape>();

export function parseShape(text: string): Shape {
  const hit = cache.get(text);
  if (hit) return hit;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`shape DSL: ${what} at ${i} in ${text.slice(Math.max(0, i - 20), i + 20)}`);
  };
  const word = (): string => {
    const start = i;
    while (i < text.length && /[A-Za-z0-9_$]/.test(text[i])) i++;
    if (start === i) fail('expected a word');
    return text.slice(start, i);
  };
  const nullable = (): boolean => {
    if (text[i] === '?') {
      i++;
      return true;
    }
    return false;
  };
  const value = (): Shape => {
    if (text[i] === '{') {
      i++;
      const fields: Array<[string, Shape]> = [];
      while (text[i] !== '}') {
        const name = word();
        if (text[i++] !== ':') fail('expected :');
        fields.push([name, value()]);
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('expected , or }');
      }
      i++;
      return { kind: 'object', fields, nullable: nullable() };
    }
    if (text[i] === '[') {
      i++;
      const of = value();
      if (text[i++] !== ']') fail('expected ]');
      return { kind: 'array', of, nullable: nullable() };
    }
    const w = word();
    if (w === 'enum' || w === 'ienum') {
      if (text[i++] !== '(') fail('expected (');
      const end = text.indexOf(')', i);
      if (end < 0) fail('unclosed enum');
      const values = text
        .slice(i, end)
        .split('|')
        .filter((v) => v.length > 0);
      i = end + 1;
      return { kind: 'enum', values, integer: w === 'ienum', nullable: nullable() };
    }
    if (!scalars.has(w)) fail(`unknown type ${w}`);
    return { kind: w as ScalarKind, nullable: nullable() };
  };
  const shape = value();
  if (i !== text.length) fail('trailing text');
  cache.set(text, shape);
  return shape;
}

/** The object shape of an endpoint item (throws if the item is not an object). */
export function parseObjectShape(text: string): ObjectShape {
  const shape = parseShape(text);
  if (shape.kind !== 'object') throw new Error(`shape is not an object: ${text.slice(0, 40)}`);
  return shape;
}

/** Field names of an object shape, in order. */
export function fieldNames(shape: ObjectShape): string[] {
  return shape.fields.map(([name]) => name);
}
