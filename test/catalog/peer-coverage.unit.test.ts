/**
 * The comparison with tap-service-titan stays true: the README section and docs/peer/coverage.md are
 * exactly what `npm run generate:peer-coverage` makes of the vendored stream list and today's
 * catalog, every Atlas endpoint they name exists, and the vendored list's endpoint names agree with
 * the catalog. Also the classification's precedence, and the Python reader the list was made with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, findEndpoint } from '../../src/catalog/catalog.js';
import { catalogListing, type ListingRow } from '../../src/catalog/listing.js';
import { atlasOnlyEndpoints, classifyPeerStreams } from '../../scripts/peer/coverage.js';
import { atlasEndpointName } from '../../scripts/peer/endpoint-name.js';
import { peerEquivalents } from '../../scripts/peer/equivalents.js';
import { betweenMarkers } from '../../scripts/peer/markdown.js';
import { type PeerStream, readPeerStreams } from '../../scripts/peer/peer-streams.js';
import { readPythonClasses } from '../../scripts/peer/python-classes.js';
import { peerCoverageDocPath, peerCoverageMarker, renderCoverageDoc, renderReadmeSection } from '../../scripts/peer/render.js';
import { projectRoot } from '../support/project-root.js';

const regenerate = 'run npm run generate:peer-coverage';

describe('coverage against tap-service-titan', () => {
  const rows = catalogListing('atlas');
  const file = readPeerStreams(projectRoot);
  const coverage = classifyPeerStreams(file.streams, rows);
  const atlasOnly = atlasOnlyEndpoints(coverage, rows);

  it("the README's section is the table regenerated from the catalog", () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(betweenMarkers(readme, peerCoverageMarker), regenerate).toBe(renderReadmeSection(file, coverage, atlasOnly).trim());
  });

  it(`${peerCoverageDocPath} is the per-stream list regenerated from the catalog`, () => {
    expect(readFileSync(join(projectRoot, peerCoverageDocPath), 'utf8'), regenerate).toBe(renderCoverageDoc(file, coverage, atlasOnly));
  });

  it('every Atlas endpoint the comparison names exists; hand-made equivalents name one a default build extracts', () => {
    for (const c of coverage.filter((c) => c.atlasEndpoint !== null)) expect(findEndpoint(c.atlasEndpoint!), c.stream.stream).toBeDefined();
    const extracted = new Set(rows.filter((r) => r.extracted).map((r) => r.name));
    for (const [stream, equivalent] of Object.entries(peerEquivalents)) {
      expect({ stream, atlas: equivalent.atlas, extracted: extracted.has(equivalent.atlas) }).toEqual({
        stream,
        atlas: equivalent.atlas,
        extracted: true,
      });
      expect(file.streams.map((s) => s.stream)).toContain(stream);
    }
  });

  it('the vendored list is one commit, unique stream names, endpoint names as the catalog has them', () => {
    expect(file.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(new Set(file.streams.map((s) => s.stream)).size).toBe(file.streams.length);
    for (const s of file.streams)
      expect({ stream: s.stream, endpoint: atlasEndpointName(s.url, s.method, catalog) }).toEqual({
        stream: s.stream,
        endpoint: s.endpoint,
      });
  });

  it("a stream is 'not in catalog' only when no catalog GET has its path in any version (no naming slip)", () => {
    const shape = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');
    const documented = new Set(catalog.map((d) => `${d.module}/${shape(d.path)}`));
    for (const c of coverage.filter((c) => c.coverage === 'not in catalog')) {
      expect({ stream: c.stream.stream, documentedGet: c.stream.method === 'GET' && documented.has(shape(c.stream.endpoint)) }).toEqual({
        stream: c.stream.stream,
        documentedGet: false,
      });
    }
  });
});

describe('classifyPeerStreams', () => {
  const row = (name: string, extracted: boolean, optIn: boolean, reason: string | null): ListingRow => ({
    name,
    module: name.split('/')[0],
    version: 'v2',
    path: name.slice(name.indexOf('/') + 1),
    method: 'GET',
    kind: 'list',
    key: ['id'],
    extracted,
    optIn,
    mode: extracted || optIn ? 'list-full' : null,
    table: null,
    summary: '',
    reason,
  });
  const stream = (name: string, endpoint: string): PeerStream => ({
    stream: name,
    className: 'X',
    sourceFile: 'x.py',
    method: 'GET',
    url: `/m/v2/tenant/{tenant}/${endpoint}`,
    endpoint,
  });
  const rows = [
    row('m/a', true, false, null),
    row('m/b/{id}/notes', false, true, 'opt-in: one request per m/b row'),
    row('m/c', false, false, 'equivalent feed m/export/c'),
    row('m/export/c', true, false, null),
    row('m/d', false, false, 'no stable key: rows have no id'),
    row('m/e', false, false, 'not selected: no mart reads it yet'),
    row('m/f', true, false, null),
  ];

  it('takes the first class that applies: same endpoint, opt-in, hand-made, catalog equivalent, reason, absent', () => {
    const streams = [
      stream('a', 'm/a'),
      stream('notes', 'm/b/{id}/notes'),
      stream('c', 'm/c'),
      stream('d', 'm/d'),
      stream('e', 'm/e'),
      stream('g', 'm/g'),
      stream('a_too', 'm/a'),
    ];
    const handMade = { e: { atlas: 'm/f', reason: 'e rows are inside f' }, a_too: { atlas: 'm/f', reason: 'ignored: m/a is extracted' } };
    const got = classifyPeerStreams(streams, rows, handMade).map((c) => [c.stream.stream, c.coverage, c.atlasEndpoint, c.reason]);
    expect(got).toEqual([
      ['a', 'extracted', 'm/a', null],
      ['notes', 'opt-in', 'm/b/{id}/notes', null],
      ['c', 'equivalent', 'm/export/c', 'equivalent feed m/export/c'],
      ['d', 'not extracted', null, 'no stable key: rows have no id'],
      ['e', 'equivalent', 'm/f', 'e rows are inside f'],
      ['g', 'not in catalog', null, null],
      ['a_too', 'extracted', 'm/a', null],
    ]);
    // m/f is reached through e's hand-made equivalent, m/export/c through c's: nothing is Atlas-only.
    expect(atlasOnlyEndpoints(classifyPeerStreams(streams, rows, handMade), rows).map((r) => r.name)).toEqual([]);
    expect(atlasOnlyEndpoints(classifyPeerStreams(streams, rows, {}), rows).map((r) => r.name)).toEqual(['m/f']);
  });
});

describe('readPythonClasses', () => {
  it('reads headers over several lines, generic bases, keywords, body assignments and literal params', () => {
    const source = [
      'class _Base(ServiceTitanStream[DateRange], api_prefix="/crm/v2"):',
      '    pass',
      '',
      '',
      'class Notes(',
      '    _Base,',
      '    page_size=500,  # a comment',
      '):',
      '    """Notes."""',
      '',
      '    name = "customer_notes"',
      '    path: str = "/customers/{customer_id}/notes"  # per customer',
      '    http_method = HTTPMethod.POST',
      '',
      '    def get_url_params(self, context, token):',
      '        params["kind"] = "Campaign"',
      '        name = "not a class attribute"',
      '        return params',
      '',
      'def helper():',
      '    path = "/ignored"',
    ].join('\n');
    expect(readPythonClasses(source)).toEqual([
      { name: '_Base', bases: ['ServiceTitanStream'], keywords: { api_prefix: '/crm/v2' }, attributes: {}, literalParams: {} },
      {
        name: 'Notes',
        bases: ['_Base'],
        keywords: { page_size: '500' },
        attributes: { name: 'customer_notes', path: '/customers/{customer_id}/notes', http_method: 'HTTPMethod.POST' },
        literalParams: { kind: 'Campaign' },
      },
    ]);
  });
});
