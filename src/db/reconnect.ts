/**
 * Carrying on when the database connection is lost (a restart, `pg_terminate_backend`, an idle
 * session timeout): work that failed only because its connection was lost or could not be opened
 * is run again on a fresh connection, with backoff, for at most `budgetMs` (30 s by default)
 * after its first failure. That is safe for the work Atlas hands it: single bookkeeping
 * statements that may run twice, and transactions (a page with its cursor) that either committed
 * whole or not at all (src/db/transaction.ts settles a COMMIT whose answer was lost).
 *
 * Any other database error (a constraint, a statement timeout, a full disk) is not retried: it is
 * raised at once as DATABASE_FAILED naming what Atlas was doing and the SQLSTATE's cause. Once the
 * budget is spent, the loss is raised the same way.
 */
import type pg from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { AtlasError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { asDatabaseFailure, describeDatabaseError, isConnectionLoss } from './database-failure.js';

/** How long one piece of work may keep failing for a lost connection before the run gives up. */
export const RECONNECT_BUDGET_MS = 30_000;
const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 3_000;

export interface Reconnect {
  /** Runs `work`; again on a fresh connection while it fails for a lost connection, within the budget. */
  attempt<T>(doing: string, work: () => Promise<T>): Promise<T>;
  /** Connection losses so far after which the work ran again on a fresh connection (one per retry). */
  readonly reconnects: number;
}

export interface ReconnectOptions {
  logger: Logger;
  budgetMs?: number;
  /** Runs before every attempt, inside it: the tenant lock takes itself again here when its connection was lost. */
  guard?: () => Promise<void>;
}

export function reconnector(options: ReconnectOptions): Reconnect {
  const budgetMs = options.budgetMs ?? RECONNECT_BUDGET_MS;
  let reconnects = 0;
  return {
    get reconnects() {
      return reconnects;
    },
    async attempt<T>(doing: string, work: () => Promise<T>): Promise<T> {
      let firstLoss: number | null = null;
      for (let retry = 0; ; retry++) {
        try {
          await options.guard?.();
          return await work();
        } catch (error) {
          if (!isConnectionLoss(error)) throw asDatabaseFailure(error, doing);
          firstLoss ??= Date.now();
          const wait = Math.min(FIRST_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
          const spent = Date.now() - firstLoss;
          if (spent + wait > budgetMs) {
            const message = `database connection lost while ${doing}, and not back within ${budgetMs / 1000} s: ${describeDatabaseError(error)}`;
            throw new AtlasError('DATABASE_FAILED', message, { cause: new Error(describeDatabaseError(error)) });
          }
          options.logger.warn(`database connection lost while ${doing}; trying again on a fresh connection`, {
            attempt: retry + 1,
            waitMs: wait,
            error: describeDatabaseError(error),
          });
          reconnects += 1;
          await delay(wait);
        }
      }
    },
  };
}

/** Pools made by `reconnectingPool`, with the plain pool and the reconnect they go through. */
const reconnecting = new WeakMap<pg.Pool, { pool: pg.Pool; reconnect: Reconnect; doing: string }>();

/**
 * The pool as the run sees it: `query` (one statement) and `connect` go through `reconnect`, and
 * `withTransaction` on it retries whole transactions. Everything else is the pool's own.
 */
export function reconnectingPool(pool: pg.Pool, reconnect: Reconnect, doing: string): pg.Pool {
  const wrapped = Object.create(pool) as pg.Pool;
  wrapped.query = ((...args: Parameters<pg.Pool['query']>) =>
    reconnect.attempt(doing, () => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args))) as pg.Pool['query'];
  wrapped.connect = (() => reconnect.attempt(doing, () => pool.connect())) as pg.Pool['connect'];
  reconnecting.set(wrapped, { pool, reconnect, doing });
  return wrapped;
}

/** The plain pool and reconnect behind a pool made by `reconnectingPool`, or null for a plain pool. */
export function reconnectOf(pool: pg.Pool): { pool: pg.Pool; reconnect: Reconnect; doing: string } | null {
  return reconnecting.get(pool) ?? null;
}
