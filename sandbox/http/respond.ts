/**
 * Response helpers shaped like ServiceTitan's: JSON bodies, the RFC 7807-style ApiErrorResponse
 * (`{type, title, status, traceId, errors, data}`), and the HTML error page some gateways send.
 */
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface Reply {
  status: number;
  /** Body text (already serialised). */
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
  401: 'https://tools.ietf.org/html/rfc7235#section-3.1',
  403: 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
  404: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  405: 'https://tools.ietf.org/html/rfc7231#section-6.5.5',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc7231#section-6.6.1',
  502: 'https://tools.ietf.org/html/rfc7231#section-6.6.3',
  503: 'https://tools.ietf.org/html/rfc7231#section-6.6.4',
};

export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, body: JSON.stringify(value), contentType: 'application/json; charset=utf-8', headers };
}

/** An ApiErrorResponse reply. `errors` maps a field name to messages. */
export function apiError(status: number, title: string, errors: Record<string, string[]> = {}, headers?: Record<string, string>): Reply {
  return jsonReply(status, { type: TYPES[status] ?? TYPES[400], title, status, traceId: traceId(), errors, data: {} }, headers);
}

/** The 400 ServiceTitan sends for an invalid parameter: its validation title and one message for `param`. */
export function validationError(param: string, message: string): Reply {
  return apiError(400, 'One or more validation errors occurred.', { [param]: [message] });
}

export function htmlErrorPage(status: 502 | 503): Reply {
  const text = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
  return {
    status,
    body: `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    contentType: 'text/html',
  };
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(reply.body),
    ...(reply.headers ?? {}),
  };
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
