/**
 * A small structured logger. Writes to stderr (stdout is kept for command output such as JSON).
 * `format: 'json'` prints one JSON object per line; `text` prints `level message key=value…`.
 * Every line passes through redaction, so a secret never reaches a log even by accident.
 */
import { redactText, redactValue } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: 'text' | 'json';
  /** Where lines go; defaults to process.stderr. Tests pass a collector. */
  write?: (line: string) => void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const level = options.level ?? 'info';
  const format = options.format ?? 'text';
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));

  const emit = (lineLevel: LogLevel, message: string, fields: LogFields = {}): void => {
    if (order[lineLevel] < order[level]) return;
    const all = redactValue({ ...bound, ...fields }) as LogFields;
    if (format === 'json') {
      write(redactText(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...all })));
      return;
    }
    const pairs = Object.entries(all)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    write(redactText(`${lineLevel.padEnd(5)} ${message}${pairs ? ' ' + pairs : ''}`));
  };

  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that drops everything (library default when the caller passes none). */
export const silentLogger: Logger = createLogger({ write: () => {} });
