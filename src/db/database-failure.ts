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

/** Whether `error` is a failure of the database or the connection to it (not one of Atlas's own). */
export function isDatabaseError(error: unknown): boolean {
  if (error instanceof AtlasError) return error.code === 'DATABASE_FAILED';
  return error instanceof pg.DatabaseError || CONNECTION_FAILURE.test(errorMessage(error));
}

/**
 * `error` as a `DATABASE_FAILED` AtlasError saying what Atlas was doing, when it is a database
 * error; otherwise `error` unchanged (Atlas's own errors keep their code).
 */
export function asDatabaseFailure(error: unknown, doing: string): unknown {
  if (error instanceof AtlasError || !isDatabaseError(error)) return error;
  const message = errorMessage(error);
  return new AtlasError('DATABASE_FAILED', `database failed while ${doing}: ${message}`, { cause: new Error(message) });
}
