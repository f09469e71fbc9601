/**
 * Writes docs/peer/tap-service-titan-streams.json from a git copy of MeltanoLabs/tap-service-titan:
 *
 *   npm run generate:peer-streams -- --repo /path/to/tap-service-titan[/.git] [--commit REV]
 *
 * Reads, at that commit (default HEAD), the streams `discover_streams` in tap_service_titan/tap.py
 * always returns, and for each its class in tap_service_titan/streams/*.py, resolving `name`,
 * `path`, `http_method` and the `api_prefix` class keyword through the classes it inherits from in
 * the same file. Fails, writing nothing, when a stream's name, path or prefix cannot be read or two
 * streams share a name. The peer's repository is only read (git show), never changed.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { catalog } from '../../src/catalog/catalog.js';
import { atlasEndpointName } from './endpoint-name.js';
import { type PeerStream, type PeerStreamsFile, peerStreamsPath } from './peer-streams.js';
import { type PythonClass, readPythonClasses } from './python-classes.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repository = 'MeltanoLabs/tap-service-titan';
const packageDir = 'tap_service_titan';
const streamBases = new Set(['ServiceTitanStream', 'ServiceTitanExportStream']);

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `name`, `path`, `http_method`, `api_prefix` of a class, the nearest definition up its same-file bases winning. */
function resolveClass(cls: PythonClass, byName: Map<string, PythonClass>): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  const visit = (c: PythonClass): void => {
    for (const key of ['name', 'path', 'http_method', 'parent_stream_type']) found[key] ??= c.attributes[key];
    found.api_prefix ??= c.keywords.api_prefix;
    for (const base of c.bases) {
      const parent = byName.get(base);
      if (parent) visit(parent);
    }
  };
  visit(cls);
  return found;
}

function methodOf(value: string | undefined): 'GET' | 'POST' {
  if (value === undefined || /\bGET\b/.test(value)) return 'GET';
  if (/\bPOST\b/.test(value)) return 'POST';
  throw new Error(`unexpected http_method ${value}`);
}

function readStreams(repo: string, commit: string): Pick<PeerStreamsFile, 'streams' | 'notCounted'> {
  const tap = git(repo, 'show', `${commit}:${packageDir}/tap.py`);
  const listed = [...tap.matchAll(/streams\.(\w+)\.(\w+)\(self\)/g)].map((m) => ({ file: m[1], className: m[2] }));
  const files = new Map<string, PythonClass[]>();
  const classesOf = (file: string): PythonClass[] => {
    if (!files.has(file)) files.set(file, readPythonClasses(git(repo, 'show', `${commit}:${packageDir}/streams/${file}.py`)));
    return files.get(file)!;
  };
  const streams: PeerStream[] = listed.map(({ file, className }) => {
    const classes = classesOf(file);
    const byName = new Map(classes.map((c) => [c.name, c]));
    const cls = byName.get(className);
    if (!cls) throw new Error(`class ${className} not found in streams/${file}.py`);
    const resolved = resolveClass(cls, byName);
    if (!resolved.name || !resolved.path || !resolved.api_prefix) throw new Error(`${className}: name, path or api_prefix not read`);
    const url = `${resolved.api_prefix}/tenant/{tenant}${resolved.path}`;
    const method = methodOf(resolved.http_method);
    const query = Object.keys(cls.literalParams).length > 0 ? cls.literalParams : undefined;
    return {
      stream: resolved.name,
      className,
      sourceFile: `${packageDir}/streams/${file}.py`,
      method,
      url,
      endpoint: atlasEndpointName(url, method, catalog),
      ...(query ? { query } : {}),
      // A class name for now (the parent may be in another file); replaced by its stream name below.
      ...(resolved.parent_stream_type ? { parentStream: resolved.parent_stream_type } : {}),
    };
  });
  const streamOfClass = new Map(streams.map((s) => [s.className, s.stream]));
  for (const s of streams.filter((s) => s.parentStream !== undefined)) {
    const parent = streamOfClass.get(s.parentStream!);
    if (!parent) throw new Error(`${s.className}: parent ${s.parentStream} is not a listed stream`);
    s.parentStream = parent;
  }
  const names = streams.map((s) => s.stream);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`two streams are named ${duplicate}`);

  // Stream classes the tap makes only from its configuration (one per configured custom report).
  const listedClasses = new Set(listed.map((l) => l.className));
  const streamFiles = git(repo, 'ls-tree', '--name-only', `${commit}:${packageDir}/streams`)
    .split('\n')
    .filter((f) => f.endsWith('.py') && f !== '__init__.py');
  const notCounted: PeerStreamsFile['notCounted'] = [];
  for (const file of streamFiles.map((f) => f.replace(/\.py$/, ''))) {
    const source = git(repo, 'show', `${commit}:${packageDir}/streams/${file}.py`);
    const classes = classesOf(file);
    const byName = new Map(classes.map((c) => [c.name, c]));
    for (const cls of classes.filter((c) => !c.name.startsWith('_') && !listedClasses.has(c.name))) {
      if (!cls.bases.some((b) => streamBases.has(b) || byName.get(b)?.keywords.api_prefix !== undefined)) continue;
      const resolved = resolveClass(cls, byName);
      // The path is an f-string given to the constructor: `path=f"/report-category/{self._report.category}/…"`.
      const path = /\bpath=f?"([^"]+)"/.exec(source.slice(source.indexOf(`class ${cls.name}(`)))?.[1];
      if (!path || !resolved.api_prefix) throw new Error(`${cls.name}: path or api_prefix not read`);
      notCounted.push({
        className: cls.name,
        sourceFile: `${packageDir}/streams/${file}.py`,
        method: methodOf(resolved.http_method),
        url: `${resolved.api_prefix}/tenant/{tenant}${path.replace(/\{[^}]*?(\w+)\}/g, '{$1}')}`,
        why: 'not in discover_streams list: the tap adds one stream of this class per report in its custom_reports setting',
      });
    }
  }
  return { streams, notCounted };
}

function main(): void {
  const { values } = parseArgs({ options: { repo: { type: 'string' }, commit: { type: 'string' } }, strict: true });
  if (!values.repo) throw new Error('--repo <git copy of MeltanoLabs/tap-service-titan> is required');
  const commit = git(values.repo, 'rev-parse', `${values.commit ?? 'HEAD'}^{commit}`).trim();
  const committedOn = git(values.repo, 'show', '-s', '--format=%cI', commit).trim();
  const { streams, notCounted } = readStreams(values.repo, commit);
  const file: PeerStreamsFile = {
    repository,
    commit,
    committedOn,
    notes: [
      `Read by scripts/peer/read-tap-streams.ts from ${packageDir}/tap.py (discover_streams) and ${packageDir}/streams/*.py at this commit.`,
      'url is the peer path template after the API host, with its own placeholder names; endpoint is the same under Atlas names.',
      ...streams
        .filter((s) => s.endpoint.split('/')[0] !== s.url.split('/')[1])
        .map(
          (s) =>
            `${s.stream}: the peer's URL segment ${s.url.split('/')[1]} differs from the OpenAPI documents' ${s.endpoint.split('/')[0]}.`,
        ),
    ],
    streams,
    notCounted,
  };
  const out = join(projectRoot, peerStreamsPath);
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
  execFileSync('npx', ['biome', 'format', '--write', out], { cwd: projectRoot, stdio: 'ignore' });
  process.stdout.write(`${streams.length} streams (+${notCounted.length} configured per report) at ${commit} → ${peerStreamsPath}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`read-tap-streams: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
