/**
 * `atlas endpoints --json` says why every endpoint a default build skips is skipped, and the README's
 * coverage table counts exactly what the catalog says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogListing } from '../../src/catalog/listing.js';
import { projectRoot } from '../support/project-root.js';

const kinds: Record<string, string> = {
  'extracted by default': 'extracted',
  'opt-in': 'opt-in',
  'equivalent feed': 'equivalent feed',
  'by id': 'by id',
  'per-parent, not selected': 'per-parent',
  'not a collection': 'not a collection',
  'no stable key': 'no stable key',
  'carries a credential': 'carries a credential',
  'not selected': 'not selected',
};

function kindOf(reason: string | null): string {
  if (reason === null) return 'extracted';
  return reason.startsWith('equivalent feed ') ? 'equivalent feed' : reason.slice(0, reason.indexOf(':'));
}

describe('reasons for endpoints not extracted', () => {
  const rows = catalogListing('atlas');

  it('every endpoint not extracted by default has a reason of a known kind, and no extracted one has', () => {
    for (const row of rows) {
      expect({ name: row.name, hasReason: row.reason !== null }).toEqual({ name: row.name, hasReason: !row.extracted });
      expect(Object.values(kinds)).toContain(kindOf(row.reason));
    }
  });

  it('names an extracted endpoint for every equivalent feed', () => {
    const extracted = new Set(rows.filter((r) => r.extracted).map((r) => r.name));
    for (const row of rows.filter((r) => r.reason?.startsWith('equivalent feed '))) {
      const feed = row.reason!.slice('equivalent feed '.length).split(/[:\s]/)[0];
      expect({ name: row.name, feed, extracted: extracted.has(feed) }).toEqual({ name: row.name, feed, extracted: true });
    }
  });

  it("matches the README's coverage table", () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Coverage'));
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(kindOf(row.reason), (counted.get(kindOf(row.reason)) ?? 0) + 1);
    const stated = new Map<string, number>();
    for (const [label, kind] of Object.entries(kinds)) {
      const line = table.split('\n').find((l) => l.startsWith(`| ${label}`));
      stated.set(kind, Number(/\|\s*(\d+)\s*\|\s*$/.exec(line ?? '')?.[1]));
    }
    expect(stated).toEqual(new Map([...Object.values(kinds)].map((kind) => [kind, counted.get(kind) ?? 0])));
    expect(table).toContain(`Of the ${rows.filter((r) => r.method === 'GET').length} GET endpoints`);
    expect(rows.filter((r) => r.method === 'POST').map((r) => r.name)).toEqual(['dispatch/capacity']);
  });
});
