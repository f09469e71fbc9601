/**
 * Peak memory of `atlas build` (the compiled CLI, its own process) against sandboxes of two sizes,
 * without rate limit or latency: flat memory means the larger build stays within 1.3× of the
 * smaller. Peak RSS is the kernel's high-water mark (VmHWM in /proc/<pid>/status, Linux), read
 * every 100 ms while the build runs; it only grows, so the last reading is the peak.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warehouse } from '../src/db/connection.js';
import { type SandboxProcess, startSandboxProcess } from './sandbox-process.js';
import type { BenchRow } from './table.js';

const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

function highWaterMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Work on the built schema while its sandbox still runs (the marts case uses the large build). */
export type AfterBuild = (schema: string, sandbox: SandboxProcess) => Promise<BenchRow[]>;

async function buildPeak(
  warehouse: Warehouse,
  url: string,
  scale: number,
  afterBuild?: AfterBuild,
): Promise<{ peakMb: number; records: number; after: BenchRow[] }> {
  const sandbox = await startSandboxProcess(scale);
  const schema = `bench_mem_${String(scale).replace('.', '_')}`;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-mem-'));
  try {
    await warehouse.pool.query(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_marts cascade`);
    const config = {
      database: url,
      schema,
      martsSchema: `${schema}_marts`,
      concurrency: 8,
      tenants: [
        {
          name: 'bench',
          tenantId: sandbox.tenantId,
          ...sandbox.credentials,
          apiUrl: sandbox.apiUrl,
          authUrl: sandbox.authUrl,
          environment: 'integration',
          requestsPerSecond: 1000,
        },
      ],
    };
    const file = join(dir, 'atlas.config.json');
    writeFileSync(file, JSON.stringify(config));
    const child = spawn(process.execPath, [cli, 'build', '--config', file, '--json', '--log-level', 'error'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    let peakMb = 0;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, highWaterMb(child.pid!) ?? 0)), 100);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(sampler);
    if (code !== 0) throw new Error(`atlas build exited with ${code}: ${err.slice(0, 500)}`);
    const { rows } = await warehouse.pool.query(`select coalesce(sum(rows_received), 0)::bigint as received from ${schema}._run_endpoints`);
    const after = afterBuild ? await afterBuild(schema, sandbox) : [];
    return { peakMb, records: Number(rows[0].received), after };
  } finally {
    sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
    await warehouse.pool.query(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_marts cascade`);
  }
}

export async function benchMemory(
  warehouse: Warehouse,
  url: string,
  smallScale: number,
  largeScale: number,
  afterLargeBuild?: AfterBuild,
): Promise<BenchRow[]> {
  const small = await buildPeak(warehouse, url, smallScale);
  const large = await buildPeak(warehouse, url, largeScale, afterLargeBuild);
  const ratio = large.peakMb / small.peakMb;
  return [
    {
      name: `peak RSS, build of ${Math.round(large.records / 1000)}k records`,
      median: large.peakMb,
      min: large.peakMb,
      max: large.peakMb,
      unit: 'MB',
      repetitions: 1,
      baseline: `${Math.round(small.records / 1000)}k records: ${small.peakMb.toFixed(0)} MB`,
      ratio,
      target: '≤ 1.3× and < 400 MB',
      met: ratio <= 1.3 && large.peakMb < 400,
      notes: `${small.records.toLocaleString('en-US')} vs ${large.records.toLocaleString('en-US')} records received`,
    },
    ...large.after,
  ];
}
