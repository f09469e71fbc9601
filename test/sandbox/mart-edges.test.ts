/**
 * The sandbox plants the cases the analyst marts must get right (sandbox/gen/mart-edges.ts): these
 * tests keep it honest, so a reconciliation test cannot pass on data that never exercises a rule.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

type Row = Record<string, unknown>;
const zone = 'Pacific/Kiritimati';
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ scale: 0.05, seed: 3, timezone: zone });
});
afterAll(() => sb.close());

/** Signed minutes from the nearest local midnight in `tz` (negative: just before it). */
function minutesFromLocalMidnight(iso: string, tz: string): number {
  const local = DateTime.fromISO(iso, { zone: tz });
  const sinceStart = local.diff(local.startOf('day'), 'minutes').minutes;
  return sinceStart < 12 * 60 ? sinceStart : sinceStart - 24 * 60;
}

function hopsToSurvivor(customers: Row[]): number[] {
  const byId = new Map(customers.map((c) => [c.id, c]));
  return customers.map((c) => {
    let hops = 0;
    for (let cur: Row | undefined = c; cur && cur.mergedToId !== null && hops < 50; cur = byId.get(cur.mergedToId)) hops++;
    return hops;
  });
}

describe('sandbox cases for the marts', () => {
  it('merges customers in chains of two hops and more', () => {
    const hops = hopsToSurvivor(sb.truth('crm/export/customers'));
    expect(Math.max(...hops)).toBeGreaterThanOrEqual(3);
    expect(hops.filter((h) => h === 2).length).toBeGreaterThan(0);
  });

  it('places timestamps minutes either side of local midnight in the configured zone', () => {
    const fields = [
      ['telecom/export/calls', 'createdOn'],
      ['jpm/export/jobs', 'completedOn'],
      ['jpm/export/appointments', 'start'],
    ];
    for (const [endpoint, field] of fields) {
      const stamped = sb.truth(endpoint).filter((r) => typeof r[field] === 'string');
      const offsets = stamped.map((r) => minutesFromLocalMidnight(r[field] as string, zone));
      const sides = { endpoint, before: offsets.some((m) => m > -10 && m < 0), after: offsets.some((m) => m > 0 && m < 10) };
      expect(sides).toEqual({ endpoint, before: true, after: true });
    }
  });

  it('sends invoices and payments without a business unit, canceled memberships as active records, and recalls', () => {
    expect(sb.truth('accounting/export/invoices').some((i) => i.businessUnit === null)).toBe(true);
    expect(sb.truth('accounting/export/payments').some((p) => p.businessUnit === null)).toBe(true);
    const canceled = sb.truth('memberships/export/memberships').filter((m) => m.status === 'Canceled');
    expect(canceled.some((m) => m.active === true)).toBe(true);
    // cancellationDate is a true timestamp, not a business date sent as midnight.
    const sentAsDate = (m: Row): boolean => typeof m.cancellationDate !== 'string' || m.cancellationDate.endsWith('T00:00:00Z');
    const atUtcMidnight = canceled.filter(sentAsDate);
    expect(atUtcMidnight).toEqual([]);
    expect(sb.truth('jpm/export/jobs').some((j) => j.recallForId !== null && j.jobStatus === 'Completed')).toBe(true);
  });

  it('deactivates a few records of every feed the marts read, and re-activates invoices as the clock moves', () => {
    const feeds = [
      'accounting/export/invoices',
      'telecom/export/calls',
      'jpm/export/jobs',
      'sales/export/estimates',
      'dispatch/export/appointment-assignments',
    ];
    for (const endpoint of feeds) {
      expect({ endpoint, inactive: sb.truth(endpoint).some((r) => r.active === false) }).toEqual({ endpoint, inactive: true });
    }
    const inactiveBefore = new Set(
      sb
        .truth('accounting/export/invoices')
        .filter((i) => i.active === false)
        .map((i) => i.id),
    );
    sb.advance({ hours: 6, changes: 8 });
    const reactivated = sb.truth('accounting/export/invoices').filter((i) => inactiveBefore.has(i.id) && i.active === true);
    expect(reactivated.length).toBeGreaterThan(0);
  });

  it('rejects a time zone that is not an IANA name', async () => {
    await expect(startSandbox({ scale: 0.01, timezone: 'Mars/Olympus' })).rejects.toThrow(/IANA time zone/);
  });
});
