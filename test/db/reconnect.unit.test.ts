/**
 * What counts as a lost connection (retried on a fresh one) and what does not (failed at once,
 * naming its SQLSTATE), and the reconnect budget: src/db/database-failure.ts, src/db/reconnect.ts.
 * The fault suite (test/db/terminated-backend, server-restart, statement-timeout, disk-full)
 * shows the same against a real server.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeDatabaseError, isConnectionLoss } from '../../src/db/database-failure.js';
import { reconnector } from '../../src/db/reconnect.js';
import { AtlasError } from '../../src/errors.js';
import { createLogger } from '../../src/log/logger.js';

function serverError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('lost connections', () => {
  it('are the connection classes, server shutdowns and broken sockets, not failed statements', () => {
    const lost = [
      serverError('57P01', 'terminating connection due to administrator command'),
      serverError('57P02', 'terminating connection because of crash of another server process'),
      serverError('57P03', 'the database system is starting up'),
      serverError('57P05', 'terminating connection due to idle-session timeout'),
      serverError('08006', 'connection failure'),
      socketError('ECONNREFUSED'),
      socketError('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
    ];
    const failed = [
      serverError('57014', 'canceling statement due to statement timeout'),
      serverError('53100', 'could not extend file: No space left on device'),
      serverError('23505', 'duplicate key value violates unique constraint'),
      serverError('55000', 'database "x" is not currently accepting connections'),
      new AtlasError('DATABASE_FAILED', 'connection lost, and not back within 30 s'),
    ];
    expect(lost.map(isConnectionLoss)).toEqual(lost.map(() => true));
    expect(failed.map(isConnectionLoss)).toEqual(failed.map(() => false));
    expect(describeDatabaseError(failed[1])).toBe('could not extend file: No space left on device (SQLSTATE 53100, disk full)');
  });
});

describe('reconnector', () => {
  const logger = createLogger({ level: 'error' });

  it('runs work again after a lost connection, counting each reconnect', async () => {
    const reconnect = reconnector({ logger, budgetMs: 5_000 });
    let calls = 0;
    const result = await reconnect.attempt('loading a page', async () => {
      calls += 1;
      if (calls < 3) throw socketError('ECONNREFUSED');
      return 'loaded';
    });
    expect({ result, calls, reconnects: reconnect.reconnects }).toEqual({ result: 'loaded', calls: 3, reconnects: 2 });
  });

  it('gives up once the budget is spent, with one DATABASE_FAILED line', async () => {
    const reconnect = reconnector({ logger, budgetMs: 500 });
    const started = Date.now();
    const failure = await reconnect.attempt('loading a page', () => Promise.reject(socketError('ECONNREFUSED'))).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      code: 'DATABASE_FAILED',
      message: 'database connection lost while loading a page, and not back within 0.5 s: connect ECONNREFUSED 127.0.0.1:5432',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not retry a failed statement: DATABASE_FAILED at once, naming the step and the cause', async () => {
    const reconnect = reconnector({ logger, budgetMs: 5_000 });
    let calls = 0;
    const failure = await reconnect
      .attempt('loading a page of crm/export/customers', async () => {
        calls += 1;
        throw serverError('57014', 'canceling statement due to statement timeout');
      })
      .catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(failure).toMatchObject({
      code: 'DATABASE_FAILED',
      message:
        'database failed while loading a page of crm/export/customers: canceling statement due to statement timeout (SQLSTATE 57014, statement timeout or cancel)',
    });
  });
});
