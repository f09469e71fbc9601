/** The documented key of a row sent without its nullable id (src/load/fallback-key.ts). */
import { describe, expect, it } from 'vitest';
import { fallbackKey } from '../../src/load/fallback-key.js';

const fields = ['payrollId', 'grossPayItemType', 'sourceEntityId'];
const item = { id: null, payrollId: 7, grossPayItemType: 'TimesheetTime', sourceEntityId: 42, amount: 10 };

describe('fallbackKey', () => {
  it('gives a bigint key below zero that depends only on the identifying fields', () => {
    const key = fallbackKey(item, fields, 'bigint')!;
    expect(BigInt(key) < 0n).toBe(true);
    expect(BigInt(key) >= -(2n ** 60n)).toBe(true);
    expect(fallbackKey({ ...item, amount: 99, memo: 'edited' }, fields, 'bigint')).toBe(key);
    expect(fallbackKey({ ...item, sourceEntityId: 43 }, fields, 'bigint')).not.toBe(key);
    // A missing field counts as null.
    expect(fallbackKey({ payrollId: 7, grossPayItemType: 'TimesheetTime' }, fields, 'bigint')).toBe(
      fallbackKey({ payrollId: 7, grossPayItemType: 'TimesheetTime', sourceEntityId: null }, fields, 'bigint'),
    );
  });

  it('spells text keys as field=value pairs, which no GUID id can equal', () => {
    expect(fallbackKey({ id: null, number: 28 }, ['number'], 'text')).toBe('number=28');
    expect(fallbackKey({ name: 'Net 30' }, ['name'], 'text')).toBe('name="Net 30"');
  });

  it('gives no key when nothing identifies the row (the loader then rejects it)', () => {
    expect(fallbackKey({ id: null, amount: 1 }, fields, 'bigint')).toBeNull();
  });
});
