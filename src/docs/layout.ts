/**
 * The frame of every page: head (stylesheet, no favicon request), the header with the navigation
 * and the search box, and the page body. `path` is the page's own path from the site root, so
 * links and assets are relative and the site works from disk (file://) and from `--serve` alike.
 */
import { type Html, html } from './html.js';
import { rootFrom } from './site-paths.js';

export interface PageSpec {
  path: string;
  title: string;
  body: Html;
}

export function layout({ path, title, body }: PageSpec): string {
  const root = rootFrom(path);
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Atlas data dictionary</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body data-root="${root}">
<header class="top">
  <a class="brand" href="${root}index.html">Atlas data dictionary</a>
  <nav><a href="${root}index.html">Index</a><a href="${root}lineage.html">Lineage</a></nav>
  <div class="search">
    <input id="search" type="search" placeholder="Search names and column descriptions" autocomplete="off" aria-label="Search">
    <ol id="search-results" hidden></ol>
  </div>
</header>
<main>
${body}
</main>
<script src="${root}assets/search-index.js"></script>
<script src="${root}assets/search.js"></script>
</body>
</html>
`}`;
}
