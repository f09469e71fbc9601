/** One record per parent (catalog `single`): the body is the record; 404 means the parent has none. */
import { describe, expect, it } from 'vitest';
import { AtlasError, ApiError } from '../../src/errors.js';
import { isNotFound, singleRecordOf } from '../../src/extract/single-record.js';

describe('single-record answers', () => {
  it('hold the body as the one record, and nothing for an empty body', () => {
    expect(singleRecordOf({ id: 1, jobId: 2 }, 'x')).toEqual([{ id: 1, jobId: 2 }]);
    expect(singleRecordOf(null, 'x')).toEqual([]);
  });

  it('refuse a list or a scalar body with the endpoint named', () => {
    expect(() => singleRecordOf([{ id: 1 }], 'jpm/jobs/{id}/booked-log (parent 7)')).toThrow(
      /booked-log \(parent 7\): expected one record/,
    );
    expect(() => singleRecordOf('text', 'x')).toThrow(AtlasError);
  });

  it('treat only a 404 from the API as "this parent has none"', () => {
    expect(isNotFound(new ApiError('API_REQUEST_FAILED', 'not found', 404))).toBe(true);
    expect(isNotFound(new ApiError('API_REQUEST_FAILED', 'gone', 410))).toBe(false);
    expect(isNotFound(new AtlasError('API_BAD_RESPONSE', 'bad'))).toBe(false);
  });
});
