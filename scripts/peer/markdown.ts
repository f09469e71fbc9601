/**
 * Markdown pieces written into README.md and docs/, in the layout Biome's Markdown formatter gives
 * them (`npx biome check .` runs over both), so a generated file is already formatted.
 */

/** Character count, as Biome pads table cells (keep generated cells to plain text). */
const width = (text: string): number => [...text].length;

/** A table with every column padded to its widest cell, the rule row of dashes at least three wide. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const cell of [...header, ...rows.flat()]) if (cell.includes('|') || cell.includes('\n')) throw new Error(`bad table cell: ${cell}`);
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * `text` with what lies between the `<!-- <name>:start -->` and `<!-- <name>:end -->` lines replaced
 * by `section` (a blank line either side). Throws when the markers are missing or out of order.
 */
export function replaceBetweenMarkers(text: string, name: string, section: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${start} … ${end} not found in order`);
  return `${text.slice(0, from + start.length)}\n\n${section.trim()}\n\n${text.slice(to)}`;
}

/** What lies between the markers, trimmed, or null when they are missing. */
export function betweenMarkers(text: string, name: string): string | null {
  const start = `<!-- ${name}:start -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(`<!-- ${name}:end -->`);
  return from < 0 || to < from ? null : text.slice(from + start.length, to).trim();
}
