/**
 * `atlas endpoints [--kind K] [--extracted]` (and the global `--json`): lists the endpoint catalog. Thin: flags map
 * to a ListingFilter; rows and formatting come from src/catalog/listing.ts. Tables are qualified with the staging
 * schema a build would use (`--schema`, ATLAS_SCHEMA, the config file), which needs no tenants or credentials.
 */
import { Option, type Command } from 'commander';
import { catalogListing, formatListing } from '../../catalog/listing.js';
import type { EndpointKind } from '../../catalog/types.js';
import type { CliContext } from '../context.js';

interface EndpointsFlags {
  kind?: EndpointKind;
  extracted?: boolean;
}

export function registerEndpointsCommand(program: Command, context: CliContext): Command {
  return program
    .command('endpoints')
    .description('list the ServiceTitan endpoints Atlas knows, with their keys and what a build extracts')
    .addOption(new Option('--kind <kind>', 'only endpoints of this kind').choices(['export', 'list', 'id']))
    .option('--extracted', 'only endpoints a default build extracts')
    .action(
      context.action(async (flags: EndpointsFlags) => {
        const schema = await context.loadStagingSchema();
        const rows = catalogListing(schema, { kind: flags.kind, extractedOnly: flags.extracted === true });
        context.io.stdout(context.options().json ? JSON.stringify(rows, null, 2) + '\n' : formatListing(rows));
      }),
    );
}
