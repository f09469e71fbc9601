/**
 * What every command shares: the global options, config loading with flags on top, the logger,
 * and the one place errors become messages and exit codes. Only the CLI layer touches
 * `process.exit`, `process.exitCode` and the console.
 */
import type { Command } from 'commander';
import { loadConfig, type LoadConfigInput } from '../config/index.js';
import type { AtlasConfig } from '../config/types.js';
import { AtlasError, exitCodeFor } from '../errors.js';
import { createLogger, type Logger } from '../log/logger.js';
import { redactText } from '../log/redact.js';

export interface GlobalOptions {
  config?: string;
  stCredentials?: string;
  sqlCredentials?: string;
  json?: boolean;
  logLevel?: string;
  database?: string;
  schema?: string;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export async function loadCliConfig(command: Command, flags: LoadConfigInput['flags'] = {}, requireTenants = true): Promise<AtlasConfig> {
  const options = globalOptions(command);
  return loadConfig({
    configPath: options.config,
    stCredentialsPath: options.stCredentials,
    sqlCredentialsPath: options.sqlCredentials,
    flags: {
      ...flags,
      database: options.database ?? flags?.database,
      schema: options.schema ?? flags?.schema,
      logLevel: options.logLevel ?? flags?.logLevel,
      logFormat: options.json ? 'json' : flags?.logFormat,
    },
    requireTenants,
  });
}

export function loggerFor(config: Pick<AtlasConfig, 'log'> | null, command: Command): Logger {
  const options = globalOptions(command);
  const level = (config?.log.level ?? options.logLevel ?? 'info') as 'debug' | 'info' | 'warn' | 'error';
  return createLogger({ level, format: options.json || config?.log.format === 'json' ? 'json' : 'text' });
}

/** Prints an error the way users should see it and sets the exit code. */
export function reportError(error: unknown, io: CliIo = processIo): void {
  if (error instanceof AtlasError) {
    io.stderr(`atlas: ${error.message}${error.code === 'INTERNAL' ? '' : ` [${error.code}]`}`);
  } else {
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    io.stderr(`atlas: unexpected error: ${redactText(text)}`);
  }
  process.exitCode = exitCodeFor(error);
}

/** Wraps a command action so every failure goes through `reportError`. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      reportError(error);
    }
  };
}

/** Commander collector for repeatable options (`--endpoint a --endpoint b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
