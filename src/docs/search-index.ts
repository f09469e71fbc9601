/**
 * The search index: one entry per page (name, kind, grain or endpoint) and one per column (with its
 * meaning), written as `assets/search-index.js` setting `window.ATLAS_SEARCH`. Hrefs are relative
 * to the site root; the search script prefixes the page's way back to it.
 */
import type { DocsFacts } from './facts.js';
import { modelColumns } from './model-columns.js';
import { pagePath } from './site-paths.js';

export interface SearchEntry {
  name: string;
  kind: string;
  href: string;
  text: string;
}

export function searchEntries(facts: DocsFacts): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const entry of facts.models) {
    const { model, layer } = entry;
    const href = pagePath(layer, model.name);
    const kind = layer === 'view' ? 'typed view' : layer === 'mart' ? 'mart' : 'intermediate model';
    entries.push({ name: model.name, kind, href, text: [model.header.grain, model.header.description].filter(Boolean).join('. ') });
    for (const column of modelColumns(facts, entry)) {
      entries.push({
        name: `${model.name}.${column.name}`,
        kind: `${kind} column`,
        href: `${href}#column-${column.name}`,
        text: column.meaning,
      });
    }
  }
  for (const { table, endpoint } of facts.staging) {
    entries.push({ name: table, kind: 'staging table', href: pagePath('staging', table), text: `${endpoint.name}: ${endpoint.summary}` });
  }
  return entries;
}

/** A script, not JSON: `fetch` of a local file fails under file://. `<` is escaped so no `</script>` can appear. */
export function searchIndexScript(entries: SearchEntry[]): string {
  return `window.ATLAS_SEARCH = ${JSON.stringify(entries).replace(/</g, '\\u003c')};\n`;
}
