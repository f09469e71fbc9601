/**
 * A warehouse made ready the way a build starts (migrations, then every default staging table),
 * so a test can set a fault on a staging table before the first `atlas build` runs.
 */
import { findEndpoint } from '../../src/catalog/index.js';
import type { Warehouse } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { ensureStagingTables } from '../../src/load/staging-table.js';
import { stagingTargetFor } from '../../src/load/staging-target.js';
import { defaultEndpoints } from './harness.js';

export async function prepareStaging(warehouse: Warehouse, schema = 'atlas', martsSchema = 'atlas_marts'): Promise<void> {
  await migrate(warehouse.knex, schema, martsSchema);
  await ensureStagingTables(
    warehouse.pool,
    defaultEndpoints().map((name) => stagingTargetFor(findEndpoint(name)!, schema)),
  );
}

/** The staging table (schema-qualified, quoted) of `endpoint`. */
export function stagingTableOf(endpoint: string, schema = 'atlas'): string {
  return `"${schema}"."${stagingTargetFor(findEndpoint(endpoint)!, schema).table}"`;
}
