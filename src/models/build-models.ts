/**
 * `atlas models build` and the model step at the end of `atlas build` / `atlas sync`: loads the
 * models, makes sure every staging table, the helper functions and the tenants table exist, and
 * builds what needs building in dependency order under one advisory lock per marts schema.
 *
 * What needs building:
 *   - a model never built, missing from the database, or whose SQL hash changed;
 *   - a table model whose sources changed: `changes: 'all'` (an explicit `atlas models build`), or
 *     a staging table it reads (directly or through other models) that the run changed, a change
 *     to `_tenants`, or a model it reads that was just rebuilt.
 * Views read staging live, so new data alone never rebuilds one. A failed model is reported and
 * the models that read it are skipped; the others still build.
 */
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { AtlasConfig } from '../config/types.js';
import { extractedEndpoints } from '../catalog/index.js';
import type { Warehouse } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { ensureStagingTables } from '../load/staging-table.js';
import { stagingTargetFor } from '../load/staging-target.js';
import type { Logger } from '../log/logger.js';
import { ensureModelBookkeeping, lastBuilds, recordBuild, syncTenants, TENANTS_TABLE } from './bookkeeping.js';
import { buildModel, renderedModel, type RenderedModel } from './build-model.js';
import { dependentViews, selectWithUpstream, upstreamStagingTables } from './graph.js';
import { loadModels } from './load-models.js';
import type { Model } from './model.js';
import { relationKind } from './relations.js';
import { HELPER_FUNCTIONS, helperFunctionsSql } from './safe-casts.js';
import { renderBody } from './template.js';
import { errorMessage } from '../errors.js';

export interface ModelChanges {
  /** Staging tables (names without schema) in which the run inserted, updated or deleted rows. */
  stagingTables: Set<string>;
}

export interface BuildModelsOptions {
  /** Only these models and what they read (default: every model). */
  select?: string[];
  /** `all`: rebuild every selected table model; otherwise only those whose sources changed. */
  changes: 'all' | ModelChanges;
  runId?: number | null;
  modelsDir?: string;
}

export type ModelOutcome =
  | { model: string; status: 'built'; materialized: string; rows: number | null; durationMs: number; reason: string }
  | { model: string; status: 'unchanged' }
  | { model: string; status: 'failed'; error: string }
  | { model: string; status: 'skipped'; error: string };

export interface BuildModelsSummary {
  ok: boolean;
  tenantsChanged: boolean;
  models: ModelOutcome[];
}

const HELPERS_RECORD = '_helpers';

/** Staging tables Atlas can extract (opt-in ones included): what `{{ staging }}.<table>` may name. */
export function knownStagingTables(): string[] {
  return extractedEndpoints({ includeOptIn: true }).map((d) => d.extract!.table);
}

