/**
 * Per-parent endpoints that answer one record per parent (catalog `single`, e.g. a job's booked
 * log): the body is the record itself, not a page. A parent without one (ServiceTitan answers
 * 404, or an empty body) contributes no record; any other failure fails the walk as usual.
 */
import { AtlasError, ApiError } from '../errors.js';

/** The records one parent's answer holds: `[body]`, or none for an empty (204) body. */
export function singleRecordOf(body: unknown, endpoint: string): unknown[] {
  if (body === null || body === undefined) return [];
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new AtlasError(
      'API_BAD_RESPONSE',
      `${endpoint}: expected one record (a JSON object), got ${Array.isArray(body) ? 'an array' : typeof body}`,
      {
        retriable: true,
      },
    );
  }
  return [body];
}

/** True for ServiceTitan's "this parent has no such record" answer. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
