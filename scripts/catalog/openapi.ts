/**
 * The slice of an OpenAPI 3.1 document the catalog generator reads, and `$ref` resolution over it.
 * ServiceTitan's documents only use local refs (`#/components/schemas/…`, `#/components/parameters/…`);
 * anything else is a generator error, not something to guess around.
 */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  maximum?: number;
  description?: string;
}

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  description?: string;
  schema?: SchemaObject;
}

export interface OperationObject {
  summary?: string;
  description?: string;
  parameters?: ParameterObject[];
  responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
}

export interface OpenApiDocument {
  servers?: Array<{ url: string }>;
  paths: Record<string, { get?: OperationObject; parameters?: ParameterObject[] }>;
  components?: { schemas?: Record<string, SchemaObject>; parameters?: Record<string, ParameterObject> };
}

function lookup<T>(doc: OpenApiDocument, ref: string): T {
  const match = /^#\/components\/(schemas|parameters)\/(.+)$/.exec(ref);
  const found = match ? (doc.components?.[match[1] as 'schemas' | 'parameters']?.[match[2]] as T | undefined) : undefined;
  if (found === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return found;
}

/** Follows `$ref` chains (and single-member `allOf`/`oneOf` wrappers around one ref) to a concrete schema. */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | undefined {
  let current = schema;
  for (let hops = 0; current !== undefined && hops < 32; hops++) {
    if (current.$ref) {
      current = lookup<SchemaObject>(doc, current.$ref);
      continue;
    }
    // `{ oneOf: [{ $ref }, { type: 'null' }] }` and `{ allOf: [{ $ref }] }` are how the documents mark a
    // nullable or annotated reference; the referenced schema is the meaningful one.
    const members = (current.allOf ?? current.oneOf ?? current.anyOf ?? []).filter((m) => !isNullOnly(m));
    if (!current.properties && !current.type && members.length === 1) {
      current = members[0];
      continue;
    }
    return current;
  }
  if (current !== undefined) throw new Error('$ref chain too deep');
  return undefined;
}

/** Resolves a parameter that may itself be a `$ref`. */
export function resolveParameter(doc: OpenApiDocument, parameter: ParameterObject): ParameterObject {
  return parameter.$ref ? lookup<ParameterObject>(doc, parameter.$ref) : parameter;
}

function isNullOnly(schema: SchemaObject): boolean {
  return schema.type === 'null';
}

/** True when the schema's type is (or includes) `name`, e.g. `['integer', 'null']` has `integer`. */
export function hasType(schema: SchemaObject | undefined, name: string): boolean {
  if (!schema?.type) return false;
  return Array.isArray(schema.type) ? schema.type.includes(name) : schema.type === name;
}
