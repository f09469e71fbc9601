/**
 * The site's static assets, kept as strings so they ship inside dist/ with the code: the
 * stylesheet and the search script. The search script reads `window.ATLAS_SEARCH` (written by
 * search-index.ts into assets/search-index.js — a script, not JSON, so it loads from file:// too)
 * and shows the entries whose name or text contains every word typed, case-insensitively.
 */
export const SITE_CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #2f6db5; --bg: #f7f9fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: #102a43; color: #fff; position: sticky; top: 0; z-index: 2; }
header.top a { color: #fff; }
.brand { font-weight: 600; font-size: 16px; }
nav a { margin-right: 16px; opacity: .85; }
.search { margin-left: auto; position: relative; }
#search { width: 340px; padding: 6px 10px; border-radius: 6px; border: 0; font: inherit; }
#search-results { position: absolute; right: 0; top: 36px; width: 520px; max-height: 70vh; overflow: auto; margin: 0; padding: 6px 0;
  list-style: none; background: #fff; color: var(--ink); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,.15); }
#search-results li { padding: 6px 12px; border-bottom: 1px solid var(--bg); }
#search-results li a { color: var(--accent); font-weight: 600; }
#search-results .kind { font-size: 12px; color: var(--muted); margin-left: 6px; }
#search-results .text { display: block; font-size: 13px; color: var(--muted); }
main { padding: 16px 24px 48px; max-width: 1400px; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h1 code { font-size: 22px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.badge { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px; background: var(--bg); border: 1px solid var(--line); color: var(--muted); vertical-align: middle; margin-left: 8px; }
.lead { color: var(--muted); margin: 4px 0 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
pre { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 12px; overflow: auto; }
.graph { border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow: auto; background: #fff; }
.graph svg { max-width: none; height: auto; }
#lineage-graph svg { width: 100%; }
.graph svg a:hover polygon, .graph svg a:hover path { stroke-width: 2; }
.legend span { display: inline-block; margin-right: 14px; font-size: 13px; }
.legend i { display: inline-block; width: 12px; height: 12px; border: 1px solid #999; margin-right: 4px; vertical-align: -1px; }
.muted { color: var(--muted); }
`;

export const SEARCH_JS = `(function () {
  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  var root = document.body.getAttribute('data-root') || '';
  var entries = window.ATLAS_SEARCH || [];
  function show(query) {
    var words = query.toLowerCase().split(/\\s+/).filter(Boolean);
    list.textContent = '';
    if (words.length === 0) { list.hidden = true; return; }
    var found = entries.filter(function (e) {
      var hay = (e.name + ' ' + e.text).toLowerCase();
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    }).slice(0, 50);
    if (found.length === 0) {
      var none = document.createElement('li');
      none.className = 'text';
      none.textContent = 'Nothing matches "' + query + '".';
      list.appendChild(none);
    }
    found.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + e.href;
      a.textContent = e.name;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = e.kind;
      var text = document.createElement('span');
      text.className = 'text';
      text.textContent = e.text;
      li.appendChild(a); li.appendChild(kind); li.appendChild(text);
      list.appendChild(li);
    });
    list.hidden = false;
  }
  input.addEventListener('input', function () { show(input.value); });
  input.addEventListener('keydown', function (event) { if (event.key === 'Escape') { input.value = ''; show(''); } });
})();
`;
