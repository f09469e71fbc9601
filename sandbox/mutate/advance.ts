/**
 * Moving the sandbox clock. Everything that happens in the window (start, end] is applied in time
 * order so every feed stays ordered by change time: job plans progress (dispatch, completion with
 * invoices and payroll, cancellations, payments, estimate decisions), memberships expire, new
 * customers, jobs, calls, leads and secondary records appear, and `changes` random edits,
 * deactivations, merges and hard deletes happen. Counts: `changed` counts every update of an
 * existing record (deactivations and merges included), the other counters are subsets or creations.
 */
import { T } from '../data/names.js';
import { HOUR, ts7 } from '../time.js';
import type { World } from '../gen/world.js';
import { createCustomer, createLead, createBooking } from '../gen/crm.js';
import { bookJob, jobPlans, type JobPlan } from '../gen/jobs.js';
import { applyNextStage } from '../gen/job-stages.js';
import { createOtherCall } from '../gen/calls.js';
import { changeMembershipStatus, membershipFate, sellMembership } from '../gen/memberships.js';
import { createSecondary } from '../gen/secondary.js';
import { membershipFates } from '../gen/build.js';
import { pickRecord } from '../gen/common.js';
import { applyEdit, EDIT_WEIGHTS, type EditKind } from './edits.js';

export interface AdvanceSummary {
  created: number;
  changed: number;
  deactivated: number;
  merged: number;
  deleted: number;
  clock: string;
}

interface Event {
  at: number;
  run: () => void;
}

const YEAR_HOURS = 365 * 24;

export function advanceWorld(world: World, options: { hours?: number; changes?: number } = {}): AdvanceSummary {
  const hours = options.hours ?? 24;
  const changes = Math.max(0, Math.floor(options.changes ?? 20));
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('advance: hours must be a non-negative number');
  const rng = world.rng('advance', world.nextCount('advance'));
  Object.assign(world.counters, { created: 0, changed: 0, deactivated: 0, merged: 0, deleted: 0 });

  const startMs = world.clockMs;
  const endMs = startMs + Math.round(hours * HOUR);
  // A time in (start, end]; with hours = 0 everything happens at the (unchanged) clock.
  const randomTime = (): number => (endMs > startMs ? startMs + 1 + Math.floor(rng.next() * (endMs - startMs)) : endMs);
  const events: Event[] = [];
  const perHour = (base: number): number => (world.count(base, 0) / (3 * YEAR_HOURS)) * hours;
  const howMany = (base: number, atLeast: number): number => {
    const mean = perHour(base);
    return Math.max(atLeast, Math.floor(mean) + (rng.next() < mean - Math.floor(mean) ? 1 : 0));
  };

  if (hours > 0) {
    for (let i = howMany(2000, 1); i > 0; i--) {
      events.push({ at: randomTime(), run: () => void createCustomer(world, rng, world.clockMs, world.clockMs) });
    }
    for (let i = howMany(8000, 1); i > 0; i--) {
      events.push({ at: randomTime(), run: () => void bookJob(world, rng, world.clockMs) });
    }
    for (let i = howMany(4000, 0); i > 0; i--)
      events.push({ at: randomTime(), run: () => void createOtherCall(world, rng, world.clockMs) });
    for (let i = howMany(300, 0); i > 0; i--)
      events.push({ at: randomTime(), run: () => void createLead(world, rng, world.clockMs, world.clockMs) });
    for (let i = howMany(150, 0); i > 0; i--)
      events.push({ at: randomTime(), run: () => void createBooking(world, rng, world.clockMs, world.clockMs) });
    for (let i = howMany(500, 0); i > 0; i--) {
      events.push({
        at: randomTime(),
        run: () => {
          const customer = pickRecord(world, T.customers, rng, (c) => c.active === true);
          const m = customer ? sellMembership(world, rng, customer, world.clockMs) : null;
          if (m) membershipFates(world).set(String(m.id), membershipFate(rng, world.clockMs));
        },
      });
    }
    const secondary = [
      T.projects,
      T.projectNotes,
      T.inventoryBills,
      T.adjustments,
      T.returns,
      T.transfers,
      T.activities,
      T.serviceAgreements,
    ];
    for (let i = howMany(1200, 1); i > 0; i--) {
      const table = rng.pick(secondary);
      events.push({
        at: randomTime(),
        run: () => void createSecondary(world, rng, table, { createdMs: world.clockMs, modifiedMs: world.clockMs }),
      });
    }
  }
  for (const [id, fate] of membershipFates(world)) {
    if (fate.atMs <= startMs || fate.atMs > endMs) continue;
    events.push({
      at: fate.atMs,
      run: () => {
        membershipFates(world).delete(id);
        const m = world.record(T.memberships, id);
        if (m && m.status === 'Active') changeMembershipStatus(world, rng, m, fate.status, world.clockMs);
      },
    });
  }
  // Random changes; with a handful or more, at least one merge, one hard delete and one invoice
  // deactivated and one re-activated happen.
  const kinds: EditKind[] = [];
  if (changes >= 4) kinds.push('mergeCustomer', 'hardDelete', 'deactivateInvoice', 'reactivateInvoice');
  while (kinds.length < changes) kinds.push(rng.weighted(EDIT_WEIGHTS));
  for (const kind of kinds) {
    events.push({
      at: randomTime(),
      run: () => {
        for (let attempt = 0; attempt < 3; attempt++) {
          if (applyEdit(world, rng, attempt === 0 ? kind : rng.weighted(EDIT_WEIGHTS), world.clockMs)) break;
        }
      },
    });
  }
  events.sort((a, b) => a.at - b.at);

  // Merge the fixed events with job-plan stages (which can schedule further stages) by time.
  const plans = (): JobPlan[] => [...jobPlans(world).values()];
  const nextStage = (plan: JobPlan): number => plan.stages[plan.next]?.at ?? Number.POSITIVE_INFINITY;
  let queue = plans()
    .filter((p) => nextStage(p) <= endMs)
    .sort((a, b) => nextStage(a) - nextStage(b));
  let e = 0;
  while (e < events.length || (queue.length > 0 && nextStage(queue[0]) <= endMs)) {
    const stageAt = queue.length > 0 ? nextStage(queue[0]) : Number.POSITIVE_INFINITY;
    const eventAt = e < events.length ? events[e].at : Number.POSITIVE_INFINITY;
    if (stageAt > endMs && eventAt === Number.POSITIVE_INFINITY) break;
    if (stageAt <= eventAt && stageAt <= endMs) {
      const plan = queue.shift()!;
      world.clockMs = Math.max(world.clockMs, stageAt);
      applyNextStage(world, rng, plan);
      if (nextStage(plan) <= endMs) insertByTime(queue, plan, nextStage);
    } else {
      const event = events[e++];
      world.clockMs = Math.max(world.clockMs, event.at);
      const before = jobPlans(world).size;
      event.run();
      if (jobPlans(world).size !== before) {
        // A job was booked: its first stages may fall inside the window.
        queue = plans()
          .filter((p) => p.next < p.stages.length && nextStage(p) <= endMs)
          .sort((a, b) => nextStage(a) - nextStage(b));
      }
    }
  }
  world.clockMs = endMs;
  return { ...world.counters, clock: ts7(endMs) };
}

function insertByTime(queue: JobPlan[], plan: JobPlan, at: (p: JobPlan) => number): void {
  const t = at(plan);
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(queue[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, plan);
}
