/**
 * `atlas reports list [--category C] [--tenant T]` (and the global `--json`): the tenant's report
 * categories and reports with their parameters, read from the Reporting API.
 */
import type { Command } from 'commander';
import { ServiceTitanClient } from '../../client/index.js';
import { formatReportListing, reportListing } from '../../reports/report-listing.js';
import type { CliContext } from '../context.js';

interface ReportsListFlags {
  category?: string;
  tenant?: string;
}

export function registerReportsCommand(program: Command, context: CliContext): Command {
  const reports = program.command('reports').description('ServiceTitan reports (the Reporting API)');
  reports
    .command('list')
    .description('list report categories and reports with their parameters, to write the `reports` config')
    .option('--category <id>', 'only this report category')
    .option('--tenant <name>', 'tenant to ask (default: the first configured)')
    .action(
      context.action(async (flags: ReportsListFlags) => {
        const config = await context.loadConfig({ tenant: flags.tenant ? [flags.tenant] : undefined });
        const client = new ServiceTitanClient({ tenant: config.tenants[0], logger: context.logger(config) });
        const listed = await reportListing(client, flags.category);
        context.io.stdout(context.options().json ? JSON.stringify(listed, null, 2) + '\n' : formatReportListing(listed));
      }),
    );
  return reports;
}
