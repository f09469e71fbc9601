/**
 * Remembered page sizes in `<schema>._page_sizes`, one row per (tenant, endpoint) whose list
 * refused the size Atlas asked for (see src/extract/page-size-refusal.ts).
 */
import type pg from 'pg';
import { qualified } from '../db/identifiers.js';
import type { Queryable } from '../db/queryable.js';
import { withTransaction } from '../db/transaction.js';
import type { Cursor } from './cursor.js';
import { writeCursor } from './cursor-store.js';

/** The page size last accepted by this (tenant, endpoint) after a refusal, or null when none was refused. */
export async function readPageSize(db: Queryable, schema: string, tenantId: string, endpoint: string): Promise<number | null> {
  const { rows } = await db.query<{ page_size: number }>(
    `select page_size from ${qualified(schema, '_page_sizes')} where tenant_id = $1 and endpoint = $2`,
    [tenantId, endpoint],
  );
  return rows.length === 0 ? null : rows[0].page_size;
}

export interface PageSizeRefusal {
  refused: number;
  pageSize: number;
  refusal: string;
}

/**
 * Remembers the smaller page size and, in the same transaction, puts the walk back at its start
 * (`restart`): page numbers counted at the refused size mean other rows at the new one, so no
 * resumed walk may mix the two.
 */
export async function rememberPageSize(
  pool: pg.Pool,
  where: { schema: string; tenantId: string; endpoint: string; runId: number },
  refusal: PageSizeRefusal,
  restart: Cursor,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query(
      `insert into ${qualified(where.schema, '_page_sizes')} (tenant_id, endpoint, page_size, refused_page_size, refusal, learned_at)
       values ($1, $2, $3, $4, $5, now())
       on conflict (tenant_id, endpoint) do update set page_size = excluded.page_size,
         refused_page_size = excluded.refused_page_size, refusal = excluded.refusal, learned_at = now()`,
      [where.tenantId, where.endpoint, refusal.pageSize, refusal.refused, refusal.refusal.slice(0, 2000)],
    );
    await writeCursor(client, where.schema, where.tenantId, where.endpoint, restart, where.runId);
  });
}
