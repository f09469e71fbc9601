/**
 * The dictionary's HTML building escapes what it interpolates (names, descriptions, SQL, errors),
 * and the lineage DOT quotes labels so a name cannot break out of its attribute.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '../../src/docs/html.js';
import { lineageDot } from '../../src/docs/lineage.js';
import { rootFrom } from '../../src/docs/site-paths.js';

describe('docs HTML', () => {
  it('escapes interpolated text, keeps nested html and trusted markup, joins arrays', () => {
    const hostile = `<script>alert("x")</script> & 'quotes'`;
    expect(html`<td>${hostile}</td>`.text).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</td>');
    expect(html`<ul>${['a<b', 'c'].map((x) => html`<li>${x}</li>`)}</ul>`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`<div>${trustedHtml('<svg></svg>')}${null}${false}</div>`.text).toBe('<div><svg></svg></div>');
    expect(escapeHtml('a"b')).toBe('a&quot;b');
  });

  it('finds the way back to the site root from any page', () => {
    expect(rootFrom('index.html')).toBe('');
    expect(rootFrom('marts/revenue_daily.html')).toBe('../');
  });

  it('quotes DOT labels and URLs', () => {
    const dot = lineageDot({ nodes: [{ id: 'mart:a"b', kind: 'mart', label: 'a"b\\c\nd', href: 'marts/a.html' }], edges: [] }, '../');
    expect(dot).toContain('label="a\\"b\\\\c d"');
    expect(dot).toContain('URL="../marts/a.html"');
  });
});
