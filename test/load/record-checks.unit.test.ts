/** The pre-load checks against what Postgres refuses (see src/load/record-checks.ts). */
import { describe, expect, it } from 'vitest';
import { escapeLoneSurrogates, fitsBigint, hasLoneSurrogate, isValidTimestamp } from '../../src/load/record-checks.js';

describe('record checks', () => {
  it('bounds bigint keys at the signed 64-bit range', () => {
    expect(fitsBigint('9223372036854775807')).toBe(true);
    expect(fitsBigint('-9223372036854775808')).toBe(true);
    expect(fitsBigint('9223372036854775808')).toBe(false);
    expect(fitsBigint('-9223372036854775809')).toBe(false);
    expect(fitsBigint('1.5')).toBe(false);
  });

  it('accepts real timestamps and refuses ones V8 parses but Postgres does not', () => {
    for (const ok of [
      '2024-02-29',
      '2024-02-29T23:59:59.9999999Z',
      '2025-01-01 10:00:00+05:30',
      '2025-01-01T24:00:00Z',
      '2025-01-01T10:00',
    ]) {
      expect(isValidTimestamp(ok), ok).toBe(true);
    }
    for (const bad of [
      '2024-02-30',
      '2023-02-29T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2025-13-01',
      '2025-01-01T10:60:00Z',
      '2025-01-01T24:00:01Z',
      '2025-01-01T10:00:00+16:00',
    ]) {
      expect(isValidTimestamp(bad), bad).toBe(false);
    }
  });

  it('finds lone surrogates in JSON.stringify output but not escaped backslashes or real pairs', () => {
    expect(hasLoneSurrogate(JSON.stringify({ a: '\ud83d' }))).toBe(true);
    expect(hasLoneSurrogate(JSON.stringify({ a: 'x\udc00' }))).toBe(true);
    expect(hasLoneSurrogate(JSON.stringify({ a: '😀' }))).toBe(false);
    expect(hasLoneSurrogate(JSON.stringify({ a: '\\ud83d' }))).toBe(false);
    const escaped = escapeLoneSurrogates(JSON.stringify({ a: '\ud83d' }));
    expect(hasLoneSurrogate(escaped)).toBe(false);
    expect(JSON.parse(escaped)).toEqual({ a: '\\ud83d' });
  });
});
