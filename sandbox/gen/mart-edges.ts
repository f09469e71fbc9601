/**
 * Cases the analyst marts must get right, planted into the initial history (before tables are
 * sealed) with their own random stream: merge chains of two to four hops, timestamps minutes either
 * side of local midnight in the business's time zone, invoices and payments without a business
 * unit, recall jobs, and a few deactivated records in every feed the marts read.
 * Every planted change stays at or before the record's own change time, or moves it later but
 * never past the clock, so feeds stay ordered.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, canonical, msOf, tsSec } from '../time.js';
import { mergeCustomer } from '../mutate/merge.js';
import { changeMembershipStatus } from './memberships.js';
import { localMidnightBefore } from './local-midnight.js';
import type { World } from './world.js';

/** Latest change time a planted edit may take: a little before the clock, like the rest of the history. */
const limitOf = (world: World): number => world.clockMs - 10_000;
function msOfField(rec: Rec, field: string): number | null {
  const text = typeof rec[field] === 'string' ? canonical(rec[field] as string) : null;
  return text === null ? null : msOf(text);
}

function recordsOf(world: World, table: string, accept: (rec: Rec) => boolean): Rec[] {
  const out: Rec[] = [];
  for (const row of world.table(table).rows()) if (accept(row.rec)) out.push(row.rec);
  return out;
}

function someOf(rng: Rng, recs: Rec[], share: number): Rec[] {
  return recs.filter(() => rng.chance(share));
}

export function plantMartEdgeCases(world: World): void {
  const rng = world.rng('mart-edges');
  mergeChains(world, rng);
  cancellations(world, rng);
  nearLocalMidnight(world, rng);
  withoutBusinessUnit(world, rng);
  recalls(world, rng);
  deactivations(world, rng);
}

/** Chains of 2, 3 and 4 hops among customers that have invoices: c0 → c1, then c1 → c2, … */
function mergeChains(world: World, rng: Rng): void {
  const invoiced = new Set<unknown>();
  for (const row of world.table(T.invoices).rows()) invoiced.add((row.rec.customer as Rec | null)?.id);
  const latestStart = limitOf(world) - 12 * DAY;
  const settled = (c: Rec): boolean => (msOfField(c, 'modifiedOn') ?? 0) < latestStart;
  const candidates = recordsOf(world, T.customers, (c) => c.active === true && invoiced.has(c.id) && settled(c));
  for (const hops of [2, 3, 4]) {
    if (candidates.length < hops + 1) return;
    const chain = rng.sample(candidates, hops + 1);
    for (const c of chain) candidates.splice(candidates.indexOf(c), 1);
    let at = latestStart + rng.int(0, 2) * DAY;
    for (let i = 0; i < hops; i++) {
      mergeCustomer(world, chain[i], chain[i + 1], at);
      at += rng.int(1, 3) * DAY;
    }
  }
}

/** A few more membership cancellations (small tenants may otherwise have none), beside local midnight. */
function cancellations(world: World, rng: Rng): void {
  const settled = (m: Rec): boolean => (msOfField(m, 'modifiedOn') ?? 0) + 2 * DAY < limitOf(world);
  const active = recordsOf(world, T.memberships, (m) => m.status === 'Active' && settled(m));
  for (const membership of rng.sample(active, Math.min(active.length, Math.max(2, Math.round(active.length * 0.05))))) {
    const from = msOfField(membership, 'modifiedOn')! + DAY;
    const at = besideMidnight(world, rng, from + Math.floor(rng.next() * (limitOf(world) - from)));
    if (at > msOfField(membership, 'modifiedOn')!) changeMembershipStatus(world, rng, membership, 'Canceled', at);
  }
}

/** A time minutes either side of the local midnight that starts `ms`'s local day, never after `ms`. */
function besideMidnight(world: World, rng: Rng, ms: number): number {
  const midnight = localMidnightBefore(ms, world.timezone);
  const offset = rng.int(1, 9) * 60_000 + rng.int(0, 59) * 1000;
  const after = midnight + offset;
  return rng.chance(0.5) && after <= ms ? after : midnight - offset;
}

