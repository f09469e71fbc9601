/**
 * Atlas as an npm package: the tarball holds the compiled library, the sandbox the demo/sandbox
 * commands load, and the migrations — nothing else; a program that imports it by name (through
 * package.json `exports`) gets the documented API, with types, and loads no sandbox module.
 * Uses the compiled dist/ (built before the tests).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/harness.js';
import { tracedEnv } from '../support/module-trace/trace.js';

const run = promisify(execFile);

/** The documented library surface (src/index.ts), runtime values only. */
const publicValues = [
  'AtlasError',
  'ConfigError',
  'ApiError',
  'exitCodeFor',
  'createLogger',
  'loadConfig',
  'catalog',
  'findEndpoint',
  'resolveEndpoint',
  'extractedEndpoints',
  'endpointUrl',
  'ServiceTitanClient',
  'openWarehouse',
  'openConfiguredWarehouse',
  'migrate',
  'runBuild',
  'logProgress',
  'readStatus',
];

let consumer: string;

beforeAll(() => {
  // A program of its own with Atlas installed under its package name (a link to this checkout).
  consumer = mkdtempSync(join(tmpdir(), 'atlas-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(projectRoot, join(consumer, 'node_modules', 'atlas'), 'dir');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
});

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe('the atlas package', () => {
  it('packs dist/src, dist/sandbox, dist/migrations and the SQL models, and nothing else', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot });
    const paths = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((file) => file.path);
    const unexpected = paths.filter(
      (path) => !/^(dist\/(src|sandbox|migrations)\/|models\/.+\.(sql|md)$|package\.json$|README\.md$|LICENSE)/.test(path),
    );
    expect(unexpected).toEqual([]);
    for (const needed of [
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/main.js',
      'dist/src/catalog/data/crm.json',
      'dist/sandbox/index.js',
      'dist/migrations/001_bookkeeping.js',
      'models/marts/revenue_daily.sql',
      'models/staging/crm_customers.sql',
    ]) {
      expect(paths).toContain(needed);
    }
  });

  it("import('atlas') resolves through exports to the documented API and loads no sandbox module", async () => {
    const trace = tracedEnv({ PATH: process.env.PATH, HOME: process.env.HOME });
    const script = "const atlas = await import('atlas'); console.log(JSON.stringify(Object.keys(atlas).sort()));";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, env: trace.env });
    const names = JSON.parse(stdout) as string[];
    expect(names).toEqual(expect.arrayContaining(publicValues));
    expect(names).not.toContain('startSandbox');
    const modules = trace.loadedModules();
    expect(modules).toContain(pathToFileURL(join(projectRoot, 'dist/src/index.js')).href);
    expect(modules.filter((url) => url.startsWith(pathToFileURL(join(projectRoot, 'dist/sandbox/')).href))).toEqual([]);
  });

  it('has types: a TypeScript program importing atlas type-checks, and the sandbox is not among its exports', () => {
    const good = join(consumer, 'good.ts');
    const bad = join(consumer, 'bad.ts');
    writeFileSync(
      good,
      [
        "import { loadConfig, runBuild, type AtlasConfig, type BuildSummary } from 'atlas';",
        "export async function build(config: AtlasConfig): Promise<BuildSummary['ok']> {",
        '  const loaded: AtlasConfig = await loadConfig({ requireTenants: false });',
        '  return typeof runBuild === "function" && loaded.schema === config.schema;',
        '}',
      ].join('\n'),
    );
    writeFileSync(bad, "import { startSandbox } from 'atlas';\nexport const start = startSandbox;\n");
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(projectRoot, 'node_modules/@types')],
    };
    const program = ts.createProgram([good, bad], options);
    const problems = (file: string) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(problems(good)).toEqual([]);
    expect(problems(bad)).toEqual([expect.stringMatching(/^2305: Module '"atlas"' has no exported member 'startSandbox'/)]);
    // The types came from the package's declared entry, not from its sources.
    const declared = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).exports['.'].types as string;
    expect(program.getSourceFiles().map((f) => f.fileName)).toContain(join(projectRoot, declared).replaceAll('\\', '/'));
  });
});
