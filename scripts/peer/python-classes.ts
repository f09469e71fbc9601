/**
 * Just enough of a Python reader to take the stream classes out of tap-service-titan's sources:
 * top-level `class Name(Base, …, keyword=value):` headers (one or several lines) and the simple
 * assignments directly in the class body (`name = "calls"`, `path: str = "/export/calls"`,
 * `http_method = HTTPMethod.POST`, `parent_stream_type = JobsStream`), plus string literals put into
 * `params["…"]` inside the class's methods. Anything computed (f-strings, properties) is not read:
 * the caller must check that what it needs was found.
 */

export interface PythonClass {
  name: string;
  /** Base classes, generic arguments dropped (`ServiceTitanStream[DateRange]` → `ServiceTitanStream`). */
  bases: string[];
  /** Class keywords from the header, as their source text with string quotes removed (`api_prefix` → `/crm/v2`). */
  keywords: Record<string, string>;
  /** Body-level assignments, as source text with string quotes removed. */
  attributes: Record<string, string>;
  /** `params["key"] = "value"` string literals anywhere in the class's methods. */
  literalParams: Record<string, string>;
}

const headerPattern = /^class\s+(\w+)\s*(?:\(([\s\S]*?)\))?\s*:/gm;

/** Splits `a, b[c, d], k=v` on the commas that are not inside brackets or quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/#.*$/gm, '').trim()).filter((p) => p.length > 0);
}

/** A string literal's content (a trailing comment dropped), or the source text as it is. */
function unquote(value: string): string {
  const match = /^(['"])(.*?)\1\s*(?:#.*)?$/.exec(value.trim());
  return match ? match[2] : value.trim();
}

/** Every top-level class in one Python source file, in source order. */
export function readPythonClasses(source: string): PythonClass[] {
  const headers = [...source.matchAll(headerPattern)];
  return headers.map((header) => {
    const bodyStart = header.index! + header[0].length;
    // The body runs to the next line that starts at column 0 with code (a class, a def, a decorator).
    const rest = source.slice(bodyStart);
    const end = /\n(?=[^\s#])/.exec(rest);
    const body = rest.slice(0, end ? end.index : rest.length);
    const bases: string[] = [];
    const keywords: Record<string, string> = {};
    for (const part of splitTopLevel(header[2] ?? '')) {
      const keyword = /^(\w+)\s*=\s*([\s\S]+)$/.exec(part);
      if (keyword) keywords[keyword[1]] = unquote(keyword[2]);
      else bases.push(part.replace(/\[[\s\S]*\]$/, ''));
    }
    const attributes: Record<string, string> = {};
    for (const line of body.split('\n')) {
      const assignment = /^ {4}(\w+)\s*(?::\s*[^=]+)?=\s*(.+?)\s*$/.exec(line);
      if (assignment) attributes[assignment[1]] = unquote(assignment[2]);
    }
    const literalParams: Record<string, string> = {};
    for (const match of body.matchAll(/params\[\s*"(\w+)"\s*\]\s*=\s*"([^"]*)"/g)) literalParams[match[1]] = match[2];
    return { name: header[1], bases, keywords, attributes, literalParams };
  });
}
