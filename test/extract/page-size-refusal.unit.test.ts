import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { acceptedPageSize, pageSizeRefusalText, SIZE_LADDER } from '../../src/extract/page-size-refusal.js';

const refusal = (status: number, errors: string) =>
  new ApiError('API_REQUEST_FAILED', `GET x failed: ${status} Bad Request: One or more validation errors occurred. — ${errors}`, status, {
    details: { errors },
  });

describe('page-size refusals', () => {
  it('recognises only a 400 whose errors name pageSize', () => {
    expect(pageSizeRefusalText(refusal(400, "pageSize: The value '5000' is not valid."))).toBe("pageSize: The value '5000' is not valid.");
    expect(pageSizeRefusalText(refusal(400, 'page: The page must be 1 or greater.'))).toBeNull();
    expect(pageSizeRefusalText(refusal(404, 'pageSize: nope'))).toBeNull();
    expect(pageSizeRefusalText(new Error('pageSize'))).toBeNull();
  });

  it('takes a stated maximum below the refused size', () => {
    expect(acceptedPageSize('pageSize: The page size must be between 1 and 500.', 5000)).toBe(500);
    expect(acceptedPageSize('pageSize: The maximum page size is 250.', 5000)).toBe(250);
    expect(acceptedPageSize('page: The page must be 1 or greater. | pageSize: must be less than or equal to 300', 5000)).toBe(300);
  });

  it('steps down the ladder when no usable maximum is stated, and gives up at its floor', () => {
    expect(acceptedPageSize("pageSize: The value '5000' is not valid.", 5000)).toBe(2000);
    expect(acceptedPageSize('pageSize: The page size must be between 1 and 5000.', 5000)).toBe(2000);
    expect(acceptedPageSize("pageSize: The value '700' is not valid.", 700)).toBe(500);
    expect(acceptedPageSize('pageSize: invalid', SIZE_LADDER[SIZE_LADDER.length - 1])).toBeNull();
  });
});
