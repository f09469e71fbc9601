/** Dispatch capacity's day windows and row keys: tenant-local days, DST, the server's present. */
import { describe, expect, it } from 'vitest';
import { CAPACITY_HORIZON_DAYS, capacityWindows } from '../../src/extract/capacity-windows.js';
import { parseCapacityBody } from '../../src/extract/capacity-walker.js';
import { preparePage } from '../../src/load/prepare-page.js';
import { stagingTargetFor } from '../../src/load/staging-target.js';
import { findEndpoint } from '../../src/catalog/index.js';

describe('capacity windows', () => {
  it('are today and the next 14 local days, each from local midnight to the next, as UTC instants', () => {
    const windows = capacityWindows(Date.parse('2026-06-03T15:00:00Z'), 'America/Phoenix');
    expect(windows).toHaveLength(CAPACITY_HORIZON_DAYS + 1);
    expect(windows[0]).toEqual({
      day: '2026-06-03',
      startsOnOrAfter: '2026-06-03T07:00:00.000Z',
      endsOnOrBefore: '2026-06-04T07:00:00.000Z',
    });
    expect(windows[14].day).toBe('2026-06-17');
    for (let i = 1; i < windows.length; i++) expect(windows[i].startsOnOrAfter).toBe(windows[i - 1].endsOnOrBefore);
  });

  it('take "today" in the tenant zone: 05:30 UTC is still yesterday in Phoenix, already today in Berlin', () => {
    const present = Date.parse('2026-06-04T05:30:00Z');
    expect(capacityWindows(present, 'America/Phoenix')[0].day).toBe('2026-06-03');
    expect(capacityWindows(present, 'Europe/Berlin')[0].day).toBe('2026-06-04');
    expect(capacityWindows(present, 'UTC')[0]).toMatchObject({ day: '2026-06-04', startsOnOrAfter: '2026-06-04T00:00:00.000Z' });
  });

  it('follow daylight saving: the day clocks fall back lasts 25 hours, the day they spring forward 23', () => {
    const fall = capacityWindows(Date.parse('2026-10-31T18:00:00Z'), 'America/Denver');
    const nov1 = fall.find((w) => w.day === '2026-11-01')!;
    expect(nov1).toEqual({ day: '2026-11-01', startsOnOrAfter: '2026-11-01T06:00:00.000Z', endsOnOrBefore: '2026-11-02T07:00:00.000Z' });
    const spring = capacityWindows(Date.parse('2027-03-13T18:00:00Z'), 'America/Denver');
    const mar14 = spring.find((w) => w.day === '2027-03-14')!;
    expect(Date.parse(mar14.endsOnOrBefore) - Date.parse(mar14.startsOnOrAfter)).toBe(23 * 3_600_000);
  });

  it('refuse a zone that is not one', () => {
    expect(() => capacityWindows(0, 'Mars/Olympus')).toThrow(/not a time zone/);
  });
});

describe('capacity rows', () => {
  it('have the catalog key (startUtc, endUtc, businessUnitIds), all text', () => {
    expect([target.keyColumns, target.keyTypes]).toEqual([
      ['start_utc', 'end_utc', 'business_unit_ids'],
      ['text', 'text', 'text'],
    ]);
  });
  const target = stagingTargetFor(findEndpoint('dispatch/capacity')!, 'atlas');
  const frame = { startUtc: '2026-06-03T15:00:00Z', endUtc: '2026-06-03T19:00:00Z' };

  it('are keyed by frame and business units, the ids joined by commas in the order sent', () => {
    const page = preparePage(
      [
        { ...frame, businessUnitIds: [7, 3] },
        { ...frame, businessUnitIds: [3] },
        { ...frame, businessUnitIds: [] },
      ],
      target,
    );
    expect(page.rejects).toEqual([]);
    expect(page.rows.map((r) => r.keyValues)).toEqual([
      [frame.startUtc, frame.endUtc, '7,3'],
      [frame.startUtc, frame.endUtc, '3'],
      [frame.startUtc, frame.endUtc, ''],
    ]);
  });

  it('without business units, or with objects among them, are rejected with the reason', () => {
    const page = preparePage([{ ...frame }, { ...frame, businessUnitIds: [{ id: 1 }] }], target);
    expect(page.rejects.map((r) => r.reason)).toEqual([
      'key field "businessUnitIds" is missing or not a value',
      'key field "businessUnitIds" is missing or not a value',
    ]);
  });

  it('come from the answer\'s "availabilities"; another shape is a bad response', () => {
    expect(parseCapacityBody({ timeStamp: 'x', availabilities: [{ a: 1 }] }, 'dispatch/capacity')).toEqual([{ a: 1 }]);
    expect(() => parseCapacityBody({ data: [] }, 'dispatch/capacity (2026-06-03)')).toThrow(
      /\(2026-06-03\): capacity response has no "availabilities"/,
    );
  });
});