function moveNearMidnight(
  world: World,
  rng: Rng,
  table: string,
  field: string,
  recs: Rec[],
  format: 'stamp' | 'seconds',
  notBefore?: string,
): void {
  for (const rec of recs) {
    const ms = msOfField(rec, field);
    if (ms === null) continue;
    const moved = besideMidnight(world, rng, ms);
    const floor = notBefore === undefined ? null : msOfField(rec, notBefore);
    if (floor !== null && moved < floor) continue;
    rec[field] = format === 'stamp' ? world.stamp(moved) : tsSec(moved);
    world.touch(table, rec);
  }
}

function nearLocalMidnight(world: World, rng: Rng): void {
  moveNearMidnight(
    world,
    rng,
    T.calls,
    'createdOn',
    someOf(
      rng,
      recordsOf(world, T.calls, () => true),
      0.05,
    ),
    'stamp',
  );
  moveNearMidnight(
    world,
    rng,
    T.jobs,
    'createdOn',
    someOf(
      rng,
      recordsOf(world, T.jobs, () => true),
      0.04,
    ),
    'stamp',
  );
  const completed = recordsOf(world, T.jobs, (j) => j.jobStatus === 'Completed');
  moveNearMidnight(world, rng, T.jobs, 'completedOn', someOf(rng, completed, 0.06), 'stamp', 'createdOn');
  moveNearMidnight(
    world,
    rng,
    T.jobCanceledLogs,
    'createdOn',
    someOf(
      rng,
      recordsOf(world, T.jobCanceledLogs, () => true),
      0.2,
    ),
    'stamp',
  );
  moveNearMidnight(
    world,
    rng,
    T.appointments,
    'start',
    someOf(
      rng,
      recordsOf(world, T.appointments, () => true),
      0.05,
    ),
    'seconds',
  );
  moveNearMidnight(
    world,
    rng,
    T.estimates,
    'createdOn',
    someOf(
      rng,
      recordsOf(world, T.estimates, () => true),
      0.05,
    ),
    'stamp',
  );
  const sold = recordsOf(world, T.estimates, (e) => typeof e.soldOn === 'string');
  moveNearMidnight(world, rng, T.estimates, 'soldOn', someOf(rng, sold, 0.15), 'stamp', 'createdOn');
  const canceled = recordsOf(world, T.memberships, (m) => typeof m.cancellationDate === 'string');
  moveNearMidnight(world, rng, T.memberships, 'cancellationDate', someOf(rng, canceled, 0.3), 'seconds', 'createdOn');
}

/** Invoices and payments ServiceTitan sends with `businessUnit: null`. */
function withoutBusinessUnit(world: World, rng: Rng): void {
  for (const table of [T.invoices, T.payments]) {
    for (const rec of someOf(
      rng,
      recordsOf(world, table, (r) => r.businessUnit !== null),
      0.03,
    )) {
      rec.businessUnit = null;
      world.touch(table, rec);
    }
  }
}

/** Completed jobs that are recalls of an earlier job. */
function recalls(world: World, rng: Rng): void {
  const jobs = world.pool(T.jobs);
  for (const job of someOf(
    rng,
    recordsOf(world, T.jobs, (j) => j.jobStatus === 'Completed'),
    0.04,
  )) {
    const earlier = jobs.slice(0, jobs.indexOf(job.id as number));
    if (earlier.length === 0) continue;
    job.recallForId = rng.pick(earlier);
    world.touch(T.jobs, job);
  }
}

/** A few records of every feed the marts read are deactivated at a later time (before the clock). */
function deactivations(world: World, rng: Rng): void {
  const tables = [
    T.invoices,
    T.invoiceItems,
    T.payments,
    T.calls,
    T.jobs,
    T.appointments,
    T.assignments,
    T.jobSplits,
    T.jobTimesheets,
    T.estimates,
    T.memberships,
    T.jobCanceledLogs,
  ];
  for (const table of tables) {
    for (const rec of someOf(
      rng,
      recordsOf(world, table, (r) => r.active === true),
      0.015,
    )) {
      const changed = msOfField(rec, 'modifiedOn') ?? msOfField(rec, 'createdOn');
      if (changed === null || changed + 60_000 >= limitOf(world)) continue;
      rec.active = false;
      if (typeof rec.modifiedOn === 'string') {
        rec.modifiedOn = world.stamp(Math.min(limitOf(world), changed + 60_000 + Math.floor(rng.next() * 20 * DAY)));
      }
      world.touch(table, rec);
    }
  }
}
