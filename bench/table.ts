/**
 * The benchmark's result rows: printed as a table and written to bench/results.json. Every row is
 * a median with its spread over the repetitions, compared with a baseline measured in the same
 * run (the machine is shared and noisy; only ratios within one run are claims).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  name: string;
  /** Median of the repetitions, in `unit`. */
  median: number;
  min: number;
  max: number;
  unit: string;
  repetitions: number;
  /** What the ratio compares with, and the baseline's median in the same unit when it has one. */
  baseline: string;
  ratio: number;
  /** The target, in words, and whether the median ratio meets it (null: nothing to meet). */
  target: string;
  met: boolean | null;
  /** Anything a reader needs to interpret the row (sizes, request counts). */
  notes?: string;
}

const format = (value: number): string =>
  Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 100 ? 0 : 2);

export function renderTable(rows: BenchRow[]): string {
  const header = ['case', 'median', 'spread (min–max)', 'baseline', 'ratio', 'target', 'met'];
  const body = rows.map((row) => [
    row.name,
    `${format(row.median)} ${row.unit}`,
    `${format(row.min)}–${format(row.max)} (n=${row.repetitions})`,
    row.baseline,
    `${row.ratio.toFixed(2)}×`,
    row.target,
    row.met === null ? '–' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function writeResults(path: string, rows: BenchRow[], context: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), ...context, rows }, null, 2)}\n`);
}