export async function buildModels(
  config: AtlasConfig,
  warehouse: Warehouse,
  options: BuildModelsOptions,
  logger: Logger,
): Promise<BuildModelsSummary> {
  const all = loadModels(knownStagingTables(), options.modelsDir);
  const selected = options.select?.length ? selectWithUpstream(all, options.select) : all;
  await migrate(warehouse.knex, config.schema, config.martsSchema);
  // Views over tables an endpoint selection never created would fail: every staging table exists, empty if need be.
  await ensureStagingTables(
    warehouse.pool,
    extractedEndpoints({ includeOptIn: true }).map((d) => stagingTargetFor(d, config.schema)),
  );
  const client = await warehouse.pool.connect();
  const lockKey = `atlas-models:${config.martsSchema}`;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockKey]);
    await ensureModelBookkeeping(client, config.schema);
    const tenantsChanged = await syncTenants(client, config.schema, config.tenants);
    const previous = await lastBuilds(client, config.schema);
    await ensureHelpers(client, config, previous.get(HELPERS_RECORD)?.sqlHash, options.runId ?? null);

    const schemas = { staging: config.schema, marts: config.martsSchema };
    const rendered = new Map<string, RenderedModel>(all.map((m) => [m.name, renderedModel(m, renderBody(m.body, schemas))]));
    const ctx = {
      client,
      stagingSchema: config.schema,
      martsSchema: config.martsSchema,
      runId: options.runId ?? null,
      dependentsOf: (model: Model) => dependentViews(all, model).map((m) => rendered.get(m.name)!),
    };
    const rebuilt = new Set<string>();
    const broken = new Set<string>();
    const outcomes: ModelOutcome[] = [];
    for (const model of selected) {
      const target = rendered.get(model.name)!;
      const failedUpstream = model.dependsOn.find((name) => broken.has(name));
      if (failedUpstream) {
        broken.add(model.name);
        outcomes.push({ model: model.name, status: 'skipped', error: `not built: ${failedUpstream} failed` });
        continue;
      }
      const reason = await rebuildReason(
        client,
        config.martsSchema,
        all,
        target,
        previous.get(model.name)?.sqlHash,
        options.changes,
        tenantsChanged,
        rebuilt,
      );
      if (!reason) {
        outcomes.push({ model: model.name, status: 'unchanged' });
        continue;
      }
      try {
        const result = await buildModel(ctx, target);
        rebuilt.add(model.name);
        outcomes.push({ model: model.name, status: 'built', materialized: model.header.materialized, ...result, reason });
        logger.debug('model built', { model: model.name, reason, rows: result.rows, ms: result.durationMs });
      } catch (error) {
        broken.add(model.name);
        const message = `${model.file}: ${errorMessage(error)}`;
        outcomes.push({ model: model.name, status: 'failed', error: message });
        logger.error('model failed', { model: model.name, error: message });
      }
    }
    return { ok: broken.size === 0, tenantsChanged, models: outcomes };
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => {});
    client.release();
  }
}

async function ensureHelpers(client: PoolClient, config: AtlasConfig, builtHash: string | undefined, runId: number | null): Promise<void> {
  const statements = helperFunctionsSql(config.martsSchema);
  const hash = createHash('sha256')
    .update(config.martsSchema + statements.join(';'))
    .digest('hex')
    .slice(0, 32);
  const present = await client.query(
    `select count(*) as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = any($2)`,
    [config.martsSchema, HELPER_FUNCTIONS],
  );
  if (builtHash === hash && Number(present.rows[0].n) === HELPER_FUNCTIONS.length) return;
  for (const statement of statements) await client.query(statement);
  await recordBuild(client, config.schema, {
    model: HELPERS_RECORD,
    materialized: 'function',
    sqlHash: hash,
    runId,
    rows: null,
    durationMs: 0,
  });
}

/** Why a model must be built now, or null when it is current. */
async function rebuildReason(
  client: PoolClient,
  martsSchema: string,
  all: Model[],
  target: RenderedModel,
  builtHash: string | undefined,
  changes: BuildModelsOptions['changes'],
  tenantsChanged: boolean,
  rebuilt: Set<string>,
): Promise<string | null> {
  const model = target.model;
  const kind = await relationKind(client, martsSchema, model.name);
  if (kind !== model.header.materialized) return kind === null ? 'missing' : `is a ${kind}, declared ${model.header.materialized}`;
  if (builtHash !== target.hash) return builtHash === undefined ? 'never built' : 'SQL changed';
  if (model.header.materialized === 'view') return null;
  if (changes === 'all') return 'requested';
  const upstreamModel = model.dependsOn.find((name) => rebuilt.has(name));
  if (upstreamModel) return `${upstreamModel} was rebuilt`;
  const staging = upstreamStagingTables(all, model);
  if (tenantsChanged && staging.has(TENANTS_TABLE)) return 'tenants changed';
  const changed = [...staging].find((table) => changes.stagingTables.has(table));
  return changed ? `${changed} changed` : null;
}
