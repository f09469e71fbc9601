/** `atlas get <endpoint>`: one GET through the client, printed as JSON (the seed's Titanpy.Get). */
import type { Command } from 'commander';
import { getEndpoint } from '../../catalog/index.js';
import { ServiceTitanClient } from '../../client/index.js';
import { AtlasError } from '../../errors.js';
import { collect, type CliContext } from '../context.js';

interface GetFlags {
  id?: string[];
  category?: string;
  group?: string;
  query: string[];
  url?: string;
  tenant?: string;
}

function parseQuery(pairs: string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const query: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new AtlasError('ENDPOINT_ARGUMENT', `--query "${pair}" is not key=value, e.g. --query pageSize=50`);
    query[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return query;
}

export function registerGetCommand(program: Command, context: CliContext): void {
  program
    .command('get')
    .description('GET one ServiceTitan endpoint and print the JSON (catalog name, seed name, or --url)')
    .argument('[endpoint]', 'catalog name (crm/export/customers) or seed name (export/customers)')
    .option('--id <id...>', 'id(s) for the path placeholders, in order')
    .option('--category <category>', 'report category for reporting endpoints')
    .option('--group <group>', 'seed endpoint group (crm, accounting, …) to disambiguate a short name')
    .option('--query <key=value>', 'query parameter; repeatable; replaces the default query', collect, [])
    .option('--url <url>', 'a full URL or a path under the API URL, bypassing the catalog')
    .option('--tenant <name>', 'tenant to call (default: the first configured)')
    .action(
      context.action(async (endpoint: string | undefined, options: GetFlags) => {
        if (!endpoint && !options.url)
          throw new AtlasError('ENDPOINT_ARGUMENT', 'name an endpoint (e.g. atlas get crm/export/customers) or pass --url');
        const config = await context.loadConfig({ tenant: options.tenant ? [options.tenant] : undefined });
        const client = new ServiceTitanClient({ tenant: config.tenants[0], logger: context.logger(config) });
        const body = await getEndpoint(client, endpoint, {
          id: options.id && options.id.length === 1 ? options.id[0] : options.id,
          category: options.category,
          group: options.group,
          query: parseQuery(options.query),
          url: options.url,
        });
        context.io.stdout(JSON.stringify(body, null, 2));
      }),
    );
}
