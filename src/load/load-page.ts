/**
 * Loads one page in one transaction: COPY into the page table, one upsert into the staging
 * table, the page's rejects, the walk's seen keys (full-refresh lists), the endpoint's run
 * figures, and the cursor. The cursor therefore never runs ahead of the data: a process killed
 * at any instant leaves either the whole page with its cursor or neither.
 *
 * Upsert contract: a stored row is replaced only when the incoming version is at least as new by
 * the change field (a tie goes to the later one received) and actually differs (or was marked
 * deleted); an unchanged row is not rewritten.
 *
 * Cost: rows that would not be replaced are filtered out before the insert, by one primary-key
 * lookup each (a lateral subquery with `limit 1`, so the planner cannot turn it into a scan of the
 * whole staging table). Left to `on conflict … where`, each of them would still be locked —
 * a heap write and a WAL record per unchanged row, which made reloading unchanged pages slower
 * than a plain COPY. The `on conflict` clause keeps the same condition, so the contract does not
 * depend on the filter.
 */
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { withTransaction } from '../db/transaction.js';
import { addRunFigures } from '../runs/run-records.js';
import type { RunFigures } from '../runs/run-figures.js';
import type { Cursor } from './cursor.js';
import { writeCursor } from './cursor-store.js';
import { copyIntoPageTable, pageKeyColumns } from './copy-rows.js';
import type { PreparedPage } from './prepare-page.js';
import { PARENT_COLUMN, type StagingTarget } from './staging-target.js';

export interface PageLoad {
  target: StagingTarget;
  tenantId: string;
  runId: number;
  page: PreparedPage;
  /** The cursor as it stands once this page is loaded. */
  cursor: Cursor;
  /** Requests and retries spent fetching this page, added to the run's figures. */
  requests: number;
  retries: number;
  /** Full-refresh walks record every key they see under this id. */
  seenWalkId?: string;
}

type PageCounts = Pick<RunFigures, 'inserted' | 'updated' | 'unchanged' | 'rejected'>;

/**
 * Postgres keeps microseconds; ServiceTitan sends up to 7 fractional digits. On a microsecond tie
 * the digits beyond the sixth, read from the change field as sent, decide.
 */
function subMicroseconds(row: string): string {
  return `rpad(coalesce(substring(${row}.data->>$3 from '\\.\\d{6}(\\d{1,3})'), ''), 3, '0')`;
}

/** Whether `incoming` should replace `stored` (both aliases of rows with `data`, `modified_on`, `deleted_at`). */
function replaces(incoming: string, stored: string): string {
  return `(${stored}.data is distinct from ${incoming}.data or ${stored}.deleted_at is not null)
    and (${incoming}.modified_on is null or ${stored}.modified_on is null or ${incoming}.modified_on > ${stored}.modified_on
         or (${incoming}.modified_on = ${stored}.modified_on and ${subMicroseconds(incoming)} >= ${subMicroseconds(stored)}))`;
}

function upsertSql(target: StagingTarget, pageTable: string): string {
  const staging = qualified(target.schema, target.table);
  const keys = target.keyColumns.map(quoteIdent);
  const pageKeys = pageKeyColumns(target);
  const parent = target.hasParent
    ? {
        column: `${quoteIdent(PARENT_COLUMN)}, `,
        value: 'p.parent_key, ',
        update: `${quoteIdent(PARENT_COLUMN)} = excluded.${quoteIdent(PARENT_COLUMN)}, `,
      }
    : { column: '', value: '', update: '' };
  return `with upserted as (
  insert into ${staging} as s (tenant_id, ${keys.join(', ')}, ${parent.column}data, modified_on, active, deleted_at, run_id, extracted_at)
  select $1::bigint, ${pageKeys.map((k) => `p.${k}`).join(', ')}, ${parent.value}p.data, p.modified_on, p.active, null, $2::bigint, now()
  from pg_temp.${quoteIdent(pageTable)} p
  left join lateral (
    select c.data, c.modified_on, c.deleted_at from ${staging} c
    where c.tenant_id = $1::bigint and ${keys.map((k, i) => `c.${k} = p.${pageKeys[i]}`).join(' and ')} limit 1
  ) cur on true
  where cur.data is null or (${replaces('p', 'cur')})
  on conflict (tenant_id, ${keys.join(', ')}) do update set
    ${parent.update}data = excluded.data, modified_on = excluded.modified_on, active = excluded.active,
    deleted_at = null, run_id = excluded.run_id, extracted_at = excluded.extracted_at
  where ${replaces('excluded', 's')}
  returning (xmax = 0) as inserted
)
select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated from upserted`;
}

async function insertRejects(client: pg.PoolClient, load: PageLoad): Promise<void> {
  if (load.page.rejects.length === 0) return;
  await client.query(
    `insert into ${qualified(load.target.schema, '_rejects')} (tenant_id, endpoint, run_id, reason, record)
     select $1::bigint, $2, $3::bigint, reason, record from unnest($4::text[], $5::text[]) as r(reason, record)`,
    [load.tenantId, load.target.endpoint, load.runId, load.page.rejects.map((r) => r.reason), load.page.rejects.map((r) => r.record)],
  );
}

async function recordSeenKeys(client: pg.PoolClient, load: PageLoad, pageTable: string): Promise<void> {
  if (!load.seenWalkId) return;
  await client.query(
    `insert into ${qualified(load.target.schema, '_seen_keys')} (tenant_id, endpoint, walk_id, key)
     select $1::bigint, $2, $3, jsonb_build_array(${pageKeyColumns(load.target).join(', ')}) from pg_temp.${quoteIdent(pageTable)}
     on conflict do nothing`,
    [load.tenantId, load.target.endpoint, load.seenWalkId],
  );
}

/** Loads the page with its cursor (one transaction) and returns the page's figures, as added to the run. */
export async function loadPage(pool: pg.Pool, load: PageLoad): Promise<RunFigures> {
  return withTransaction(
    pool,
    async (client) => {
      const counts: PageCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: load.page.rejects.length };
      if (load.page.rows.length > 0) {
        const pageTable = await copyIntoPageTable(client, load.target, load.page.rows);
        const { rows } = await client.query(upsertSql(load.target, pageTable), [load.tenantId, load.runId, load.target.changeField ?? '']);
        counts.inserted = Number(rows[0].inserted);
        counts.updated = Number(rows[0].updated);
        // Versions superseded within the page count as unchanged: received, not written.
        counts.unchanged = load.page.rows.length - counts.inserted - counts.updated + load.page.superseded;
        await recordSeenKeys(client, load, pageTable);
      }
      await insertRejects(client, load);
      const figures: RunFigures = {
        pages: 1,
        received: load.page.received,
        ...counts,
        deleted: 0,
        requests: load.requests,
        retries: load.retries,
      };
      await addRunFigures(client, load.target.schema, load.runId, load.target.endpoint, figures);
      await writeCursor(client, load.target.schema, load.tenantId, load.target.endpoint, load.cursor, load.runId);
      return figures;
    },
    `loading a page of ${load.target.endpoint}`,
  );
}
