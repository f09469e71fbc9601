/**
 * `atlas get <endpoint>`: one GET through the client, printed as JSON (the seed's Titanpy.Get);
 * with `--all`, every page of a list or export streamed as newline-delimited JSON records.
 */
import type { Command } from 'commander';
import { getEndpoint, resolveGetTarget } from '../../catalog/index.js';
import { ServiceTitanClient } from '../../client/index.js';
import { AtlasError } from '../../errors.js';
import { recordPages } from '../../extract/record-pages.js';
import { collect, type CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';
import { fileRecordOutput, stdoutRecordOutput, type RecordOutput } from '../record-output.js';

interface GetFlags {
  id?: string[];
  category?: string;
  group?: string;
  query: string[];
  url?: string;
  tenant?: string;
  all?: boolean;
  limit?: number;
  output?: string;
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

/** Writes every record of every page, one JSON line each, stopping after `limit` records or when nobody reads. */
async function streamRecords(pages: AsyncGenerator<unknown[]>, output: RecordOutput, limit: number): Promise<void> {
  let written = 0;
  for await (const records of pages) {
    for (const record of records) {
      if (written >= limit || output.stopped.aborted) return;
      await output.write(`${JSON.stringify(record)}\n`);
      written += 1;
    }
    if (written >= limit || output.stopped.aborted) return;
  }
}

export function registerGetCommand(program: Command, context: CliContext): void {
  program
    .command('get')
    .description('GET one ServiceTitan endpoint and print the JSON (catalog name, seed name, or --url); --all streams every record')
    .argument('[endpoint]', 'catalog name (crm/export/customers) or seed name (export/customers)')
    .option('--id <id...>', 'id(s) for the path placeholders, in order')
    .option('--category <category>', 'report category for reporting endpoints')
    .option('--group <group>', 'seed endpoint group (crm, accounting, …) to disambiguate a short name')
    .option('--query <key=value>', 'query parameter; repeatable; replaces the default query', collect, [])
    .option('--url <url>', 'a full URL or a path under the API URL, bypassing the catalog')
    .option('--tenant <name>', 'tenant to call (default: the first configured)')
    .option('--all', 'every page of a list or export (continueFrom / page), one JSON record per line')
    .option('--limit <n>', 'with --all: stop after N records', numberFlag('limit', { integer: true, min: 1 }))
    .option('--output <file>', 'write to FILE instead of standard output')
    .action(
      context.action(async (endpoint: string | undefined, options: GetFlags) => {
        if (!endpoint && !options.url)
          throw new AtlasError('ENDPOINT_ARGUMENT', 'name an endpoint (e.g. atlas get crm/export/customers) or pass --url');
        if (options.limit !== undefined && !options.all)
          throw new AtlasError('ENDPOINT_ARGUMENT', '--limit needs --all (it counts records across pages)');
        const config = await context.loadConfig({ tenant: options.tenant ? [options.tenant] : undefined });
        const client = new ServiceTitanClient({ tenant: config.tenants[0], logger: context.logger(config) });
        const getOptions = {
          id: options.id && options.id.length === 1 ? options.id[0] : options.id,
          category: options.category,
          group: options.group,
          query: parseQuery(options.query),
          url: options.url,
        };
        // Arguments are checked before the output file is created or truncated.
        const target = resolveGetTarget(endpoint, getOptions, { apiUrl: client.apiUrl, tenantId: client.tenantId });
        const output = options.output ? await fileRecordOutput(options.output) : stdoutRecordOutput();
        if (options.all) {
          const limit = options.limit ?? Number.POSITIVE_INFINITY;
          // A reader gone mid-request aborts that request: the end the reader chose, not an error.
          await streamRecords(recordPages(client, target, output.stopped), output, limit).catch((error: unknown) => {
            if (!output.stopped.aborted) throw error;
          });
        } else {
          await output.write(`${JSON.stringify(await getEndpoint(client, endpoint, getOptions), null, 2)}\n`);
        }
        await output.close();
      }),
    );
}
