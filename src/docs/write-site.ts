/**
 * Writes the data dictionary: index, lineage, a page per model and per staging table, the
 * stylesheet, the search script and its index. Returns the pages written (paths from the site
 * root). The output folder is created; files of earlier runs with the same paths are replaced.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SEARCH_JS, SITE_CSS } from './assets.js';
import type { DocsFacts } from './facts.js';
import { modelPage } from './model-page.js';
import { indexPage, lineagePage } from './overview-pages.js';
import { searchEntries, searchIndexScript } from './search-index.js';
import { stagingPage, tenantsPage } from './staging-page.js';

export interface WrittenSite {
  dir: string;
  pages: string[];
}

export async function writeDocsSite(dir: string, facts: DocsFacts): Promise<WrittenSite> {
  const pages = [
    indexPage(facts),
    await lineagePage(facts),
    ...(await Promise.all(facts.models.map((entry) => modelPage(facts, entry)))),
    ...facts.staging.map((entry) => stagingPage(facts, entry)),
    tenantsPage(facts),
  ];
  const files = [
    ...pages,
    { path: 'assets/site.css', content: SITE_CSS },
    { path: 'assets/search.js', content: SEARCH_JS },
    { path: 'assets/search-index.js', content: searchIndexScript(searchEntries(facts)) },
  ];
  for (const file of files) {
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return { dir, pages: pages.map((p) => p.path) };
}
