/**
 * `atlas models build [--select NAME…]`, `atlas models list`, `atlas models test`: the SQL models
 * under models/ built into the marts schema (see src/models).
 */
import type { Command } from 'commander';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { AtlasError } from '../../errors.js';
import {
  buildModels,
  knownStagingTables,
  lastBuilds,
  loadModels,
  testModels,
  type BuildModelsSummary,
  type CheckResult,
} from '../../models/index.js';
import { collect, type CliContext } from '../context.js';

export function formatModelsSummary(summary: BuildModelsSummary): string {
  const built = summary.models.filter((m) => m.status === 'built');
  const lines = [`models: ${built.length} built, ${summary.models.filter((m) => m.status === 'unchanged').length} unchanged`];
  for (const m of summary.models) {
    if (m.status === 'built')
      lines.push(`  built      ${m.model} (${m.materialized}${m.rows === null ? '' : `, ${m.rows} rows`}; ${m.reason})`);
    else if (m.status === 'failed' || m.status === 'skipped') lines.push(`  ${m.status.padEnd(10)} ${m.model}: ${m.error}`);
  }
  return lines.join('\n');
}

function formatChecks(results: CheckResult[]): string {
  const failed = results.filter((r) => !r.ok);
  const lines = [
    `model tests: ${results.length - failed.length} passed, ${failed.length} failed (${new Set(results.map((r) => r.model)).size} models)`,
  ];
  for (const r of failed) {
    lines.push(`  FAIL ${r.model}: ${r.check}${r.error ? `: ${r.error}` : ''}`);
    for (const row of r.offending) lines.push(`       ${row}`);
  }
  return lines.join('\n');
}

export function registerModelsCommand(program: Command, context: CliContext): void {
  const { io } = context;
  const models = program.command('models').description('the SQL models under models/: typed views and marts in the marts schema');

  models
    .command('build')
    .description('build the models (or the selected ones and what they read) in dependency order')
    .option('--select <name>', 'only this model and the models it reads; repeatable', collect, [])
    .action(
      context.action(async (flags: { select: string[] }) => {
        const config = await context.loadConfig({}, { requireTenants: false });
        const logger = context.logger(config);
        const warehouse = await openConfiguredWarehouse(config.database, logger, 2);
        try {
          const summary = await buildModels(config, warehouse, { select: flags.select, changes: 'all' }, logger);
          io.stdout(context.options().json ? JSON.stringify(summary, null, 2) : formatModelsSummary(summary));
          if (!summary.ok) throw new AtlasError('MODEL_FAILED', 'some models failed to build (see above)');
        } finally {
          await warehouse.close();
        }
      }),
    );

  models
    .command('list')
    .description('every model: name, materialization, grain, dependencies, last built')
    .action(
      context.action(async () => {
        const config = await context.loadConfig({}, { requireTenants: false });
        const all = loadModels(knownStagingTables());
        const warehouse = await openConfiguredWarehouse(config.database, context.logger(config), 2);
        try {
          const builds = await lastBuilds(warehouse.pool, config.schema);
          const rows = all.map((m) => ({
            name: m.name,
            file: m.file,
            materialized: m.header.materialized,
            grain: m.header.grain,
            key: m.header.key,
            dependsOn: m.dependsOn,
            stagingTables: m.stagingTables,
            lastBuilt: builds.get(m.name)?.builtAt ?? null,
          }));
          if (context.options().json) return io.stdout(JSON.stringify(rows, null, 2));
          for (const r of rows) {
            io.stdout(
              `${r.name.padEnd(40)} ${r.materialized.padEnd(6)} ${(r.lastBuilt ?? 'never built').slice(0, 19).padEnd(20)} ${r.grain}`,
            );
            if (r.dependsOn.length) io.stdout(`${''.padEnd(40)} reads ${r.dependsOn.join(', ')}`);
          }
        } finally {
          await warehouse.close();
        }
      }),
    );

  models
    .command('test')
    .description("check every model's key (unique, not null) and the checks its header declares")
    .option('--select <name>', 'only this model; repeatable', collect, [])
    .action(
      context.action(async (flags: { select: string[] }) => {
        const config = await context.loadConfig({}, { requireTenants: false });
        const all = loadModels(knownStagingTables());
        const unknown = flags.select.find((name) => !all.some((m) => m.name === name));
        if (unknown)
          throw new AtlasError('MODEL_INVALID', `--select ${unknown}: there is no model of that name (see \`atlas models list\`)`);
        const chosen = flags.select.length ? all.filter((m) => flags.select.includes(m.name)) : all;
        const warehouse = await openConfiguredWarehouse(config.database, context.logger(config), 2);
        try {
          const results = await testModels(warehouse.pool, config.martsSchema, chosen);
          io.stdout(context.options().json ? JSON.stringify(results, null, 2) : formatChecks(results));
          const failed = results.filter((r) => !r.ok);
          if (failed.length) {
            throw new AtlasError(
              'MODEL_FAILED',
              `${failed.length} model check(s) failed, first: ${failed[0].model}: ${failed[0].check}${failed[0].offending.length ? ` (${failed[0].offending[0]})` : ''}`,
            );
          }
        } finally {
          await warehouse.close();
        }
      }),
    );
}
