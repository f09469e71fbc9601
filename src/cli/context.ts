/**
 * What every command is given: one CliContext, built once per program by `createCliContext` and
 * passed to every `registerXCommand`. It holds the output streams, the global flags, config
 * loading with those flags on top, the logger, and the one place errors become messages and exit
 * codes. Only the CLI layer touches `process.exit`, `process.exitCode` and the console.
 */
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, exposedFileWarnings, loadConfig, loadStagingSchema, type ConfigFlags } from '../config/index.js';
import type { AtlasConfig } from '../config/types.js';
import { asDatabaseFailure } from '../db/database-failure.js';
import { AtlasError, exitCodeFor } from '../errors.js';
import { createLogger, type Logger } from '../log/logger.js';
import { redactText } from '../log/redact.js';
import { writeOutput } from './process-output.js';

/** The program-wide flags (see `addGlobalOptions`), valid before or after the command name. */
export interface GlobalOptions {
  config?: string;
  stCredentials?: string;
  sqlCredentials?: string;
  json?: boolean;
  logLevel?: string;
  database?: string;
  schema?: string;
}

/** Where commands write; each call is one line (a missing final newline is added). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext {
  io: CliIo;
  /** The global flags as parsed; call it inside an action, not while registering. */
  options: () => GlobalOptions;
  /** The validated config (files, environment, global flags), with the command's own flags on top. */
  loadConfig: (flags?: ConfigFlags, requirement?: { requireTenants: boolean }) => Promise<AtlasConfig>;
  /** The staging schema alone, for commands that need no tenants, credentials or database. */
  loadStagingSchema: () => Promise<string>;
  /** The logger: level and format from the loaded config, else from the global flags. */
  logger: (config: Pick<AtlasConfig, 'log'> | null) => Logger;
  /** Wraps a command action so every failure is printed on `io.stderr` and sets the exit code. */
  action: <A extends unknown[]>(run: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;
}

/** The process's streams; nothing is written once a reader has gone (see process-output.ts). */
export const processIo: CliIo = {
  stdout: (text) => void writeOutput(process.stdout, text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => void writeOutput(process.stderr, text.endsWith('\n') ? text : text + '\n'),
};

/** Declares the global flags on the root program. */
export function addGlobalOptions(program: Command): Command {
  return program
    .option('--config <file>', 'config file (default ./atlas.config.json)')
    .option('--st-credentials <file>', 'ServiceTitan credentials file in the Titanpy format')
    .option('--sql-credentials <file>', 'SQL credentials file in the Titanpy format')
    .option('--database <url>', 'Postgres URL (overrides config and DATABASE_URL; default: embedded Postgres 15)')
    .option('--schema <name>', 'staging schema (default atlas)')
    .option('--json', 'machine-readable output and JSON log lines')
    .option('--log-level <level>', 'debug | info | warn | error');
}

/** The context for `program` (the root command carrying the global flags). */
export function createCliContext(program: Command, io: CliIo = processIo): CliContext {
  const options = (): GlobalOptions => program.opts<GlobalOptions>();
  return {
    io,
    options,
    loadConfig: (flags = {}, requirement = { requireTenants: true }) => {
      const global = options();
      const paths = [global.config ?? DEFAULT_CONFIG_FILE, global.stCredentials, global.sqlCredentials];
      return loadConfig({
        configPath: global.config,
        stCredentialsPath: global.stCredentials,
        sqlCredentialsPath: global.sqlCredentials,
        flags: {
          ...flags,
          database: global.database ?? flags.database,
          schema: global.schema ?? flags.schema,
          logLevel: global.logLevel ?? flags.logLevel,
          logFormat: global.json ? 'json' : flags.logFormat,
        },
        requireTenants: requirement.requireTenants,
      }).then(async (config) => {
        for (const warning of [...(config.warnings ?? []), ...(await exposedFileWarnings(paths))]) io.stderr(`atlas: warning: ${warning}`);
        return config;
      });
    },
    loadStagingSchema: () => {
      const global = options();
      return loadStagingSchema({ configPath: global.config, sqlCredentialsPath: global.sqlCredentials, schema: global.schema });
    },
    logger: (config) => {
      const global = options();
      const level = (config?.log.level ?? global.logLevel ?? 'info') as 'debug' | 'info' | 'warn' | 'error';
      return createLogger({ level, format: global.json || config?.log.format === 'json' ? 'json' : 'text' });
    },
    action:
      (run) =>
      async (...args) => {
        try {
          await run(...args);
        } catch (error) {
          reportError(error, io);
        }
      },
  };
}

/** Prints an error the way users should see it and sets the exit code. */
export function reportError(thrown: unknown, io: CliIo = processIo): void {
  const error = asDatabaseFailure(thrown, 'running the command');
  if (error instanceof AtlasError) {
    io.stderr(`atlas: ${error.message}${error.code === 'INTERNAL' ? '' : ` [${error.code}]`}`);
  } else {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`atlas: unexpected error: ${redactText(text)}`);
  }
  process.exitCode = exitCodeFor(error);
}

/** Commander collector for repeatable options (`--endpoint a --endpoint b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
