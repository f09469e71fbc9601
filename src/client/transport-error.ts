/**
 * A network-level failure (no HTTP status): reset, dropped connection, timeout, DNS, TLS.
 *
 * Why this exists: got's errors carry the request options — headers with the bearer token and
 * app key, and for token requests the form body with the client secret. They must never become
 * an error `cause` or reach a log. This class keeps only a redacted message, the error code and
 * whether retrying can help, and nothing else (no options, no response, no original error).
 */
import { inspect } from 'node:util';
import { redactText } from '../log/redact.js';

export type TransportFailureKind = 'timeout' | 'network';

/** Error codes of failures that a retry can cure (the peer or the path dropped us). */
const retriableCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export class TransportFailure extends Error {
  readonly code: string;
  readonly kind: TransportFailureKind;
  readonly retriable: boolean;

  constructor(message: string, code: string, kind: TransportFailureKind, retriable: boolean) {
    super(redactText(message));
    this.name = 'TransportFailure';
    this.code = code;
    this.kind = kind;
    this.retriable = retriable;
  }

  /** One-line summary for "last: …" in error messages. */
  describe(): string {
    return this.kind === 'timeout' ? `timeout (${this.message})` : `${this.code}: ${this.message}`;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }

  [inspect.custom](): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

/**
 * Converts whatever the HTTP library threw into a TransportFailure. Reads only `name`, `code` and
 * `message` of the original; the original object is dropped here.
 */
export function toTransportFailure(error: unknown): TransportFailure {
  const record = (error && typeof error === 'object' ? error : {}) as { name?: unknown; code?: unknown; message?: unknown };
  const name = typeof record.name === 'string' ? record.name : 'Error';
  const code = typeof record.code === 'string' ? record.code : 'ERR_UNKNOWN';
  // got prefixes nothing, but some of its messages end with the URL; strip any query string.
  const message = (typeof record.message === 'string' ? record.message : String(error)).replace(/\?\S*/g, '');
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return new TransportFailure(message, 'ETIMEDOUT', 'timeout', true);
  }
  const retriable = retriableCodes.has(code) || /socket hang up|other side closed|premature close|aborted pending request/i.test(message);
  return new TransportFailure(message, code, 'network', retriable);
}
