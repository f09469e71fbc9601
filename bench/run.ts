/**
 * `npm run bench`: Atlas's throughput, measured against baselines in the same run (the machine is
 * shared and noisy, so every figure is a median of several repetitions and the claims are ratios).
 *
 *   1. build with concurrency 8 vs concurrency 1 (the baseline): rows/s and the speed-up, against
 *      the sandbox running in its own process;
 *   2. a sync with nothing to do vs the full build it follows;
 *   3. the loader: COPY + one upsert per page vs a row-by-row `insert … on conflict` baseline;
 *   4. memory: peak RSS of a build of a tenant twice the size vs the base size (flat = ratio ≈ 1).
 *
 * Database: BENCH_DATABASE_URL or DATABASE_URL, else an embedded Postgres 15 in a temp directory.
 * Size: BENCH_SCALE (sandbox scale, default 0.5), BENCH_REPEAT (default 3).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../src/pipeline/build.js';
import { logProgress } from '../src/pipeline/progress.js';
import type { AtlasConfig } from '../src/config/types.js';
import { openWarehouse, type Warehouse } from '../src/db/connection.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { createLogger } from '../src/log/logger.js';
import { sandboxTenantConfig } from '../src/cli/sandbox-connection.js';
import { benchLoader } from './loader.js';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.js';
import { median } from './stats.js';

const logger = createLogger({ level: 'error' });
const scale = Number(process.env.BENCH_SCALE ?? 0.5);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);

function configFor(url: string, sandbox: SandboxProcess, schema: string, concurrency: number): AtlasConfig {
  return {
    database: { kind: 'url', url },
    schema,
    martsSchema: `${schema}_marts`,
    startDate: null,
    concurrency,
    tenants: [sandboxTenantConfig(sandbox, 'bench', { requestsPerSecond: 1000 })],
    endpoints: { include: [], exclude: [] },
    stateDir: '.atlas',
    log: { level: 'error', format: 'text' },
  };
}

async function timedBuild(
  warehouse: Warehouse,
  config: AtlasConfig,
  command: 'build' | 'sync',
): Promise<{ seconds: number; rows: number; peakRssMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = process.hrtime.bigint();
  const summary = await runBuild(config, warehouse, { command, fullRefresh: false }, logger, logProgress(logger, 1e9)).finally(() =>
    clearInterval(sampler),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!summary.ok) throw new Error(`${command} failed: ${JSON.stringify(summary.tenants).slice(0, 500)}`);
  const rows = summary.tenants.reduce((sum, t) => sum + ('endpoints' in t ? t.endpoints.reduce((s, e) => s + e.received, 0) : 0), 0);
  return { seconds, rows, peakRssMb: peak / 2 ** 20 };
}

/** Peak RSS of one build against a sandbox of the given scale (in its own process). */
async function peakRss(warehouse: Warehouse, url: string, sandboxScale: number): Promise<{ rows: number; peakRssMb: number }> {
  const sandbox = await startSandboxProcess(sandboxScale);
  const schema = `bench_mem_${String(sandboxScale).replace('.', '_')}`;
  try {
    await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
    return await timedBuild(warehouse, configFor(url, sandbox, schema, 8), 'build');
  } finally {
    sandbox.stop();
    await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
  }
}

async function openBenchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, close: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port: 56000 + Math.floor(Math.random() * 1000),
    logger,
    persistent: false,
  });
  return {
    url: server.url,
    close: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const warehouse = await openWarehouse(database.url, { poolSize: 16 });
  const sandbox = await startSandboxProcess(scale);
  const results: string[] = [];
  try {
    const runs: Record<string, number[]> = { c1: [], c8: [], noop: [] };
    let rows = 0;
    for (let i = 0; i < repeat; i++) {
      for (const concurrency of [1, 8]) {
        const schema = `bench_c${concurrency}_${i}`;
        await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
        const build = await timedBuild(warehouse, configFor(database.url, sandbox, schema, concurrency), 'build');
        runs[`c${concurrency}`].push(build.seconds);
        rows = build.rows;
        if (concurrency === 8)
          runs.noop.push((await timedBuild(warehouse, configFor(database.url, sandbox, schema, concurrency), 'sync')).seconds);
        await warehouse.pool.query(`drop schema if exists ${schema} cascade`);
      }
    }
    const c1 = median(runs.c1);
    const c8 = median(runs.c8);
    const noop = median(runs.noop);
    results.push(`sandbox scale ${scale}: ${rows.toLocaleString('en-US')} rows per build, ${repeat} repetitions, medians`);
    results.push(`build, concurrency 1 (baseline): ${c1.toFixed(2)} s  ${Math.round(rows / c1).toLocaleString('en-US')} rows/s`);
    results.push(
      `build, concurrency 8:            ${c8.toFixed(2)} s  ${Math.round(rows / c8).toLocaleString('en-US')} rows/s  (${(c1 / c8).toFixed(2)}x the baseline)`,
    );
    results.push(`sync with nothing new:           ${noop.toFixed(2)} s  (${((noop / c8) * 100).toFixed(1)} % of the build)`);
    results.push(...(await benchLoader(warehouse, repeat)));
    const small = await peakRss(warehouse, database.url, scale);
    const large = await peakRss(warehouse, database.url, scale * 2);
    results.push(
      `memory: peak RSS ${small.peakRssMb.toFixed(0)} MB for ${small.rows.toLocaleString('en-US')} rows, ${large.peakRssMb.toFixed(0)} MB for ${large.rows.toLocaleString('en-US')} rows (${(large.peakRssMb / small.peakRssMb).toFixed(2)}x for ${(large.rows / small.rows).toFixed(2)}x the data)`,
    );
  } finally {
    sandbox.stop();
    await warehouse.close();
    await database.close();
  }
  process.stdout.write(results.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
