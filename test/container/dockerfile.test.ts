/**
 * The Dockerfile and docker-compose.yml, checked where Docker is absent: the Dockerfile is parsed
 * (multi-stage, `npm ci --omit=dev`, a non-root user, every copied path exists, the entrypoint is
 * what the build stage compiles), and its runtime stage is assembled in a temp dir the way the
 * image gets it — package files, the production dependency tree only (`npm ls --omit=dev`), the
 * compiled dist/ and models/ — where `atlas` must start, and `atlas status` must reach Postgres.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabases } from '../support/database.js';
import { projectRoot } from '../support/harness.js';

interface Instruction {
  op: string;
  args: string;
}

/** Stages of a Dockerfile: instructions with continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Array<{ name: string | null; instructions: Instruction[] }> {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const stages: Array<{ name: string | null; instructions: Instruction[] }> = [];
  for (const line of lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const [op, ...rest] = line.split(/\s+/);
    const instruction = { op: op.toUpperCase(), args: rest.join(' ') };
    if (instruction.op === 'FROM') stages.push({ name: /\sAS\s+(\S+)/i.exec(line)?.[1] ?? null, instructions: [] });
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  await dropTestDatabases();
});

describe('Dockerfile', () => {
  it('is multi-stage, installs production dependencies only, runs as a non-root user', async () => {
    const stages = parseDockerfile(await readFile(join(projectRoot, 'Dockerfile'), 'utf8'));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const [build, runtime] = [stages[0], stages.at(-1)!];
    expect(build.instructions.some((i) => i.op === 'RUN' && /\btsc\b/.test(i.args))).toBe(true);
    const runs = runtime.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /npm ci\b.*--omit=dev/.test(r))).toBe(true);
    const user = runtime.instructions.filter((i) => i.op === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(user?.args).not.toMatch(/^(root|0)(:|$)/);
    for (const stage of stages) {
      for (const copy of stage.instructions.filter((i) => i.op === 'COPY' && !i.args.includes('--from'))) {
        const sources = copy.args.split(/\s+/).slice(0, -1);
        for (const source of sources) expect({ source, exists: existsSync(join(projectRoot, source)) }).toEqual({ source, exists: true });
      }
    }
    const fromBuild = runtime.instructions.find((i) => i.op === 'COPY' && i.args.includes(`--from=${build.name}`));
    expect(fromBuild?.args).toMatch(/\/app\/dist \.\/dist$/);
    const entrypoint = JSON.parse(runtime.instructions.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
    expect(entrypoint.slice(0, 2)).toEqual(['node', 'dist/src/cli/main.js']);
    expect(existsSync(join(projectRoot, entrypoint[1]))).toBe(true);
    expect(JSON.parse(runtime.instructions.find((i) => i.op === 'CMD')!.args)).toEqual(['worker']);
  });

  it("its runtime stage's files start atlas and reach Postgres without any dev dependency", async () => {
    const app = await mkdtemp(join(tmpdir(), 'atlas-image-'));
    made.push(app);
    for (const file of ['package.json', 'package-lock.json', 'dist', 'models'])
      await cp(join(projectRoot, file), join(app, file), { recursive: true });
    const production = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: projectRoot, encoding: 'utf8' })
      .split('\n')
      .filter((path) => path.includes('node_modules'));
    expect(production.some((p) => p.endsWith('node_modules/graphile-worker'))).toBe(true);
    expect(production.some((p) => p.endsWith('node_modules/vitest'))).toBe(false);
    for (const path of production) await cp(path, join(app, relative(projectRoot, path)), { recursive: true });

    const atlas = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      execFileSync(process.execPath, ['dist/src/cli/main.js', ...args], {
        cwd: app,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ...env },
      });
    expect(atlas(['--help'])).toMatch(/\bworker\b/);
    expect(atlas(['worker', '--help'])).toContain('--sync-now');
    const url = await createTestDatabase();
    expect(atlas(['status'], { DATABASE_URL: url })).toContain('The warehouse has not been built yet');
  }, 120_000);
});

describe('docker-compose.yml', () => {
  it('brings up postgres:15 and atlas worker with a mounted config and secrets from the environment', async () => {
    const compose = await readFile(join(projectRoot, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/^ {4}image: postgres:15$/m);
    const worker = /^ {2}atlas-worker:\n((?: {4}.*\n|\s*\n)+)/m.exec(compose)?.[1] ?? '';
    expect(worker).toMatch(/build: \./);
    expect(worker).toMatch(/command: \["worker"\]/);
    expect(worker).toMatch(/- \.\/atlas\.config\.json:\/config\/atlas\.config\.json:ro/);
    for (const name of ['ST_CLIENT_ID', 'ST_CLIENT_SECRET', 'ST_APP_KEY']) expect(worker).toContain(`${name}: \${${name}:-}`);
    expect(worker).toMatch(/condition: service_healthy/);
  });
});
