/** The `atlas` program: global flags, one CliContext, every command. Each command lives in its own file under ./commands. */
import { Command } from 'commander';
import { registerBuildCommands } from './commands/build-sync.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDocsCommand } from './commands/docs.js';
import { registerEndpointsCommand } from './commands/endpoints.js';
import { registerGetCommand } from './commands/get.js';
import { registerGrantCommand } from './commands/grant.js';
import { registerModelsCommand } from './commands/models.js';
import { registerReportsCommand } from './commands/reports.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerStatusCommand } from './commands/status.js';
import { registerWorkerCommand } from './commands/worker.js';
import { addGlobalOptions, createCliContext, processIo, type CliIo } from './context.js';

export function createProgram(io: CliIo = processIo): Command {
  const program = addGlobalOptions(
    new Command('atlas')
      .description('ServiceTitan → Postgres 15 warehouse: extract every export feed, keep it current, query it.')
      .version('0.1.0'),
  ).showHelpAfterError();
  const context = createCliContext(program, io);
  registerDemoCommand(program, context);
  registerBuildCommands(program, context);
  registerStatusCommand(program, context);
  registerGetCommand(program, context);
  registerEndpointsCommand(program, context);
  registerModelsCommand(program, context);
  registerGrantCommand(program, context);
  registerSandboxCommand(program, context);
  registerDocsCommand(program, context);
  registerReportsCommand(program, context);
  registerWorkerCommand(program, context);
  return program;
}
