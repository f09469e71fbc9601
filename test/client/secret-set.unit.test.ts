// The per-client secret set: bounded (a rotating value replaces its predecessor), applied to the
// lines of any logger it wraps and to errors already built. Values are not JWT- or key-shaped, so
// only the set — not redact.ts's patterns — can be what masks them.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { createLogger } from '../../src/log/logger.js';
import { scrubError } from '../../src/log/scrub-error.js';
import { loggerWithSecrets } from '../../src/log/secret-logger.js';
import { SecretSet } from '../../src/log/secret-set.js';

describe('SecretSet', () => {
  it('keeps one value per slot: a replaced value is no longer held or masked', () => {
    const secrets = new SecretSet();
    secrets.add('fixed-credential-one');
    secrets.add('fixed-credential-one');
    for (let renewal = 1; renewal <= 50; renewal++) secrets.replace('access token', `rotating-value-${renewal}`);
    expect(secrets.size).toBe(2);
    expect(secrets.has('rotating-value-50')).toBe(true);
    expect(secrets.has('rotating-value-49')).toBe(false);
    expect(secrets.redactText('a fixed-credential-one b rotating-value-50 c rotating-value-49')).toBe(
      'a [redacted] b [redacted] c rotating-value-49',
    );
  });

  it("keeps the values of different slots apart, so owners sharing a set never drop each other's", () => {
    const secrets = new SecretSet();
    const [first, second] = [Symbol('first client token'), Symbol('second client token')];
    secrets.replace(first, 'rotating-value-a1');
    secrets.replace(second, 'rotating-value-b1');
    secrets.replace(first, 'rotating-value-a2');
    expect(secrets.size).toBe(2);
    expect(secrets.redactText('rotating-value-a2 rotating-value-b1')).toBe('[redacted] [redacted]');
  });

  it('ignores values too short to be secrets, and an empty replacement empties the slot', () => {
    const secrets = new SecretSet();
    secrets.add('abc');
    secrets.add(undefined);
    secrets.replace('access token', 'rotating-value-1');
    secrets.replace('access token', '');
    expect(secrets.size).toBe(0);
    expect(secrets.redactText('abc rotating-value-1')).toBe('abc rotating-value-1');
  });

  it('masks secret values nested in objects, and secret-named keys', () => {
    const secrets = new SecretSet();
    secrets.add('nested-credential');
    const redacted = secrets.redactValue({ a: ['x nested-credential y'], appKey: 'anything' });
    expect(redacted).toEqual({ a: ['x [redacted] y'], appKey: '[redacted]' });
  });
});

describe('loggerWithSecrets', () => {
  it('masks the set in messages, fields and child-bound fields, and the set as it is at the time of the line', () => {
    const lines: string[] = [];
    const secrets = new SecretSet();
    secrets.replace('access token', 'rotating-value-1');
    const logger = loggerWithSecrets(createLogger({ level: 'debug', write: (line) => lines.push(line) }), secrets).child({
      bound: 'rotating-value-1',
    });
    logger.info('message rotating-value-1', { field: ['rotating-value-1'] });
    secrets.replace('access token', 'rotating-value-2');
    logger.warn('after renewal rotating-value-2');
    expect(lines).toEqual([
      'info  message [redacted] bound=[redacted] field=["[redacted]"]',
      'warn  after renewal [redacted] bound=[redacted]',
    ]);
  });
});

describe('scrubError', () => {
  it('masks the set in message, stack, details and causes of an error already built', () => {
    const secrets = new SecretSet();
    secrets.add('credential-echoed-by-server');
    const cause = new Error('inner credential-echoed-by-server');
    const error = new ApiError('API_REQUEST_FAILED', 'GET x failed: credential-echoed-by-server', 403, {
      cause,
      details: { title: 'bad credential-echoed-by-server' },
    });
    expect(scrubError(error, secrets)).toBe(error);
    const renderings = [error.message, String(error), error.stack, inspect(error), JSON.stringify(error), cause.message, cause.stack];
    for (const text of renderings) expect(text).not.toContain('credential-echoed-by-server');
    expect(error.message).toBe('GET x failed: [redacted]');
    expect(error.details).toEqual({ title: 'bad [redacted]' });
  });

  it("leaves errors without the set's values and non-errors alone", () => {
    const secrets = new SecretSet();
    secrets.add('credential-not-present');
    const error = new Error('nothing secret here');
    const stack = error.stack;
    scrubError(error, secrets);
    expect([error.message, error.stack]).toEqual(['nothing secret here', stack]);
    expect(scrubError('a string credential-not-present', secrets)).toBe('a string credential-not-present');
  });
});
