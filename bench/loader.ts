/**
 * Loader cases. The same realistic records (customers, jobs, invoices; bench/realistic-records.ts)
 * go through Atlas's real loader into fresh staging tables, again unchanged, through a plain COPY
 * (the physical limit; bench/copy-baseline.ts) and through the seed's per-page approach
 * (bench/seed-baseline.ts, once: it is the slow one). Ratios are taken per repetition and their
 * median reported.
 */
import type { Warehouse } from '../src/db/connection.js';
import { atlasLoad, prepareAtlasSchema } from './atlas-loader.js';
import { copyBaseline } from './copy-baseline.js';
import { realisticFeeds, recordCount } from './realistic-records.js';
import { seedBaseline } from './seed-baseline.js';
import { median, spread } from './stats.js';
import type { BenchRow } from './table.js';

export async function benchLoader(warehouse: Warehouse, total: number, repeat: number): Promise<BenchRow[]> {
  const feeds = await realisticFeeds(total);
  const rows = recordCount(feeds);
  const copy: number[] = [];
  const fresh: number[] = [];
  const again: number[] = [];
  for (let r = 0; r < repeat; r++) {
    copy.push(rows / (await copyBaseline(warehouse, 'bench_copy', feeds)));
    await warehouse.pool.query('drop schema if exists bench_copy cascade');
    await prepareAtlasSchema(warehouse, 'bench_loader', feeds);
    const first = await atlasLoad(warehouse, 'bench_loader', feeds);
    if (first.inserted !== rows) throw new Error(`loader inserted ${first.inserted} of ${rows} rows`);
    fresh.push(rows / first.seconds);
    const second = await atlasLoad(warehouse, 'bench_loader', feeds);
    if (second.unchanged !== rows) throw new Error(`reloading unchanged rows rewrote ${rows - second.unchanged}`);
    again.push(rows / second.seconds);
  }
  const seed = rows / (await seedBaseline(warehouse, 'bench_seed', feeds));
  await warehouse.pool.query('drop schema if exists bench_seed cascade; drop schema if exists bench_loader cascade');

  const copyMedian = median(copy);
  const perRepetition = (values: number[]) => values.map((v, i) => v / copy[i]);
  const size = `${rows.toLocaleString('en-US')} records (customer, job, invoice shapes), pages of 500`;
  const rate = (name: string, values: number[], ratio: number, target: string, goal: number): BenchRow => ({
    name,
    median: median(values),
    ...spread(values),
    unit: 'rows/s',
    repetitions: values.length,
    baseline: `COPY ${Math.round(copyMedian).toLocaleString('en-US')} rows/s`,
    ratio,
    target,
    met: ratio >= goal,
    notes: size,
  });
  return [
    rate('loader, fresh staging table', fresh, median(perRepetition(fresh)), '≥ 0.70× COPY', 0.7),
    rate('loader, same rows again (unchanged)', again, median(perRepetition(again)), '≥ 1.00× COPY', 1),
    {
      name: "loader vs the seed's per-page merge",
      median: median(fresh),
      ...spread(fresh),
      unit: 'rows/s',
      repetitions: fresh.length,
      baseline: `seed approach ${Math.round(seed).toLocaleString('en-US')} rows/s (n=1)`,
      ratio: median(fresh) / seed,
      target: '≥ 10× the seed',
      met: median(fresh) / seed >= 10,
      notes: size,
    },
  ];
}
