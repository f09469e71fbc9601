/**
 * The sandbox's dispatch capacity (`POST dispatch/v2/capacity`): availability derived from its
 * technicians, business units and booked appointments, the body validated with a clear 400, and
 * job booked logs served one record per job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { Client, urlFor } from './helpers.js';

let sb: Sandbox;
let client: Client;

beforeAll(async () => {
  sb = await startSandbox({ scale: 0.02, seed: 5, now: '2026-06-03T15:00:00Z' });
  client = await Client.create(sb);
});
afterAll(async () => {
  await sb.close();
});

async function postCapacity(body: unknown): Promise<Response> {
  return fetch(urlFor(sb, 'dispatch/capacity'), {
    method: 'POST',
    headers: { ...client.headers(), 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// 2026-06-03 is a Wednesday; Phoenix is UTC-7 all year.
const day = { startsOnOrAfter: '2026-06-03T07:00:00Z', endsOnOrBefore: '2026-06-04T07:00:00Z', skillBasedAvailability: false };

describe('sandbox dispatch capacity', () => {
  it('answers a day with two frames per business unit that has active technicians', async () => {
    const res = await postCapacity(day);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { timeStamp: string; availabilities: Array<Record<string, unknown>> };
    expect(body.timeStamp).toBe('2026-06-03T15:00:00Z');
    const frames = new Set(body.availabilities.map((a) => `${a.start}|${a.startUtc}`));
    expect([...frames].sort()).toEqual(['2026-06-03T08:00:00|2026-06-03T15:00:00Z', '2026-06-03T12:00:00|2026-06-03T19:00:00Z']);
    for (const a of body.availabilities) {
      const technicians = a.technicians as unknown[];
      expect(technicians.length).toBeGreaterThan(0);
      expect(a.totalAvailability).toBe(technicians.length * 4);
      expect(a.openAvailability as number).toBeLessThanOrEqual(a.totalAvailability as number);
      expect((a.businessUnitIds as number[]).length).toBe(1);
    }
    // The truth is the same derivation over today and the next 14 days.
    const truth = sb.truth('dispatch/capacity');
    expect(truth.filter((a) => (a.startUtc as string).startsWith('2026-06-03'))).toEqual(body.availabilities);
  });

  it('filters by business unit and closes on Sundays', async () => {
    const all = (await (await postCapacity(day)).json()) as { availabilities: Array<{ businessUnitIds: number[] }> };
    const unit = all.availabilities[0].businessUnitIds[0];
    const one = (await (await postCapacity({ ...day, businessUnitIds: [unit] })).json()) as typeof all;
    expect(new Set(one.availabilities.map((a) => a.businessUnitIds[0]))).toEqual(new Set([unit]));
    const sunday = { ...day, startsOnOrAfter: '2026-06-07T07:00:00Z', endsOnOrBefore: '2026-06-08T07:00:00Z' };
    expect(((await (await postCapacity(sunday)).json()) as typeof all).availabilities).toEqual([]);
  });

  it('refuses bad bodies with a 400 naming the field', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      ['{not json', 'body', /not valid JSON/],
      [[1, 2], 'body', /JSON object/],
      [{ ...day, startsOnOrAfter: undefined }, 'startsOnOrAfter', /required/],
      [{ ...day, endsOnOrBefore: 'tomorrow' }, 'endsOnOrBefore', /not a valid date-time/],
      [{ ...day, skillBasedAvailability: undefined }, 'skillBasedAvailability', /required/],
      [{ ...day, endsOnOrBefore: day.startsOnOrAfter }, 'endsOnOrBefore', /after startsOnOrAfter/],
      [{ ...day, endsOnOrBefore: '2026-06-20T07:00:00Z' }, 'endsOnOrBefore', /at most 14 days/],
      [{ ...day, businessUnitIds: ['a'] }, 'businessUnitIds', /list of integers/],
      [{ ...day, jobTypeId: 1.5 }, 'jobTypeId', /integer/],
      [{ ...day, page: 2 }, 'page', /not allowed/],
    ];
    for (const [body, field, message] of cases) {
      const res = await postCapacity(body);
      const problem = (await res.json()) as { status: number; errors: Record<string, string[]> };
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(problem.errors[field]?.[0]).toMatch(message);
    }
  });

  it('answers GET with 405', async () => {
    expect((await client.get('dispatch/capacity')).status).toBe(405);
  });
});

describe('sandbox job booked logs', () => {
  it('serve one record per job (the body itself) and 404 for an unknown job', async () => {
    const job = sb.truth('jpm/export/jobs')[0];
    const res = await client.get(`jpm/jobs/${job.id}/booked-log`);
    expect(res.status).toBe(200);
    const log = (await res.json()) as Record<string, unknown>;
    expect(log).toMatchObject({ jobId: job.id, jobAppointmentId: job.firstAppointmentId, createdById: job.createdById, active: true });
    expect(sb.truth('jpm/jobs/{id}/booked-log').find((l) => l.jobId === job.id)).toEqual(log);
    expect((await client.get('jpm/jobs/1/booked-log')).status).toBe(404);
  });
});
