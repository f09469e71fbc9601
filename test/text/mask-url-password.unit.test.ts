import { describe, expect, it } from 'vitest';
import { maskUrlPassword } from '../../src/text/mask-url-password.js';

describe('maskUrlPassword', () => {
  it.each([
    ['postgres://atlas:s3cret@db:5432/w', 'postgres://atlas:***@db:5432/w'],
    ['postgres://atlas@db:5432/w', 'postgres://atlas@db:5432/w'],
    ['postgres://db/w', 'postgres://db/w'],
    // The query string and fragment can carry a password too (libpq's sslpassword, say).
    ['postgresql://atlas:pw@[::1]:5432/w?sslmode=require&sslpassword=x', 'postgresql://atlas:***@[::1]:5432/w?…'],
    ['http://u:pw@h/p#frag', 'http://u:***@h/p?…'],
    // Over-masks: a password holding "@" or "/" is masked up to the last "@".
    ['postgres://atlas:p@ss/w:rd@db/w', 'postgres://atlas:***@db/w'],
    ['  POSTGRES://a:b@c/d  ', 'POSTGRES://a:***@c/d'],
  ])('%s', (url, masked) => {
    expect(maskUrlPassword(url)).toBe(masked);
  });

  it.each(['host=db user=atlas password=s3cret', 'db:5432', ''])('refuses to show %j, which is not a URL', (text) => {
    expect(maskUrlPassword(text)).toBeUndefined();
  });
});
