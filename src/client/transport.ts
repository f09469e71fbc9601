/**
 * HTTP transport: one request, one response, no policy. Retries, auth and rate limiting live in
 * the layers above; this file only turns an HTTP exchange into an `HttpResult` or a sanitised
 * `TransportFailure`.
 *
 * Why got (not fetch): got gives a per-request `timeout.request` covering the whole exchange
 * (headers *and* body), raw text bodies without content-type guessing, real node http agents with
 * keep-alive and a socket cap, and error `code`s (ECONNRESET, ETIMEDOUT) we classify on. We switch
 * off everything got would decide for us: its retries (`retry.limit 0`, our policy owns that),
 * `throwHttpErrors` (a 503 is data to the policy, not an exception) and redirects (following a
 * redirect would forward the bearer token and app key to whatever host it names).
 */
import http from 'node:http';
import https from 'node:https';
import { STATUS_CODES } from 'node:http';
import got from 'got';
import { toTransportFailure } from './transport-error.js';

/** Shared keep-alive agents: one pool per process, capped so a busy run cannot open sockets without bound. */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

const client = got.extend({
  agent: agents,
  retry: { limit: 0 },
  throwHttpErrors: false,
  followRedirect: false,
  responseType: 'text',
  decompress: true,
});

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded body (token requests). */
  form?: Record<string, string>;
  /** JSON body (report data calls). */
  json?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  statusText: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  durationMs: number;
}

/** A response header's value (the first one when the header was repeated). */
export function headerValue(result: HttpResult, name: string): string | undefined {
  const value = result.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Sends one request. Resolves with any HTTP status; rejects with a TransportFailure when no
 * response arrived, or with `signal.reason` when the caller cancelled.
 */
export async function sendHttp(request: HttpRequest): Promise<HttpResult> {
  if (request.signal?.aborted) throw request.signal.reason;
  const started = performance.now();
  try {
    const response = await client(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.form ? { form: request.form } : {}),
      ...(request.json === undefined ? {} : { json: request.json }),
      timeout: { request: request.timeoutMs },
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return {
      status: response.statusCode,
      statusText: response.statusMessage || STATUS_CODES[response.statusCode] || '',
      headers: response.headers,
      body: response.body,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    // Never rethrow got's error: it holds the request options (Authorization, ST-App-Key, form body).
    throw toTransportFailure(error);
  }
}
