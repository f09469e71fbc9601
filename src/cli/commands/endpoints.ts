/**
 * `atlas endpoints [--kind K] [--extracted]` (and the global `--json`): lists the endpoint catalog. Thin: flags map
 * to a ListingFilter; rows and formatting come from src/catalog/listing.ts.
 */
import { Option, type Command } from 'commander';
import { catalogListing, formatListing } from '../../catalog/listing.js';
import type { EndpointKind } from '../../catalog/types.js';

export interface EndpointsCommandContext {
  stdout: (s: string) => void;
  /** Staging schema for the `table` column; 'atlas' when not given. */
  schema?: () => string;
}

interface EndpointsFlags {
  json?: boolean;
  kind?: EndpointKind;
  extracted?: boolean;
}

export function registerEndpointsCommand(program: Command, context: EndpointsCommandContext): Command {
  return program
    .command('endpoints')
    .description('list the ServiceTitan endpoints Atlas knows, with their keys and what a build extracts')
    .addOption(new Option('--kind <kind>', 'only endpoints of this kind').choices(['export', 'list', 'id']))
    .option('--extracted', 'only endpoints a default build extracts')
    .action((flags: EndpointsFlags, command: Command) => {
      // `--json` is the program's global flag (machine-readable output for every command).
      const json = Boolean(command.optsWithGlobals<EndpointsFlags>().json);
      const rows = catalogListing(context.schema?.() ?? 'atlas', { kind: flags.kind, extractedOnly: flags.extracted === true });
      context.stdout(json ? JSON.stringify(rows, null, 2) + '\n' : formatListing(rows));
    });
}
