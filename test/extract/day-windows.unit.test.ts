import { describe, expect, it } from 'vitest';
import { addDays, firstWindow, isSettled, windowBounds, windowHolding } from '../../src/extract/day-windows.js';
import { identityOf, withIdentity, withWindow } from '../../src/extract/stamp-records.js';
import { nextPosition } from '../../src/extract/window-walker.js';
import type { ExtractionPlan, WindowPlan } from '../../src/catalog/types.js';

const at = (iso: string) => Date.parse(iso);
const daily = { days: 1, lookbackDays: 7, historyDays: 30 };

describe('day windows', () => {
  it('bounds a window by UTC midnights, the end exclusive', () => {
    expect(windowBounds('2026-05-31', 1)).toEqual({ fromUtc: '2026-05-31T00:00:00Z', toUtc: '2026-06-01T00:00:00Z' });
    expect(windowBounds('2024-02-28', 2)).toEqual({ fromUtc: '2024-02-28T00:00:00Z', toUtc: '2024-03-01T00:00:00Z' });
  });

  it('settles a window once its end is at or before the server present, never before', () => {
    expect(isSettled('2026-05-31', 1, at('2026-05-31T23:59:59Z'))).toBe(false);
    expect(isSettled('2026-05-31', 1, at('2026-06-01T00:00:00Z'))).toBe(true);
    expect(isSettled('2026-06-01', 1, at('2026-06-01T12:00:00Z'))).toBe(false);
  });

  it('keeps windows on a grid anchored at the start date', () => {
    expect(windowHolding('2026-01-01', 7, '2026-01-09')).toBe('2026-01-08');
    expect(windowHolding('2026-01-01', 7, '2025-12-30')).toBe('2025-12-25');
    expect(windowHolding('2026-01-01', 1, '2026-03-05')).toBe('2026-03-05');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });

  it('starts a first walk at the start date, else historyDays before the server present', () => {
    expect(firstWindow({ ...daily, startDate: '2025-01-01', through: null, presentMs: null })).toBe('2025-01-01');
    expect(firstWindow({ ...daily, startDate: null, through: null, presentMs: at('2026-06-01T12:00:00Z') })).toBe('2026-05-02');
    expect(() => firstWindow({ ...daily, startDate: null, through: null, presentMs: null })).toThrow(/server present/);
  });

  it('starts a later walk lookbackDays before the window after the last settled one, never before the start date', () => {
    expect(firstWindow({ ...daily, startDate: null, through: '2026-05-31', presentMs: null })).toBe('2026-05-25');
    expect(firstWindow({ ...daily, lookbackDays: 0, startDate: null, through: '2026-05-31', presentMs: null })).toBe('2026-06-01');
    expect(firstWindow({ ...daily, startDate: '2026-05-29', through: '2026-05-31', presentMs: null })).toBe('2026-05-29');
    expect(
      firstWindow({ days: 7, lookbackDays: 3, historyDays: 30, startDate: '2026-01-01', through: '2026-01-08', presentMs: null }),
    ).toBe('2026-01-08');
  });
});

describe('the next read of a window walk', () => {
  const present = at('2026-06-01T12:00:00Z');
  const page = (window: string, segment: number, p: number, hasMore: boolean) => ({ at: { window, segment, page: p }, hasMore, present });

  it('pages, then the next segmentation value, then the next window while windows are settled', () => {
    expect(nextPosition(page('2026-05-30', 1, 1, true), 3, 1)).toEqual({ window: '2026-05-30', segment: 1, page: 2 });
    expect(nextPosition(page('2026-05-30', 1, 2, false), 3, 1)).toEqual({ window: '2026-05-30', segment: 2, page: 1 });
    expect(nextPosition(page('2026-05-31', 2, 1, false), 3, 1)).toEqual({ window: '2026-06-01', segment: 0, page: 1 });
  });

  it('ends after the window holding the server present, whatever the local clock says', () => {
    expect(nextPosition(page('2026-06-01', 2, 1, false), 3, 1)).toBeNull();
    expect(nextPosition(page('2026-06-01', 0, 1, false), 1, 1)).toBeNull();
  });
});

describe('fields the extractor adds', () => {
  const window: WindowPlan = {
    fromParam: 'fromUtc',
    toParam: 'toUtc',
    ...daily,
    dayField: 'date',
    segments: {
      param: 'performanceSegmentationType',
      field: 'segmentationType',
      idField: 'segmentId',
      values: [{ value: 'Keyword', idPaths: ['adGroup.id', 'keyword.id'] }],
    },
  };

  it('stamps the window day, the segmentation value and the segment id', () => {
    const record = { campaign: { id: 1 }, adGroup: { id: '77' }, keyword: { id: '9' }, date: 'sent' };
    const read = { window: '2026-05-31', segment: window.segments!.values[0] };
    expect(withWindow([record, 'not an object'], window, read)).toEqual([
      { ...record, date: '2026-05-31', segmentationType: 'Keyword', segmentId: '77/9' },
      'not an object',
    ]);
    expect(withWindow([{ adGroup: { id: '77' }, keyword: null }], window, read)).toEqual([
      { adGroup: { id: '77' }, keyword: null, date: '2026-05-31', segmentationType: 'Keyword', segmentId: null },
    ]);
  });

  it('identifies a record by the first present of its paths', () => {
    const paths = ['call.id', 'booking.id', 'leadForm.leadNumber', 'job.id'];
    expect(identityOf({ call: { id: 5 }, job: { id: 9 } }, paths)).toBe('call.id:5');
    expect(identityOf({ call: null, booking: null, leadForm: { leadNumber: 12 }, job: { id: 9 } }, paths)).toBe('leadForm.leadNumber:12');
    expect(identityOf({ call: { id: null }, job: null }, paths)).toBeNull();
    const plan = { mode: 'window', table: 't', optIn: false, identity: { field: 'leadOrigin', paths } } as ExtractionPlan;
    expect(withIdentity([{ job: { id: 3 } }], plan)).toEqual([{ job: { id: 3 }, leadOrigin: 'job.id:3' }]);
  });
});
