import { describe, expect, it } from 'vitest';
import { extractedEndpoints } from '../../src/catalog/index.js';
import { JOB_VOLUME_FEEDS, longestFirst } from '../../src/pipeline/endpoint-order.js';

const catalog = extractedEndpoints();
const names = (list: { name: string }[]) => list.map((d) => d.name);

describe('longestFirst', () => {
  it('names only export feeds of the catalog as job-volume feeds', () => {
    const byName = new Map(catalog.map((d) => [d.name, d]));
    for (const name of JOB_VOLUME_FEEDS) expect(byName.get(name)?.extract?.mode, name).toBe('export');
  });

  it('without history: job-volume feeds in their order, then other exports and window walks, then lists, each in catalog order', () => {
    const chain = (d: { extract: { mode: string } | null } | undefined) => d?.extract?.mode === 'export' || d?.extract?.mode === 'window';
    const ordered = longestFirst(catalog, new Map());
    expect(names(ordered.slice(0, JOB_VOLUME_FEEDS.length))).toEqual(JOB_VOLUME_FEEDS);
    const rest = ordered.slice(JOB_VOLUME_FEEDS.length);
    const firstList = rest.findIndex((d) => !chain(d));
    expect(rest.slice(firstList).every((d) => !chain(d))).toBe(true);
    expect(names(rest)).toEqual(
      names(catalog.filter((d) => !JOB_VOLUME_FEEDS.includes(d.name))).sort((a, b) => {
        const exportFirst = (n: string) => (chain(catalog.find((d) => d.name === n)) ? 0 : 1);
        return exportFirst(a) - exportFirst(b) || names(catalog).indexOf(a) - names(catalog).indexOf(b);
      }),
    );
    expect(ordered).toHaveLength(catalog.length);
  });

  it('with history: most pages in the last run first, whatever the prior says', () => {
    const list = catalog.find((d) => d.extract?.mode !== 'export')!;
    const ordered = longestFirst(
      catalog,
      new Map([
        [list.name, 40],
        [JOB_VOLUME_FEEDS[3], 50],
      ]),
    );
    expect(names(ordered.slice(0, 2))).toEqual([JOB_VOLUME_FEEDS[3], list.name]);
  });
});
