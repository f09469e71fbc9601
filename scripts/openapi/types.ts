/**
 * The slice of an OpenAPI 3.1 document the spec reader reads. ServiceTitan's documents only use local
 * refs (`#/components/schemas/…`, `#/components/parameters/…`); ./resolve.ts treats anything else as
 * an error, not something to guess around.
 */
export interface SchemaObject {
  $ref?: string;
  /** One type name, or several (`['integer', 'null']` is how the documents mark a nullable integer). */
  type?: string | string[];
  /** `date-time`, `date`, `duration`, `decimal`, `int64`, `html`, …: kept as written. */
  format?: string;
  enum?: unknown[];
  /** OpenAPI 3.0 style nullability, still found in a few places. */
  nullable?: boolean;
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
  paths: Record<string, { get?: OperationObject; post?: OperationObject; parameters?: ParameterObject[] }>;
  components?: { schemas?: Record<string, SchemaObject>; parameters?: Record<string, ParameterObject> };
}
