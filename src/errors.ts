/**
 * Atlas's error tree. Every error Atlas raises on purpose is an AtlasError with a stable `code`
 * (documented in docs/errors.md) and a `retriable` flag; the original error is kept as `cause`.
 * The CLI maps codes to exit codes (see `exitCodeFor`).
 *
 * Contract: messages never contain secrets. Callers build messages from redacted values only
 * (see src/log/redact.ts); `toJSON` and `util.inspect` expose nothing beyond message, code and
 * details, which are redacted once more on the way out.
 */
import { inspect } from 'node:util';
import { redactText, redactValue } from './log/redact.js';

export type AtlasErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'ENDPOINT_UNKNOWN'
  | 'ENDPOINT_AMBIGUOUS'
  | 'ENDPOINT_ARGUMENT'
  | 'AUTH_FAILED'
  | 'API_REQUEST_FAILED'
  | 'API_RETRIES_EXHAUSTED'
  | 'API_BAD_RESPONSE'
  | 'EXPORT_TOKEN_LOOP'
  | 'DATABASE_FAILED'
  | 'TENANT_LOCKED'
  | 'RUN_FAILED'
  | 'MODEL_INVALID'
  | 'MODEL_FAILED'
  | 'SYNC_STALE'
  | 'INTERRUPTED'
  | 'INTERNAL';

export interface AtlasErrorOptions {
  cause?: unknown;
  retriable?: boolean;
  details?: Record<string, unknown>;
}

export class AtlasError extends Error {
  readonly code: AtlasErrorCode;
  readonly retriable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: AtlasErrorCode, message: string, options: AtlasErrorOptions = {}) {
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AtlasError';
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.details = redactValue(options.details ?? {}) as Record<string, unknown>;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, retriable: this.retriable, details: this.details };
  }

  [inspect.custom](): string {
    return `${this.name} [${this.code}]: ${this.message}${Object.keys(this.details).length ? ' ' + JSON.stringify(this.details) : ''}`;
  }
}

/** Invalid configuration or flags: fails before any work. */
export class ConfigError extends AtlasError {
  constructor(message: string, options: AtlasErrorOptions = {}) {
    super('CONFIG_INVALID', message, options);
    this.name = 'ConfigError';
  }
}

/** A ServiceTitan call that failed for good (after retries where they apply). */
export class ApiError extends AtlasError {
  readonly status: number | undefined;
  constructor(code: AtlasErrorCode, message: string, status: number | undefined, options: AtlasErrorOptions = {}) {
    super(code, message, options);
    this.name = 'ApiError';
    this.status = status;
  }
}

const exitCodes: Record<AtlasErrorCode, number> = {
  CONFIG_INVALID: 2,
  CONFIG_NOT_FOUND: 2,
  ENDPOINT_UNKNOWN: 2,
  ENDPOINT_AMBIGUOUS: 2,
  ENDPOINT_ARGUMENT: 2,
  AUTH_FAILED: 3,
  API_REQUEST_FAILED: 4,
  API_RETRIES_EXHAUSTED: 4,
  API_BAD_RESPONSE: 4,
  EXPORT_TOKEN_LOOP: 4,
  DATABASE_FAILED: 5,
  TENANT_LOCKED: 6,
  RUN_FAILED: 7,
  MODEL_INVALID: 2,
  MODEL_FAILED: 8,
  SYNC_STALE: 9,
  // 128 + SIGINT, as shells report Ctrl-C; used for SIGTERM too, so one code means "stopped on request".
  INTERRUPTED: 130,
  INTERNAL: 1,
};

/** The process exit code the CLI uses for an error code. */
export function exitCodeOf(code: AtlasErrorCode): number {
  return exitCodes[code];
}

/** The process exit code the CLI uses for an error (1 for anything that is not an AtlasError). */
export function exitCodeFor(error: unknown): number {
  return error instanceof AtlasError ? exitCodeOf(error.code) : 1;
}

/** The message of anything thrown (`String(value)` for non-errors). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
