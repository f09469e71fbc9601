/**
 * Runs `work` on one pooled connection inside a transaction: committed when `work` resolves,
 * rolled back when it throws (the original error is rethrown; a failing rollback is ignored,
 * since the connection's loss already discards the transaction). The client is always released.
 */
import type pg from 'pg';

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
