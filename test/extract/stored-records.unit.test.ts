/** Unnested endpoints store every array element as a record (src/extract/stored-records.ts). */
import { describe, expect, it } from 'vitest';
import { storedRecords } from '../../src/extract/stored-records.js';
import type { ExtractionPlan } from '../../src/catalog/types.js';

const plan: ExtractionPlan = { mode: 'export', table: 'jpm_job_history', optIn: false, unnest: { field: 'history', carry: ['jobId'] } };

describe('storedRecords', () => {
  it('turns every history entry of every row into a record with its jobId, two rows of one job included', () => {
    const rows = [
      { jobId: 1, history: [{ id: 10, eventType: 'Job Booked' }] },
      { jobId: 2, history: [{ id: 20, eventType: 'Job Booked' }] },
      {
        jobId: 1,
        history: [
          { id: 11, eventType: 'Job Completed' },
          { id: 12, eventType: 'Job Closed' },
        ],
      },
    ];
    expect(storedRecords(rows, plan)).toEqual([
      { jobId: 1, id: 10, eventType: 'Job Booked' },
      { jobId: 2, id: 20, eventType: 'Job Booked' },
      { jobId: 1, id: 11, eventType: 'Job Completed' },
      { jobId: 1, id: 12, eventType: 'Job Closed' },
    ]);
  });

  it('passes rows it cannot unnest on unchanged, for the loader to reject with a reason', () => {
    const broken = [{ jobId: 3, history: null }, 'text', { jobId: 4, history: [5] }];
    expect(storedRecords(broken, plan)).toEqual([{ jobId: 3, history: null }, 'text', 5]);
  });

  it('leaves rows of other endpoints as they are', () => {
    const rows = [{ id: 1 }];
    expect(storedRecords(rows, { mode: 'export', table: 't', optIn: false })).toBe(rows);
  });
});
