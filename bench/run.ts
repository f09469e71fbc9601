/**
 * `npm run bench`: Atlas's throughput against the limits of issue 8, each case a ratio to a
 * baseline measured in the same run (the machine is shared and noisy: medians of BENCH_REPEAT
 * repetitions, default 3, with their spread). Prints a table and writes bench/results.json.
 *
 *   loader         200,000 realistic records: fresh vs plain COPY, unchanged vs COPY, vs the seed
 *   rate limit     build and no-op sync against a strict 20 req/s window with 150 ms latency
 *   memory         peak RSS of `atlas build` at about 100k and 1M records
 *   marts          on the 1M build: every mart's full select, a dashboard query's p50, and the
 *                  model rebuild after a sync of 1% changed records
 *
 * Database: BENCH_DATABASE_URL or DATABASE_URL, else an embedded Postgres 15 in a temp directory.
 * Sizes: BENCH_LOADER_ROWS (200000), BENCH_BUILD_SCALE (0.75 ≈ 100k export records),
 * BENCH_MEMORY_SCALES ("0.75,7" ≈ 100k and 1M records).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWarehouse } from '../src/db/connection.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { createLogger } from '../src/log/logger.js';
import { benchLoader } from './loader.js';
import { benchMartsAtScale } from './marts-at-scale.js';
import { benchMemory } from './memory.js';
import { benchRateLimitedBuild } from './rate-limited-build.js';
import { secondsSince } from './stats.js';
import { type BenchRow, machine, renderTable, writeResults } from './table.js';

const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const loaderRows = Number(process.env.BENCH_LOADER_ROWS ?? 200_000);
const buildScale = Number(process.env.BENCH_BUILD_SCALE ?? 0.75);
const [smallScale, largeScale] = (process.env.BENCH_MEMORY_SCALES ?? '0.75,7').split(',').map(Number);
const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));

async function openBenchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, close: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port: 56000 + Math.floor(Math.random() * 1000),
    logger: createLogger({ level: 'error' }),
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
  const started = process.hrtime.bigint();
  // The machine is shared: its load before and after the run says how far to trust the figures.
  const loadBefore = loadavg()[0];
  const database = await openBenchDatabase();
  const warehouse = await openWarehouse(database.url, { poolSize: 16 });
  const rows: BenchRow[] = [];
  const step = async (name: string, work: () => Promise<BenchRow[]>) => {
    const at = process.hrtime.bigint();
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await work()));
    process.stderr.write(`bench: ${name} done in ${secondsSince(at).toFixed(0)} s\n`);
  };
  try {
    await step('loader', () => benchLoader(warehouse, loaderRows, repeat));
    await step('build against the rate limit', () => benchRateLimitedBuild(warehouse, database.url, buildScale, repeat));
    await step('memory, then marts at scale on the large build', () =>
      benchMemory(warehouse, database.url, smallScale, largeScale, (schema, sandbox) =>
        benchMartsAtScale(warehouse, database.url, schema, sandbox),
      ),
    );
  } finally {
    await warehouse.close();
    await database.close();
  }
  const seconds = secondsSince(started);
  const load = {
    before: Number(loadBefore.toFixed(1)),
    after: Number(loadavg()[0].toFixed(1)),
    overRun15min: Number(loadavg()[2].toFixed(1)),
  };
  const context = {
    repeat,
    loaderRows,
    buildScale,
    memoryScales: [smallScale, largeScale],
    seconds: Math.round(seconds),
    loadAverage: load,
  };
  writeResults(resultsPath, rows, context);
  const m = machine();
  process.stdout.write(`${renderTable(rows)}\n\n`);
  for (const row of rows) if (row.notes) process.stdout.write(`- ${row.name}: ${row.notes}\n`);
  process.stdout.write(
    `\n${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}; load average ${load.before} before, ${load.after} after (15-min ${load.overRun15min}); ${repeat} repetitions; ${Math.round(seconds)} s in all; written to bench/results.json\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
