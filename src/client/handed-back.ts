/**
 * The outcome of a status the caller asked to handle itself (`RequestContext.finalStatuses`): a
 * final ApiError carrying the status, ServiceTitan's title, and for 429 the Retry-After wait, so
 * the caller can wait for that one resource without pausing the tenant's whole rate limiter.
 */
import { ApiError } from '../errors.js';
import { describeBody, parseProblem } from './body.js';
import type { Outcome } from './outcome.js';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from './retry-policy.js';
import { headerValue, type HttpResult } from './transport.js';

export function handedBack(result: HttpResult, label: string, attempts: number): Outcome {
  const problem = parseProblem(result.body);
  const retryAfterMs = result.status === 429 ? (parseRetryAfter(result.headers['retry-after']) ?? DEFAULT_RETRY_AFTER_MS) : undefined;
  const error = new ApiError(
    'API_REQUEST_FAILED',
    `${label} answered ${result.status} ${result.statusText}${describeBody(result.body, headerValue(result, 'content-type'))}`,
    result.status,
    {
      retriable: true,
      details: {
        endpoint: label,
        attempts,
        status: result.status,
        ...(problem?.title ? { title: problem.title } : {}),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    },
  );
  return { kind: 'fatal', error };
}
