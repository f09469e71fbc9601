/** `atlas grant <role>`: read access to the marts schema (typed views and marts) and nothing else. */
import type { Command } from 'commander';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { grantReader } from '../../models/index.js';
import { action, loadCliConfig, loggerFor, type CliIo } from '../context.js';

export function registerGrantCommand(program: Command, io: CliIo): void {
  program
    .command('grant <role>')
    .description('let an existing Postgres role read the marts schema (typed views and marts) and nothing else; kept across rebuilds')
    .action(
      action(async (role: string, _flags: unknown, command: Command) => {
        const config = await loadCliConfig(command, {}, false);
        const warehouse = await openConfiguredWarehouse(config.database, loggerFor(config, command), 2);
        try {
          await grantReader(warehouse.pool, { staging: config.schema, marts: config.martsSchema }, role);
          io.stdout(`role "${role}" can read schema "${config.martsSchema}" (and nothing in "${config.schema}")`);
        } finally {
          await warehouse.close();
        }
      }),
    );
}
