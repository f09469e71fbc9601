/**
 * Creates every table: the modelled ones (names.ts) and one generic table per export or list
 * endpoint that is neither modelled nor an alias of a modelled table (aliases.ts).
 */
import { endpointShapes, itemShape, fieldNames, hasObjectItems } from '../shapes/index.js';
import { ROW_KEY, type World } from '../gen/world.js';
import { Table, type Rec } from './table.js';
import { ALIASES } from './aliases.js';
import { T } from './names.js';

const COMPOSITE_KEYS: Record<string, (rec: Rec) => string> = {
  [T.technicianRatings]: (r) => `${r.technicianId}:${r.jobId}`,
  // One row per job; with partial histories (SandboxOptions.jobHistory) one per change, under a hidden key.
  [T.jobHistory]: (r) => {
    const hidden = (r as Record<symbol, unknown>)[ROW_KEY];
    return typeof hidden === 'string' ? hidden : String(r.jobId);
  },
  [T.payrollSettings]: (r) => `${r.employeeType}:${r.employeeId}`,
};

function keyFunction(name: string, fields: string[]): (rec: Rec) => string {
  const composite = COMPOSITE_KEYS[name];
  if (composite) return composite;
  if (fields.includes('id')) {
    return (r) => {
      const hidden = (r as Record<symbol, unknown>)[ROW_KEY];
      return typeof hidden === 'string' ? hidden : String(r.id);
    };
  }
  return (r) => String((r as Record<symbol, unknown>)[ROW_KEY]);
}

function defineTable(world: World, name: string): void {
  const fields = fieldNames(itemShape(name));
  world.defineTable(new Table({ name, key: keyFunction(name, fields), hasActive: fields.includes('active') }));
}

/** Names of the generic tables (served by secondary.ts generation). */
export function createTables(world: World): string[] {
  const modelled = new Set<string>(Object.values(T));
  for (const name of modelled) defineTable(world, name);
  const generic: string[] = [];
  for (const shape of endpointShapes()) {
    if (shape.kind === 'id' || modelled.has(shape.name) || ALIASES[shape.name] || !hasObjectItems(shape.name)) continue;
    defineTable(world, shape.name);
    generic.push(shape.name);
  }
  return generic;
}
