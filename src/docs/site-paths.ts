/**
 * Where each page of the dictionary lives, relative to the site root. Typed views share their
 * staging table's name, so every kind has its own folder.
 */
import type { ModelLayer } from './facts.js';

export type PageKind = ModelLayer | 'staging';

const FOLDERS: Record<PageKind, string> = { mart: 'marts', intermediate: 'intermediate', view: 'views', staging: 'staging' };

/** `marts/revenue_daily.html`; names are plain identifiers (checked by the model loader and the catalog). */
export function pagePath(kind: PageKind, name: string): string {
  return `${FOLDERS[kind]}/${name}.html`;
}

/** From a page at `from` back to the site root: `''` or `'../'`. */
export function rootFrom(from: string): string {
  return '../'.repeat(from.split('/').length - 1);
}
