/**
 * Builds the initial tenant: organisation and reference lists, then three years of customers,
 * jobs (each played forward to the initial clock), memberships, payroll and secondary records.
 * Deterministic for (seed, scale, tenantId, now). Tables are sealed at the end (feeds numbered).
 */
import { T } from '../data/names.js';
import { createTables } from '../data/registry.js';
import type { Rec } from '../data/table.js';
import { DAY } from '../time.js';
import { World, type WorldOptions } from './world.js';
import { historyMs } from './common.js';
import { generateOrganisation } from './ref-org.js';
import { generateCatalog } from './ref-catalog.js';
import { generateMembershipCatalog, generatePricebook } from './ref-pricebook.js';
import { createBooking, createCustomer, createLead } from './crm.js';
import { bookJob, jobPlans } from './jobs.js';
import { progressJob } from './job-stages.js';
import { createOtherCall } from './calls.js';
import { changeMembershipStatus, membershipFate, sellMembership } from './memberships.js';
import { generatePayrollExtras } from './payroll.js';
import { generateGenericLists, generateSecondary } from './secondary.js';
import { mergeCustomer } from '../mutate/merge.js';
import { plantMartEdgeCases } from './mart-edges.js';
import { generateWbsSegments } from './wbs-segments.js';

export interface MembershipFate {
  status: 'Expired' | 'Canceled';
  atMs: number;
}

export function membershipFates(world: World): Map<string, MembershipFate> {
  return world.memoOf<MembershipFate>('membership-fates');
}

function sortedTimes(world: World, seed: string, n: number): number[] {
  const rng = world.rng('times', seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(historyMs(world, rng));
  return out.sort((a, b) => a - b);
}

export function buildWorld(options: WorldOptions): World {
  const world = new World(options);
  const generic = createTables(world);
  generateOrganisation(world);
  generateCatalog(world);
  generatePricebook(world);
  generateMembershipCatalog(world);

  const crmRng = world.rng('customers');
  const customers: Rec[] = [];
  for (const t of sortedTimes(world, 'customers', world.count(2000, 5))) {
    customers.push(createCustomer(world, crmRng, t, world.clockMs));
  }
  const customerTimes = customers.map((c) => Date.parse(c.createdOn as string));
  const customerBefore = (ms: number, rng: { int(a: number, b: number): number }): Rec | null => {
    let lo = 0;
    let hi = customerTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (customerTimes[mid] < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : customers[rng.int(0, lo - 1)];
  };

  const leadRng = world.rng('leads');
  for (const t of sortedTimes(world, 'leads', world.count(300, 2))) createLead(world, leadRng, t, world.clockMs);
  for (const t of sortedTimes(world, 'bookings', world.count(150, 2))) createBooking(world, leadRng, t, world.clockMs);

  const jobRng = world.rng('jobs');
  const callRng = world.rng('other-calls');
  for (const t of sortedTimes(world, 'jobs', world.count(8000, 10))) {
    const customer = customerBefore(t, jobRng);
    if (customer?.active !== true) continue;
    const job = bookJob(world, jobRng, t, customer);
    if (!job) continue;
    // Stages play out up to a little before the clock, so no initial record is stamped after it.
    progressJob(world, jobRng, jobPlans(world).get(String(job.id))!, world.clockMs - 10_000);
    if (callRng.chance(0.5)) createOtherCall(world, callRng, t + callRng.int(1, 48) * 3_600_000);
  }

  const memberRng = world.rng('memberships');
  const fates = membershipFates(world);
  for (const t of sortedTimes(world, 'memberships', world.count(500, 3))) {
    const customer = customerBefore(t, memberRng);
    if (customer?.active !== true) continue;
    const membership = sellMembership(world, memberRng, customer, t);
    if (!membership) continue;
    const fate = membershipFate(memberRng, t);
    if (fate.atMs <= world.clockMs) changeMembershipStatus(world, memberRng, membership, fate.status, fate.atMs);
    else fates.set(String(membership.id), fate);
  }

  // A few duplicates were merged and a few customers deactivated over the years.
  const mergeRng = world.rng('initial-merges');
  for (const customer of customers) {
    if (customer.active !== true) continue;
    if (mergeRng.chance(0.01)) {
      const winner = customerBefore(Date.parse(customer.createdOn as string), mergeRng);
      if (winner && winner.active === true && winner.id !== customer.id) {
        const at = Date.parse(customer.modifiedOn as string) + mergeRng.int(1, 30) * DAY;
        if (at < world.clockMs) mergeCustomer(world, customer, winner, at);
      }
    } else if (mergeRng.chance(0.02)) {
      customer.active = false;
      customer.modifiedOn = world.stamp(Math.max(Date.parse(customer.modifiedOn as string), world.clockMs - mergeRng.int(1, 300) * DAY));
      world.touch(T.customers, customer);
    }
  }

  generatePayrollExtras(world);
  generateSecondary(world);
  generateGenericLists(world, generic);
  plantMartEdgeCases(world);
  // Entities added after the fingerprint was recorded come last, from streams of their own.
  generateWbsSegments(world);

  for (const table of world.allTables()) table.seal();
  world.sealed = true;
  return world;
}
