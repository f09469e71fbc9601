/**
 * Safe HTML building: `html\`…\`` escapes every interpolated value unless it is itself `Html` (made
 * by `html` or, for trusted markup such as Graphviz's SVG, `trustedHtml`). Arrays are joined.
 * Names, descriptions, SQL and error texts all go through here, so none can inject markup.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
}

/** Markup produced by a trusted generator (Graphviz's SVG of names we escaped in its input). */
export function trustedHtml(text: string): Html {
  return new Html(text);
}
