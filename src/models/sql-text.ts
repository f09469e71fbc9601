/**
 * A small SQL lexer for checking model files: it blanks out comments, string literals, quoted
 * identifiers and dollar-quoted bodies, so keyword and semicolon checks look at code only.
 * Blanked text keeps its length and line breaks, so positions still match the original.
 */

/** The SQL with comments, strings, quoted identifiers and dollar-quoted text replaced by spaces. */
export function codeOnly(sql: string): string {
  let out = '';
  let i = 0;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < sql.length) {
    const rest = sql.slice(i);
    const token =
      /^--[^\n]*/.exec(rest) ??
      /^\/\*[\s\S]*?(\*\/|$)/.exec(rest) ??
      /^[eE]?'(?:[^']|'')*('|$)/.exec(rest) ??
      /^"(?:[^"]|"")*("|$)/.exec(rest) ??
      dollarQuoted(rest);
    if (token && token.index === 0 && token[0].length > 0) {
      out += blank(token[0]);
      i += token[0].length;
    } else {
      out += sql[i];
      i += 1;
    }
  }
  return out;
}

function dollarQuoted(rest: string): RegExpExecArray | null {
  const open = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
  if (!open) return null;
  const close = rest.indexOf(open[0], open[0].length);
  const end = close < 0 ? rest.length : close + open[0].length;
  return /[\s\S]*/.exec(rest.slice(0, end));
}

/** The model body without its trailing semicolon(s) and surrounding white space. */
export function withoutTrailingSemicolon(sql: string): string {
  return sql.replace(/[\s;]+$/, '').replace(/^\s+/, '');
}

/** Number of statements: semicolon-separated pieces that hold code. */
export function statementCount(sql: string): number {
  return codeOnly(sql)
    .split(';')
    .filter((piece) => piece.trim() !== '').length;
}

/** Keywords that change the database; a model body is a query and contains none of them. */
export const DDL_KEYWORDS = [
  'create',
  'alter',
  'drop',
  'truncate',
  'insert',
  'update',
  'delete',
  'merge',
  'grant',
  'revoke',
  'vacuum',
  'reindex',
  'begin',
  'commit',
  'rollback',
] as const;

/** DDL/DML keywords found in the code of a body (not in comments or strings). */
export function ddlKeywordsIn(sql: string): string[] {
  const code = codeOnly(sql).toLowerCase();
  // Whole words only: `created_on`, `t.update` or `"drop"` are not keywords. `for update` is refused
  // too, which a read-only model never needs.
  return DDL_KEYWORDS.filter((word) => new RegExp(`(^|[^a-z0-9_."])${word}($|[^a-z0-9_"])`).test(code));
}
