/**
 * Which staging tables a build or sync changed: those of endpoints that inserted, updated or marked
 * deleted at least one row. Models reading none of them (and no changed `_tenants`) stay as built.
 */
import { extractedEndpoints } from '../catalog/index.js';
import type { ModelChanges } from './build-models.js';

interface EndpointFigures {
  endpoint: string;
  inserted: number;
  updated: number;
  deleted: number;
}

export function changesOfRun(tenants: Array<{ status: string; endpoints?: EndpointFigures[] }>): ModelChanges {
  const tableOf = new Map(extractedEndpoints({ includeOptIn: true }).map((d) => [d.name, d.extract!.table]));
  const stagingTables = new Set<string>();
  for (const tenant of tenants) {
    for (const outcome of tenant.endpoints ?? []) {
      const table = tableOf.get(outcome.endpoint);
      if (table && outcome.inserted + outcome.updated + outcome.deleted > 0) stagingTables.add(table);
    }
  }
  return { stagingTables };
}
