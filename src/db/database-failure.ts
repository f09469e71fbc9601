/**
 * Recognises errors that come from the database (a failed statement, a dropped or refused
 * connection, a pool timeout) so that whatever step hit them ends as `DATABASE_FAILED` (exit 5)
 * with one clear line, not as "unexpected error" with a stack.
 */
import pg from 'pg';
import { AtlasError, errorMessage } from '../errors.js';

/** Messages node-postgres and knex give connection-level failures (they carry no SQLSTATE). */
const CONNECTION_FAILURE =
  /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection|ECONNREFUSED|ECONNRESET|EPIPE/i;

/** Socket errors of a connection that broke or could not be opened (the server stopping or restarting). */
const SOCKET_FAILURE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * SQLSTATEs of a lost connection: class 08 (connection exception), and the server ending or
 * refusing sessions: 57P01 admin shutdown (`pg_terminate_backend`, a fast shutdown), 57P02 crash
 * shutdown, 57P03 cannot connect now (starting up, shutting down), 57P05 idle session timeout.
 */
const CONNECTION_SQLSTATE = /^(?:08...|57P0[1235])$/;

/** Plain names for the SQLSTATEs an operator meets most, added to the message. */
const SQLSTATE_NAMES: Record<string, string> = {
  '57014': 'statement timeout or cancel',
  '53100': 'disk full',
  '53200': 'out of memory',
  '53300': 'too many connections',
  '55P03': 'lock not available (lock_timeout)',
  '25P03': 'idle in transaction session timeout',
  '40P01': 'deadlock',
};

/** Whether `error` is a failure of the database or the connection to it (not one of Atlas's own). */
export function isDatabaseError(error: unknown): boolean {
  if (error instanceof AtlasError) return error.code === 'DATABASE_FAILED';
  return error instanceof pg.DatabaseError || CONNECTION_FAILURE.test(errorMessage(error));
}

/**
 * Whether `error` means the connection was lost or could not be opened, rather than that a
 * statement failed: work that failed this way never committed (see src/db/transaction.ts for the
 * one exception, a lost COMMIT) and may be run again on a fresh connection.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof AtlasError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || SOCKET_FAILURE.has(code))) return true;
  if (error instanceof pg.DatabaseError) return false;
  return CONNECTION_FAILURE.test(errorMessage(error));
}

/** The message with its SQLSTATE and, for the common ones, a plain name: "… (SQLSTATE 53100, disk full)". */
export function describeDatabaseError(error: unknown): string {
  const message = errorMessage(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof pg.DatabaseError) || typeof code !== 'string') return message;
  const name = SQLSTATE_NAMES[code];
  return `${message} (SQLSTATE ${code}${name ? `, ${name}` : ''})`;
}

/**
 * `error` as a `DATABASE_FAILED` AtlasError saying what Atlas was doing, when it is a database
 * error; otherwise `error` unchanged (Atlas's own errors keep their code).
 */
export function asDatabaseFailure(error: unknown, doing: string): unknown {
  if (error instanceof AtlasError || !isDatabaseError(error)) return error;
  const message = describeDatabaseError(error);
  return new AtlasError('DATABASE_FAILED', `database failed while ${doing}: ${message}`, { cause: new Error(message) });
}
