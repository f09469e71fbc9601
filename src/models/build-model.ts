/**
 * Builds one model in the marts schema so that a reader never sees it missing, empty or half built:
 *   view   `create or replace view` in a transaction; when the columns changed in a way Postgres
 *          refuses (dropped, renamed, retyped), the view and the views that depend on it are dropped
 *          and recreated, in order, in that same transaction.
 *   table  built beside the old one under a temporary name with its indexes, then swapped in one
 *          transaction (dependent views dropped and recreated around the swap); the old table's
 *          grants are given to the new one.
 * Readers that arrive during the swap wait on the lock and then read the new relation.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { qualified, quoteIdent } from '../db/identifiers.js';
import { recordBuild } from './bookkeeping.js';
import type { Model } from './model.js';
import { grantsToCopy, isIncompatibleViewChange, relationKind } from './relations.js';

/** Bump when the way models are built changes, so every model is built again once. */
const RUNNER_VERSION = '1';

export interface RenderedModel {
  model: Model;
  /** The body with schemas substituted. */
  sql: string;
  /** Hash of what the build creates: SQL, materialization, indexes. */
  hash: string;
}

export function renderedModel(model: Model, sql: string): RenderedModel {
  const hash = createHash('sha256')
    .update([RUNNER_VERSION, model.header.materialized, JSON.stringify(model.header.indexes), sql].join('\n'))
    .digest('hex')
    .slice(0, 32);
  return { model, sql, hash };
}

export interface BuildContext {
  client: pg.ClientBase;
  stagingSchema: string;
  martsSchema: string;
  runId: number | null;
  /** Views that depend on a model, in build order (see graph.ts `dependentViews`). */
  dependentsOf: (model: Model) => RenderedModel[];
}

export interface ModelBuildResult {
  rows: number | null;
  durationMs: number;
}

export async function buildModel(ctx: BuildContext, target: RenderedModel): Promise<ModelBuildResult> {
  const started = Date.now();
  const rows = target.model.header.materialized === 'table' ? await buildTable(ctx, target) : await buildView(ctx, target);
  const durationMs = Date.now() - started;
  return { rows, durationMs };
}

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

const viewDdl = (ctx: BuildContext, target: RenderedModel) =>
  `create or replace view ${qualified(ctx.martsSchema, target.model.name)} as\n${target.sql}`;

async function record(ctx: BuildContext, target: RenderedModel, rows: number | null, started: number): Promise<void> {
  await recordBuild(ctx.client, ctx.stagingSchema, {
    model: target.model.name,
    materialized: target.model.header.materialized,
    sqlHash: target.hash,
    runId: ctx.runId,
    rows,
    durationMs: Date.now() - started,
  });
}

async function buildView(ctx: BuildContext, target: RenderedModel): Promise<null> {
  const started = Date.now();
  const name = target.model.name;
  await inTransaction(ctx.client, async () => {
    const existing = await relationKind(ctx.client, ctx.martsSchema, name);
    if (existing === 'view') {
      await ctx.client.query('savepoint replace_view');
      try {
        await ctx.client.query(viewDdl(ctx, target));
        await ctx.client.query('release savepoint replace_view');
      } catch (error) {
        if (!isIncompatibleViewChange(error)) throw error;
        await ctx.client.query('rollback to savepoint replace_view');
        await replaceWithDependents(ctx, target, () => ctx.client.query(viewDdl(ctx, target)));
      }
    } else if (existing === null) {
      await ctx.client.query(viewDdl(ctx, target));
    } else {
      await replaceWithDependents(ctx, target, () => ctx.client.query(viewDdl(ctx, target)));
    }
    await record(ctx, target, null, started);
  });
  return null;
}

/**
 * Inside the caller's transaction: drops the views depending on the model (last first), drops the
 * model's relation, lets `create` make the new one, gives it the old grants, and recreates the
 * dependent views in build order with theirs.
 */
async function replaceWithDependents(ctx: BuildContext, target: RenderedModel, create: () => Promise<unknown>): Promise<void> {
  const name = target.model.name;
  const dependents = ctx.dependentsOf(target.model);
  const grants = new Map<string, string[]>();
  for (const model of [target, ...dependents]) {
    grants.set(
      model.model.name,
      await grantsToCopy(ctx.client, ctx.martsSchema, model.model.name, qualified(ctx.martsSchema, model.model.name)),
    );
  }
  for (const dependent of [...dependents].reverse())
    await ctx.client.query(`drop view if exists ${qualified(ctx.martsSchema, dependent.model.name)}`);
  const kind = await relationKind(ctx.client, ctx.martsSchema, name);
  if (kind === 'view') await ctx.client.query(`drop view ${qualified(ctx.martsSchema, name)}`);
  else if (kind === 'table') await ctx.client.query(`drop table ${qualified(ctx.martsSchema, name)}`);
  await create();
  for (const statement of grants.get(name)!) await ctx.client.query(statement);
  for (const dependent of dependents) {
    await ctx.client.query(viewDdl(ctx, dependent));
    for (const statement of grants.get(dependent.model.name)!) await ctx.client.query(statement);
    await record(ctx, dependent, null, Date.now());
  }
}

/** A name of at most 63 characters: `base` when it fits, else a prefix and a hash of the whole. */
function fitName(base: string): string {
  if (base.length <= 63) return base;
  return `${base.slice(0, 50)}_${createHash('sha256').update(base).digest('hex').slice(0, 12)}`;
}

async function buildTable(ctx: BuildContext, target: RenderedModel): Promise<number> {
  const started = Date.now();
  const name = target.model.name;
  const building = fitName(`_atlas_new_${name}`);
  const buildingTable = qualified(ctx.martsSchema, building);
  // Built outside the swap transaction: readers keep reading the old table meanwhile.
  await ctx.client.query(`drop table if exists ${buildingTable}`);
  try {
    const created = await ctx.client.query(`create table ${buildingTable} as\n${target.sql}`);
    const indexNames = target.model.header.indexes.map((columns) => fitName(`${name}_${columns.join('_')}_idx`));
    for (const [i, columns] of target.model.header.indexes.entries()) {
      const temporary = fitName(`_atlas_new_${indexNames[i]}`);
      await ctx.client.query(`create index ${quoteIdent(temporary)} on ${buildingTable} (${columns.map(quoteIdent).join(', ')})`);
    }
    await ctx.client.query(`analyze ${buildingTable}`);
    await inTransaction(ctx.client, () =>
      replaceWithDependents(ctx, target, async () => {
        await ctx.client.query(`alter table ${buildingTable} rename to ${quoteIdent(name)}`);
        for (const finalName of indexNames) {
          await ctx.client.query(
            `alter index ${qualified(ctx.martsSchema, fitName(`_atlas_new_${finalName}`))} rename to ${quoteIdent(finalName)}`,
          );
        }
      }).then(() => record(ctx, target, created.rowCount ?? 0, started)),
    );
    return created.rowCount ?? 0;
  } catch (error) {
    await ctx.client.query(`drop table if exists ${buildingTable}`).catch(() => {});
    throw error;
  }
}
