/** Lookup of the generated endpoint shapes by catalog name. */
import { allShapes } from './data/index.js';
import type { EndpointShape } from './types.js';
import { parseObjectShape, type ObjectShape } from './parse.js';

export type { EndpointShape } from './types.js';
export { parseShape, parseObjectShape, fieldNames, type Shape, type ObjectShape } from './parse.js';

const byName = new Map<string, EndpointShape>(allShapes.map((s) => [s.name, s]));

export function endpointShapes(): readonly EndpointShape[] {
  return allShapes;
}

export function endpointShape(name: string): EndpointShape {
  const shape = byName.get(name);
  if (!shape) throw new Error(`no shape for endpoint ${name}`);
  return shape;
}

/** Whether an endpoint's items are objects (a few reporting lists send positional arrays). */
export function hasObjectItems(name: string): boolean {
  const item = byName.get(name)?.item;
  return item?.startsWith('{') ?? false;
}

/** The parsed item shape of an export or list endpoint. */
export function itemShape(name: string): ObjectShape {
  const shape = endpointShape(name);
  if (!shape.item) throw new Error(`endpoint ${name} has no item shape`);
  return parseObjectShape(shape.item);
}
