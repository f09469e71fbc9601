/**
 * What one attempt's result means for the request loop — pure interpretation, no waiting, no
 * state. The loop in client.ts decides what to do with each kind (retry budget, 401 re-auth,
 * bucket pause); this file decides which kind a response or failure is and words the summary
 * ("last: …") used in logs and error messages.
 */
import { ApiError } from '../errors.js';
import { describeBody, formatProblemErrors, parseJson, parseProblem } from './body.js';
import { headerValue, type HttpResult } from './transport.js';
import type { TransportFailure } from './transport-error.js';
import { classifyStatus, DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from './retry-policy.js';

export type Outcome =
  | { kind: 'success'; body: unknown; result: HttpResult }
  /** Transient: retry with backoff while the budget lasts. */
  | { kind: 'retry'; last: string; status?: number; cause?: Error }
  /** 429: pause the bucket for `waitMs`, then retry on the 429 budget. */
  | { kind: 'rate-limited'; last: string; status: number; waitMs: number }
  /** 401: the token was refused. */
  | { kind: 'unauthorized'; last: string }
  | { kind: 'fatal'; error: ApiError };

export function interpretResponse(result: HttpResult, label: string, attempts: number): Outcome {
  const contentType = headerValue(result, 'content-type');
  const summary = `${result.status} ${result.statusText}`;
  switch (classifyStatus(result.status)) {
    case 'ok': {
      if (result.status === 204 || (result.status !== 200 && result.body.trim() === '')) return { kind: 'success', body: null, result };
      const parsed = parseJson(result.body);
      if (parsed.ok) return { kind: 'success', body: parsed.value, result };
      // A 200 we cannot read is usually a truncated or proxy-mangled body: worth another try.
      const last = `${summary} with an unparseable body${describeBody(result.body, contentType)}`;
      const cause = new ApiError('API_BAD_RESPONSE', `GET ${label}: ${last}`, result.status, {
        retriable: true,
        details: { endpoint: label, status: result.status },
      });
      return { kind: 'retry', last, status: result.status, cause };
    }
    case 'unauthorized':
      return { kind: 'unauthorized', last: `${summary}${describeBody(result.body, contentType)}` };
    case 'rate-limited':
      return {
        kind: 'rate-limited',
        last: `${summary}${describeBody(result.body, contentType)}`,
        status: result.status,
        waitMs: parseRetryAfter(result.headers['retry-after']) ?? DEFAULT_RETRY_AFTER_MS,
      };
    case 'retriable':
      return { kind: 'retry', last: `${summary}${describeBody(result.body, contentType)}`, status: result.status };
    case 'final': {
      const problem = parseProblem(result.body);
      const error = new ApiError(
        'API_REQUEST_FAILED',
        `GET ${label} failed: ${summary}${describeBody(result.body, contentType)}`,
        result.status,
        {
          details: {
            endpoint: label,
            attempts,
            status: result.status,
            ...(problem?.title ? { title: problem.title } : {}),
            ...(problem?.errors ? { errors: formatProblemErrors(problem.errors, 2000) } : {}),
            ...(problem?.traceId ? { traceId: problem.traceId } : {}),
          },
        },
      );
      return { kind: 'fatal', error };
    }
  }
}

export function interpretFailure(failure: TransportFailure, label: string, attempts: number): Outcome {
  if (failure.retriable) return { kind: 'retry', last: failure.describe(), cause: failure };
  return {
    kind: 'fatal',
    error: new ApiError('API_REQUEST_FAILED', `GET ${label} failed: ${failure.describe()}`, undefined, {
      cause: failure,
      details: { endpoint: label, attempts },
    }),
  };
}
