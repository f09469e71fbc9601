/** `atlas grant <role>`: read access to the marts schema (typed views and marts) and nothing else. */
import type { Command } from 'commander';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { grantReader } from '../../models/index.js';
import type { CliContext } from '../context.js';

export function registerGrantCommand(program: Command, context: CliContext): void {
  program
    .command('grant <role>')
    .description('let an existing Postgres role read the marts schema (typed views and marts) and nothing else; kept across rebuilds')
    .action(
      context.action(async (role: string) => {
        const config = await context.loadConfig({}, { requireTenants: false });
        const warehouse = await openConfiguredWarehouse(config.database, context.logger(config), 2);
        try {
          await grantReader(warehouse.pool, { staging: config.schema, marts: config.martsSchema }, role);
          context.io.stdout(`role "${role}" can read schema "${config.martsSchema}" (and nothing in "${config.schema}")`);
        } finally {
          await warehouse.close();
        }
      }),
    );
}
