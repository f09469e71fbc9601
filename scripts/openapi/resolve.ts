/**
 * Schema resolution: `$ref` followed, `allOf` merged, `oneOf`/`anyOf` reduced to their first
 * non-null member, and every way the documents spell "may be null" (`type: [T, 'null']`, a
 * `{ type: 'null' }` member, `nullable: true`) turned into one flag. What is left is a concrete
 * schema: no `$ref`, no combinator, at most one type name, `format` and `enum` as written.
 */
import type { OpenApiDocument, SchemaObject } from './types.js';

/** A schema with references and combinators resolved away; `type` is one name (absent: untyped). */
export type ConcreteSchema = Omit<SchemaObject, '$ref' | 'type' | 'allOf' | 'oneOf' | 'anyOf'> & { type?: string };

export interface ResolvedSchema {
  schema: ConcreteSchema;
  /** A value may be null. */
  nullable: boolean;
  /** The last `$ref` followed (`#/components/schemas/…`): the named schema this is; undefined when inline. */
  ref?: string;
  /** Named schemas from the root of the walk down to this one, itself included unless `recursive`. */
  within: readonly string[];
  /**
   * This is one of the named schemas enclosing it (`ref` is in the parent's `within`): a recursive
   * schema. A walk that descends into properties and items must stop here or it never ends.
   */
  recursive: boolean;
}

/**
 * Resolves `schema` (undefined reads as `{}`, an untyped schema). Pass the resolved schema it sits in
 * (the object of a property, the array of `items`) as `parent` to detect recursion; without a parent
 * the schema is the root of a walk.
 */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject | undefined, parent?: ResolvedSchema): ResolvedSchema {
  const { schema: concrete, nullable, ref } = unwrap(doc, schema ?? {}, []);
  const enclosing = parent?.within ?? [];
  const recursive = ref !== undefined && enclosing.includes(ref);
  const within = ref !== undefined && !recursive ? [...enclosing, ref] : enclosing;
  return { schema: concrete, nullable, ref, within, recursive };
}

/** Resolves a local `#/components/schemas/…` or `#/components/parameters/…` reference; throws on any other. */
export function lookup<T>(doc: OpenApiDocument, ref: string): T {
  const match = /^#\/components\/(schemas|parameters)\/(.+)$/.exec(ref);
  const found = match ? (doc.components?.[match[1] as 'schemas' | 'parameters']?.[match[2]] as T | undefined) : undefined;
  if (found === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return found;
}

interface Unwrapped {
  schema: ConcreteSchema;
  nullable: boolean;
  ref?: string;
}

/** `merging`: refs of the `allOf` parts being merged around this call, so a self-including `allOf` fails instead of looping. */
function unwrap(doc: OpenApiDocument, schema: SchemaObject, merging: readonly string[]): Unwrapped {
  let current = schema;
  let nullable = false;
  let ref: string | undefined;
  const followed: string[] = [];
  for (;;) {
    if (current.nullable === true) nullable = true;
    if (current.$ref) {
      if (followed.includes(current.$ref) || merging.includes(current.$ref)) throw new Error(`cyclic $ref ${current.$ref}`);
      followed.push(current.$ref);
      ref = current.$ref;
      current = lookup<SchemaObject>(doc, current.$ref);
      continue;
    }
    const combinator = current.oneOf ? 'oneOf' : current.anyOf ? 'anyOf' : current.allOf ? 'allOf' : undefined;
    const members = combinator ? current[combinator] : undefined;
    if (!Array.isArray(members)) break;
    const real = members.filter((member) => member.type !== 'null');
    if (real.length < members.length) nullable = true;
    if (real.length === 0) return { schema: { type: 'null' }, nullable: true, ref };
    // Several `allOf` parts describe one object together; of several `oneOf`/`anyOf` alternatives the first stands for all.
    current = combinator === 'allOf' && real.length > 1 ? mergeAllOf(doc, real, [...merging, ...followed]) : real[0];
  }
  if (current.type === 'null') nullable = true;
  if (!Array.isArray(current.type)) return { schema: current as ConcreteSchema, nullable, ref };
  if (current.type.includes('null')) nullable = true;
  return { schema: { ...current, type: current.type.find((name) => name !== 'null') }, nullable, ref };
}

/** One object with the properties and required fields of all parts (later parts win on a shared property name). */
function mergeAllOf(doc: OpenApiDocument, parts: SchemaObject[], merging: readonly string[]): SchemaObject {
  const merged = { type: 'object', properties: {} as Record<string, SchemaObject>, required: [] as string[] };
  for (const part of parts) {
    const { schema } = unwrap(doc, part, merging);
    Object.assign(merged.properties, schema.properties ?? {});
    merged.required.push(...(schema.required ?? []));
  }
  return merged;
}
