/**
 * Realistic records for the loader benchmark: customers, jobs and invoices exactly as the sandbox
 * serves them (about 0.6, 1 and 3.3 kB of JSON each), repeated with fresh ids until there are
 * enough. Three endpoints, one staging table each, in pages of the sandbox's largest export batch.
 */
import type { EndpointDescriptor } from '../src/catalog/types.js';
import { startSandbox } from '../sandbox/index.js';

export const BENCH_PAGE_SIZE = 500;

export interface BenchFeed {
  descriptor: EndpointDescriptor;
  pages: Record<string, unknown>[][];
}

const SHAPES = [
  { endpoint: 'crm/export/customers', table: 'customers' },
  { endpoint: 'jpm/export/jobs', table: 'jobs' },
  { endpoint: 'accounting/export/invoices', table: 'invoices' },
];

function descriptorFor(endpoint: string, table: string): EndpointDescriptor {
  return {
    name: `bench/${endpoint}`,
    module: 'bench',
    version: 'v2',
    path: endpoint,
    kind: 'export',
    pathParams: [],
    key: ['id'],
    keyTypes: { id: 'bigint' },
    changeField: 'modifiedOn',
    defaultQuery: {},
    queryParams: [],
    summary: '',
    extract: { mode: 'export', table, optIn: false },
  };
}

/** `total` records split evenly over the three shapes, each record a fresh object with a unique id. */
export async function realisticFeeds(total: number): Promise<BenchFeed[]> {
  const sandbox = await startSandbox({ scale: 0.5, seed: 1 });
  try {
    return SHAPES.map(({ endpoint, table }) => {
      const source = sandbox.truth(endpoint);
      const count = Math.ceil(total / SHAPES.length);
      const records = Array.from({ length: count }, (_, i) => {
        const record = structuredClone(source[i % source.length]);
        record.id = 10_000_000 + i;
        return record;
      });
      const pages: Record<string, unknown>[][] = [];
      for (let i = 0; i < records.length; i += BENCH_PAGE_SIZE) pages.push(records.slice(i, i + BENCH_PAGE_SIZE));
      return { descriptor: descriptorFor(endpoint, table), pages };
    });
  } finally {
    await sandbox.close();
  }
}

export function recordCount(feeds: BenchFeed[]): number {
  return feeds.reduce((sum, feed) => sum + feed.pages.reduce((s, page) => s + page.length, 0), 0);
}
