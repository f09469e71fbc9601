/**
 * Decodes a Titanpy-style short name (scheme in ./seed-names.ts) into path shapes and finds the
 * catalog endpoints that have one. A shape is a list of segments where `{}` stands for any
 * placeholder and `*` for any literal segment (a category prefix such as `report-category`).
 * Shapes come in priority order — the name as written first, then each dash read as the id's
 * position (or, for list names, as a slash), left to right — and the first shape that matches
 * anything wins, so `job-types/` is `job-types/{id}` and never `job/{id}/types`.
 */
import type { EndpointDescriptor } from './types.js';

const ANY_PLACEHOLDER = '{}';
const ANY_LITERAL = '*';

export function seedShapes(name: string): string[][] {
  let core = name.trim().replace(/_/g, '-');
  const category = core.startsWith('/');
  core = core.replace(/^\/+/, '');
  const trailingSlashes = core.length - core.replace(/\/+$/, '').length;
  core = core.replace(/\/+$/, '');
  if (!core) return [];
  // One trailing slash: by id. Two: Titanpy sent the ids as `?ids=`, so the path has no placeholder.
  const byId = trailingSlashes === 1;
  const shapes: string[][] = [byId ? [...core.split('/'), ANY_PLACEHOLDER] : core.split('/')];
  if (!core.includes('/')) {
    for (let i = core.indexOf('-'); i > 0; i = core.indexOf('-', i + 1)) {
      const left = core.slice(0, i);
      const right = core.slice(i + 1);
      shapes.push(byId ? [left, ANY_PLACEHOLDER, right] : [left, right]);
    }
  }
  return category ? shapes.map((shape) => [ANY_LITERAL, ANY_PLACEHOLDER, ...shape]) : shapes;
}

/** The shape of a catalog path: placeholders become `{}`. */
function shapeOf(path: string): string[] {
  return path.split('/').map((segment) => (/^\{.*\}$/.test(segment) ? ANY_PLACEHOLDER : segment));
}

function matches(pattern: string[], shape: string[]): boolean {
  return pattern.length === shape.length && pattern.every((p, i) => p === shape[i] || (p === ANY_LITERAL && shape[i] !== ANY_PLACEHOLDER));
}

/** The endpoints among `candidates` having the first shape of `name` that matches any of them. */
export function decodeSeedName(name: string, candidates: readonly EndpointDescriptor[]): EndpointDescriptor[] {
  for (const pattern of seedShapes(name)) {
    const found = candidates.filter((d) => matches(pattern, shapeOf(d.path)));
    if (found.length > 0) return found;
  }
  return [];
}
