/**
 * Memberships: the sale (with its membership invoice and payment), recurring services and their
 * seasonal events, and status changes (Active → Expired / Canceled) as time passes.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, dayStart, midnight, tsSec } from '../time.js';
import { build } from './fill.js';
import { nameOf, pickRecord } from './common.js';
import { createInvoice, fillInvoice, payInvoice } from './accounting.js';
import { locationsOf } from './crm.js';
import type { World } from './world.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const YEAR = 365 * DAY;

/** Sells a membership to `customer` at `soldMs`. Returns null when the customer has no location. */
export function sellMembership(world: World, rng: Rng, customer: Rec, soldMs: number): Rec | null {
  const location = locationsOf(world, customer.id as number).find((l) => l.active === true);
  if (!location) return null;
  const type = pickRecord(world, T.membershipTypes, rng, (t) => t.active === true);
  if (!type) return null;
  const billing = ((type.durationBilling as Array<Rec | null>).find((d) => d !== null) ?? {}) as Rec;
  const frequency = (billing.billingFrequency as string) ?? 'Annual';
  const fromMs = dayStart(soldMs);
  const toMs = fromMs + YEAR - DAY;
  const soldById = rng.pick(world.pool(T.technicians));
  const membership = build(
    world,
    T.memberships,
    rng,
    { createdMs: soldMs, modifiedMs: soldMs + 1500 },
    {
      createdById: rng.pick(world.pool(T.employees)),
      followUpOn: midnight(toMs - 30 * DAY),
      cancellationDate: null,
      from: midnight(fromMs),
      nextScheduledBillDate: frequency === 'Monthly' ? midnight(fromMs + 30 * DAY) : midnight(toMs + DAY),
      to: midnight(toMs),
      billingFrequency: frequency,
      renewalBillingFrequency: frequency,
      status: 'Active',
      followUpStatus: 'NotAttempted',
      active: true,
      initialDeferredRevenue: 0,
      duration: 12,
      renewalDuration: 12,
      businessUnitId: world.pool(T.businessUnits).at(-1),
      customerId: customer.id,
      membershipTypeId: type.id,
      activatedById: rng.pick(world.pool(T.employees)),
      activatedFromId: null,
      billingTemplateId: type.billingTemplateId ?? null,
      cancellationBalanceInvoiceId: null,
      cancellationInvoiceId: null,
      followUpCustomStatusId: null,
      locationId: location.id,
      paymentMethodId: null,
      paymentTypeId: null,
      recurringLocationId: location.id,
      renewalMembershipTaskId: null,
      renewedById: null,
      soldById,
      customerPo: null,
      importId: null,
      memo: null,
      customFields: [],
    },
  );
  world.insert(T.memberships, membership);

  const invoice = createInvoice(
    world,
    rng,
    {
      customer,
      location,
      businessUnitId: membership.businessUnitId as number,
      job: null,
      jobTypeName: null,
      membershipId: membership.id as number,
      configuration: 'MembershipInvoice',
    },
    soldMs + 2000,
  );
  fillInvoice(
    world,
    rng,
    invoice,
    [{ skuTable: T.pricebookServices, skuId: world.pool(T.pricebookServices)[0], quantity: 1 }],
    soldMs + 2500,
    soldById,
  );
  payInvoice(world, rng, invoice, soldMs + 4000);

  for (const link of (type.recurringServices as Rec[] | null) ?? []) {
    const rsType = world.record(T.recurringServiceTypes, link.recurringServiceTypeId as number);
    if (!rsType) continue;
    const at = soldMs + 5000;
    const service = build(
      world,
      T.recurringServices,
      rng,
      { createdMs: at, modifiedMs: at },
      {
        name: (rsType.name as string) ?? 'Recurring service',
        active: true,
        createdById: membership.createdById,
        importId: null,
        membershipId: membership.id,
        locationId: location.id,
        recurringServiceTypeId: rsType.id,
        durationType: 'Continuous',
        durationLength: 0,
        from: midnight(fromMs),
        to: midnight(toMs),
        memo: null,
        invoiceTemplateId: rsType.invoiceTemplateId ?? null,
        invoiceTemplateForFollowingYearsId: null,
        firstVisitComplete: false,
        activatedFromId: null,
        allocation: 0,
        businessUnitId: rsType.businessUnitId ?? null,
        jobTypeId: rsType.jobTypeId ?? null,
        campaignId: null,
        priority: 'Normal',
        jobSummary: rsType.jobSummary ?? null,
        recurrenceType: rsType.recurrenceType,
        recurrenceInterval: rsType.recurrenceInterval,
        recurrenceMonths: rsType.recurrenceMonths,
        recurrenceDaysOfWeek: [],
        recurrenceWeek: 'None',
        recurrenceDayOfNthWeek: null,
        recurrenceDaysOfMonth: [],
        jobStartTime: null,
        estimatedPayrollCost: null,
        preferredTechnicianIds: [],
        tagTypeIds: [],
      },
    );
    world.insert(T.recurringServices, service);
    // One event per season month inside the membership term.
    for (let m = fromMs; m <= toMs; m += 31 * DAY) {
      const d = new Date(m);
      if (!(rsType.recurrenceMonths as string[]).includes(MONTHS[d.getUTCMonth()])) continue;
      const dateMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const past = dateMs + 20 * DAY <= world.clockMs;
      world.insert(
        T.recurringServiceEvents,
        build(
          world,
          T.recurringServiceEvents,
          rng,
          {
            createdMs: at + 100,
            modifiedMs: past ? dateMs + 20 * DAY : at + 100,
          },
          {
            locationRecurringServiceId: service.id,
            locationRecurringServiceName: service.name,
            membershipId: membership.id,
            membershipName: nameOf(world, T.membershipTypes, type.id as number),
            status: past ? rng.pick(['Won', 'Won', 'Dismissed', 'Contacted']) : 'NotAttempted',
            date: midnight(dateMs),
            jobId: null,
            createdById: membership.createdById,
            active: true,
          },
        ),
      );
    }
  }
  return membership;
}

/** Changes a membership's status at `atMs` and records the status change. */
export function changeMembershipStatus(
  world: World,
  rng: Rng,
  membership: Rec,
  newStatus: 'Expired' | 'Canceled' | 'Suspended',
  atMs: number,
): void {
  const oldStatus = membership.status as string;
  if (oldStatus === newStatus) return;
  membership.status = newStatus;
  // A canceled membership stays an active record (status Canceled, with its cancellationDate): `active`
  // false means deleted, so the months it was in force still count.
  // A true timestamp (unlike from/to, which are business dates sent as midnight): marts take its local date.
  if (newStatus === 'Canceled') membership.cancellationDate = tsSec(atMs);
  membership.modifiedOn = world.stamp(atMs);
  world.touch(T.memberships, membership);
  world.insert(
    T.membershipStatusChanges,
    build(
      world,
      T.membershipStatusChanges,
      rng,
      { createdMs: atMs + 200, modifiedMs: atMs + 200 },
      {
        oldStatus,
        newStatus,
        note: newStatus === 'Canceled' ? 'Customer requested cancellation' : null,
        createdById: rng.pick(world.pool(T.employees)),
        membershipId: membership.id,
      },
    ),
  );
}

/** When a membership sold at `soldMs` naturally changes status (null = stays active until `to`). */
export function membershipFate(rng: Rng, soldMs: number): { status: 'Expired' | 'Canceled'; atMs: number } {
  if (rng.chance(0.15)) return { status: 'Canceled', atMs: soldMs + rng.int(30, 330) * DAY };
  return { status: 'Expired', atMs: dayStart(soldMs) + YEAR };
}
