/**
 * Writes the comparison with tap-service-titan from the vendored stream list and the catalog:
 *
 *   npm run generate:peer-coverage
 *
 * replaces the README.md section between `<!-- peer-coverage:start -->` and `<!-- peer-coverage:end -->`
 * and writes docs/peer/coverage.md. test/catalog/peer-coverage.unit.test.ts fails until this has
 * been run after a catalog change. Fails, writing nothing, when a hand-made equivalent names an
 * endpoint a default build does not extract.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogListing } from '../src/catalog/listing.js';
import { atlasOnlyEndpoints, classifyPeerStreams } from './peer/coverage.js';
import { peerEquivalents } from './peer/equivalents.js';
import { replaceBetweenMarkers } from './peer/markdown.js';
import { readPeerStreams } from './peer/peer-streams.js';
import { peerCoverageDocPath, peerCoverageMarker, renderCoverageDoc, renderReadmeSection } from './peer/render.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const rows = catalogListing('atlas');
  const extracted = new Set(rows.filter((r) => r.extracted).map((r) => r.name));
  for (const [stream, equivalent] of Object.entries(peerEquivalents)) {
    if (!extracted.has(equivalent.atlas)) throw new Error(`equivalent of ${stream}: ${equivalent.atlas} is not extracted by default`);
  }
  const file = readPeerStreams(projectRoot);
  const coverage = classifyPeerStreams(file.streams, rows);
  const atlasOnly = atlasOnlyEndpoints(coverage, rows);
  const unused = Object.keys(peerEquivalents).filter((s) => coverage.find((c) => c.stream.stream === s)?.coverage !== 'equivalent');
  for (const stream of unused)
    process.stderr.write(`generate-peer-coverage: equivalent for ${stream} unused (Atlas extracts its endpoint)\n`);

  const readmePath = join(projectRoot, 'README.md');
  const readme = replaceBetweenMarkers(
    readFileSync(readmePath, 'utf8'),
    peerCoverageMarker,
    renderReadmeSection(file, coverage, atlasOnly),
  );
  writeFileSync(readmePath, readme);
  writeFileSync(join(projectRoot, peerCoverageDocPath), renderCoverageDoc(file, coverage, atlasOnly));

  const counts = new Map<string, number>();
  for (const c of coverage) counts.set(c.coverage, (counts.get(c.coverage) ?? 0) + 1);
  process.stdout.write(
    `peer coverage: ${coverage.length} streams (${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}); ${atlasOnly.length} Atlas-only endpoints\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`generate-peer-coverage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
