/**
 * Reading ServiceTitan response bodies. Contract: nothing here throws on odd input — HTML error
 * pages, truncated JSON and empty bodies all become a short, tag-free summary for error messages.
 */

/** RFC 7807 fields ServiceTitan puts in error bodies (`ApiErrorResponse`). */
export interface Problem {
  title?: string;
  detail?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body)/i.test(text);
}

/** First `max` characters of `text` with scripts, styles and tags removed and whitespace collapsed. */
export function summarizeBody(text: string, max = 200): string {
  const plain = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/** The RFC 7807 fields of a JSON error body, or undefined when the body is not such an object. */
export function parseProblem(text: string): Problem | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return undefined;
  const raw = parsed.value as Record<string, unknown>;
  const problem: Problem = {};
  if (typeof raw.title === 'string') problem.title = raw.title;
  if (typeof raw.detail === 'string') problem.detail = raw.detail;
  if (typeof raw.traceId === 'string') problem.traceId = raw.traceId;
  if (raw.errors && typeof raw.errors === 'object' && !Array.isArray(raw.errors)) {
    const errors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(raw.errors as Record<string, unknown>)) {
      errors[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    }
    problem.errors = errors;
  }
  return problem;
}

/** `field: message; message | field: …`, capped so one error cannot flood a log line. */
export function formatProblemErrors(errors: Record<string, string[]> | undefined, max = 300): string {
  if (!errors) return '';
  const text = Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
    .join(' | ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Describes a response body for an error message: RFC 7807 title (+ errors) when JSON, otherwise
 * `(HTML page: "…")`, `(non-JSON body: "…")` or `(empty body)`.
 */
export function describeBody(text: string, contentType: string | undefined): string {
  if (text.trim() === '') return ' (empty body)';
  const problem = parseProblem(text);
  if (problem) {
    const parts = [problem.title, problem.detail, formatProblemErrors(problem.errors)].filter((part) => part);
    return parts.length ? `: ${parts.join(' — ')}` : '';
  }
  if (parseJson(text).ok) return '';
  const summary = summarizeBody(text);
  if (looksLikeHtml(text, contentType)) return summary ? ` (HTML page: "${summary}")` : ' (HTML page)';
  if (/^\s*[[{]/.test(text)) return ` (truncated or invalid JSON: "${summary}")`;
  return ` (non-JSON body: "${summary}")`;
}
