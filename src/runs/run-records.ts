/**
 * The runs table and its per-endpoint figures. A run row is written when a tenant's run starts
 * and closed when it ends; endpoint rows are created as endpoints start, their counts grow page
 * by page inside the loader's transactions (src/load/load-page.ts), and they are closed here.
 */
import { hostname } from 'node:os';
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import type { Queryable } from '../db/queryable.js';
import { RUN_FIGURES, RUN_FIGURE_COLUMNS, type RunFigures } from './run-figures.js';

/** How an endpoint's part of a run ended. */
export type EndpointStatus = 'succeeded' | 'failed' | 'interrupted';

/** `interrupted`: stopped by SIGTERM / Ctrl-C after committing the pages in hand; the next run carries on. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'partial' | 'interrupted';

export async function createRun(
  pool: pg.Pool,
  schema: string,
  tenant: { tenantId: string; name: string },
  command: string,
  options: Record<string, unknown>,
): Promise<number> {
  const { rows } = await pool.query(
    `insert into ${qualified(schema, '_runs')} (tenant_id, tenant_name, command, status, pid, host, options)
     values ($1, $2, $3, 'running', $4, $5, $6) returning id`,
    [tenant.tenantId, tenant.name, command, process.pid, hostname(), JSON.stringify(options)],
  );
  return Number(rows[0].id);
}

export async function finishRun(pool: pg.Pool, schema: string, runId: number, status: RunStatus, error: string | null): Promise<void> {
  await pool.query(`update ${qualified(schema, '_runs')} set status = $2, ended_at = now(), error = $3 where id = $1`, [
    runId,
    status,
    error,
  ]);
}

export async function startRunEndpoint(pool: pg.Pool, schema: string, runId: number, endpoint: string, table: string): Promise<void> {
  await pool.query(
    `insert into ${qualified(schema, '_run_endpoints')} (run_id, endpoint, table_name, status) values ($1, $2, $3, 'running')
     on conflict (run_id, endpoint) do nothing`,
    [runId, endpoint, `${schema}.${table}`],
  );
}

export async function finishRunEndpoint(
  pool: pg.Pool,
  schema: string,
  runId: number,
  endpoint: string,
  outcome: { status: EndpointStatus; error?: string | null; notes?: string[] },
): Promise<void> {
  await pool.query(
    `update ${qualified(schema, '_run_endpoints')} set status = $3, error = $4, notes = $5,
       ended_at = now(), duration_ms = (extract(epoch from now() - started_at) * 1000)::int
     where run_id = $1 and endpoint = $2`,
    [runId, endpoint, outcome.status, outcome.error ?? null, outcome.notes?.length ? outcome.notes.join('\n') : null],
  );
}

/**
 * Adds figures to an endpoint's run row. Called by the loader inside its page transaction, so the
 * figures never run ahead of (or behind) the data they count.
 */
export async function addRunFigures(
  db: Queryable,
  schema: string,
  runId: number,
  endpoint: string,
  delta: Partial<RunFigures>,
): Promise<void> {
  const figures = RUN_FIGURES.filter((figure) => delta[figure] !== undefined);
  if (figures.length === 0) return;
  const sets = figures.map((figure, i) => {
    const column = quoteIdent(RUN_FIGURE_COLUMNS[figure]);
    return `${column} = ${column} + $${i + 3}`;
  });
  await db.query(`update ${qualified(schema, '_run_endpoints')} set ${sets.join(', ')} where run_id = $1 and endpoint = $2`, [
    runId,
    endpoint,
    ...figures.map((figure) => delta[figure]),
  ]);
}

/** Runs still marked running whose process is gone (killed) are closed as failed. */
export async function closeAbandonedRuns(pool: pg.Pool, schema: string, tenantId: string): Promise<void> {
  await pool.query(
    `update ${qualified(schema, '_runs')} set status = 'failed', ended_at = coalesce(ended_at, now()),
       error = coalesce(error, 'interrupted: the process ended before the run finished')
     where tenant_id = $1 and status = 'running'`,
    [tenantId],
  );
  await pool.query(
    `update ${qualified(schema, '_run_endpoints')} e set status = 'failed', ended_at = coalesce(e.ended_at, now()),
       error = coalesce(e.error, 'interrupted')
     from ${qualified(schema, '_runs')} r where r.id = e.run_id and r.tenant_id = $1 and e.status = 'running'`,
    [tenantId],
  );
}
