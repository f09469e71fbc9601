/** Anything that runs one query: the pool, or one client inside a transaction. */
import type pg from 'pg';

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;
