/**
 * Lays a DOT graph out with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz) and returns
 * the bare `<svg>` element, ready to inline in a page (no XML prolog or DOCTYPE). The library
 * (~800 kB of JavaScript with its WebAssembly) is imported on first use, so other commands never load it.
 */
import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

export async function renderSvg(dot: string): Promise<string> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then(({ Graphviz }) => Graphviz.load());
  const svg = (await graphviz).dot(dot, 'svg');
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('Graphviz returned no <svg> element');
  return svg.slice(start).replace(/<!--[\s\S]*?-->\n?/g, '');
}
