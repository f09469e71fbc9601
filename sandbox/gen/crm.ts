/**
 * Customers with their locations, contacts and notes; leads and bookings. Shared by the initial
 * build (records spread over history) and by `advance` (records created "now").
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, midnight, tsSec } from '../time.js';
import { build, type FillTimes } from './fill.js';
import { pickRecord } from './common.js';
import { address, companyName, emailFor, personName, phone, sentence, type Address } from './values.js';
import type { World } from './world.js';

/** Times for a record created at `createdMs` and last modified at some point until `untilMs`. */
export function lifeTimes(rng: Rng, createdMs: number, untilMs: number, pModified = 0.5): FillTimes {
  if (untilMs <= createdMs) return { createdMs, modifiedMs: createdMs };
  if (!rng.chance(pModified)) return { createdMs, modifiedMs: Math.min(untilMs, createdMs + rng.int(0, 5000)) };
  return { createdMs, modifiedMs: createdMs + Math.floor(rng.next() * (untilMs - createdMs)) };
}

function customerAddress(rng: Rng): Address {
  const a = address(rng);
  // Null address parts arrive in real payloads although the SPEC marks them required (§9.5).
  if (rng.chance(0.02)) a.country = null;
  if (rng.chance(0.01)) a.zip = null;
  return a;
}

function preferences(rng: Rng): Rec {
  return {
    jobRemindersEnabled: rng.chance(0.8),
    marketingUpdatesEnabled: rng.chance(0.3),
    invoiceStatementNotification: rng.chance(0.6),
    invoiceNotification: rng.chance(0.7),
    statementNotification: rng.chance(0.2),
  };
}

/** Creates a customer with 1–3 locations, contacts and notes. `untilMs` bounds later edits. */
export function createCustomer(world: World, rng: Rng, createdMs: number, untilMs: number): Rec {
  const commercial = rng.chance(0.12);
  const person = personName(rng);
  const name = commercial ? companyName(rng) : person.full;
  const times = lifeTimes(rng, createdMs, untilMs, 0.45);
  const addr = customerAddress(rng);
  const employees = world.pool(T.employees);
  const customer = build(world, T.customers, rng, times, {
    active: true,
    name,
    type: commercial ? 'Commercial' : 'Residential',
    address: addr,
    customFields: rng.chance(0.3)
      ? [{ typeId: 3310042, name: 'Referral Source', value: rng.pick(['Neighbor', 'Google', 'Mailer', 'Yelp']) }]
      : [],
    balance: 0,
    taxExempt: commercial && rng.chance(0.2),
    tagTypeIds: rng.chance(0.2) ? rng.sample(world.pool(T.tagTypes), 1) : [],
    doNotMail: rng.chance(0.05),
    doNotService: false,
    nationalAccount: false,
    createdById: rng.pick(employees),
    mergedToId: null,
    paymentTermId: commercial ? rng.pick(world.pool(T.paymentTerms)) : null,
    creditLimit: null,
    creditLimitBalance: null,
    externalData: null, // arrives null unless an app GUID is passed (reference §8.1)
  });
  world.insert(T.customers, customer);
  const customerId = customer.id as number;

  const contactCount = rng.int(1, 3);
  for (let i = 0; i < contactCount; i++) {
    const type = i === 0 ? rng.pick(['MobilePhone', 'Phone']) : rng.pick(['Email', 'MobilePhone', 'Phone', 'Email']);
    const value = type === 'Email' ? emailFor(name, rng) : phone(rng);
    world.insert(
      T.customerContacts,
      build(world, T.customerContacts, rng, lifeTimes(rng, createdMs + i * 1000, untilMs, 0.2), {
        phoneSettings: type === 'Email' ? null : { phoneNumber: value, doNotText: rng.chance(0.1) },
        preferences: preferences(rng),
        type,
        value,
        memo: rng.chance(0.3) ? rng.pick(['cell', 'work #', 'spouse', 'billing']) : null,
        customerId,
        active: true,
      }),
    );
  }

  const locationCount = commercial ? rng.int(1, 3) : rng.chance(0.08) ? 2 : 1;
  for (let i = 0; i < locationCount; i++) {
    createLocation(world, rng, customer, i === 0 ? addr : customerAddress(rng), createdMs + 500 + i * 1000, untilMs);
  }

  const noteCount = rng.count(0.6, 3);
  for (let i = 0; i < noteCount; i++) {
    const t = lifeTimes(rng, createdMs + rng.int(0, Math.max(0, untilMs - createdMs)), untilMs, 0.1);
    world.insert(
      T.customerNotes,
      build(world, T.customerNotes, rng, t, {
        text: sentence(rng),
        isPinned: rng.chance(0.15),
        createdById: rng.pick(employees),
      }),
      { parent: String(customerId) },
    );
  }
  return customer;
}

export function createLocation(world: World, rng: Rng, customer: Rec, addr: Address, createdMs: number, untilMs: number): Rec {
  const taxZones = world.pool(T.taxZones).slice(0, 5);
  const location = build(world, T.locations, rng, lifeTimes(rng, createdMs, untilMs, 0.3), {
    customerId: customer.id,
    active: true,
    name: rng.chance(0.85) ? (customer.name as string) : `${customer.name as string} - ${addr.street ?? 'Site'}`,
    address: addr,
    customFields: [],
    createdById: customer.createdById,
    mergedToId: null,
    zoneId: rng.pick(world.pool(T.zones)),
    taxExempt: false,
    tagTypeIds: [],
    externalData: null,
    taxZoneId: taxZones.length > 0 ? rng.pick(taxZones) : null,
  });
  world.insert(T.locations, location);
  indexLocation(world, location);
  if (rng.chance(0.4)) {
    const value = phone(rng);
    world.insert(
      T.locationContacts,
      build(world, T.locationContacts, rng, lifeTimes(rng, createdMs + 200, untilMs, 0.1), {
        type: 'Phone',
        value,
        memo: rng.chance(0.5) ? 'site contact' : null,
        phoneSettings: { phoneNumber: value, doNotText: false },
        preferences: preferences(rng),
        locationId: location.id,
        active: true,
      }),
    );
  }
  if (rng.chance(0.15)) {
    world.insert(
      T.locationNotes,
      build(world, T.locationNotes, rng, lifeTimes(rng, createdMs + 300, untilMs, 0.1), {
        text: sentence(rng),
        isPinned: rng.chance(0.3),
        createdById: rng.pick(world.pool(T.employees)),
      }),
      { parent: String(location.id) },
    );
  }
  return location;
}

/** The active locations of a customer (first location when the list is empty). */
export function locationsOf(world: World, customerId: number): Rec[] {
  const memo = world.memoOf<number[]>('locations-by-customer');
  let ids = memo.get(String(customerId));
  if (!ids) {
    const byCustomer = new Map<string, number[]>();
    for (const row of world.table(T.locations).rows()) {
      const key = String(row.rec.customerId);
      byCustomer.set(key, [...(byCustomer.get(key) ?? []), row.rec.id as number]);
    }
    for (const [k, v] of byCustomer) memo.set(k, v);
    ids = memo.get(String(customerId)) ?? [];
  }
  return ids.map((id) => world.record(T.locations, id)).filter((r): r is Rec => !!r && r.customerId === customerId);
}

/** Keeps the customer → locations lookup current after a location is created or moved. */
export function indexLocation(world: World, location: Rec): void {
  const memo = world.memoOf<number[]>('locations-by-customer');
  if (memo.size === 0) return; // built lazily on first use
  const key = String(location.customerId);
  const ids = memo.get(key) ?? [];
  if (!ids.includes(location.id as number)) memo.set(key, [...ids, location.id as number]);
}

export function createLead(world: World, rng: Rng, createdMs: number, untilMs: number): Rec {
  const customer = rng.chance(0.5) ? pickRecord(world, T.customers, rng, (c) => c.active === true) : null;
  const status =
    untilMs - createdMs < 3 * DAY
      ? 'Open'
      : rng.weighted([
          ['Converted', 5],
          ['Dismissed', 3],
          ['Open', 1],
        ] as const);
  const person = personName(rng);
  const addr = address(rng);
  const lead = build(world, T.leads, rng, lifeTimes(rng, createdMs, untilMs, 0.6), {
    summary: sentence(rng),
    callReasonId: rng.pick(world.pool(T.callReasons)),
    callId: null,
    bookingId: null,
    manualCallId: null,
    leadUrl: null,
    leadCustomerName: customer ? (customer.name as string) : person.full,
    leadPhone: phone(rng),
    leadEmail: emailFor(person.full, rng),
    leadStreet: addr.street,
    leadUnit: null,
    leadCity: addr.city,
    leadState: 'AZ',
    leadZip: addr.zip,
    leadCountry: 'USA',
    captureSource: rng.pick(['Web', 'Phone', 'Chat', null]),
    status,
    priority: rng.pick(['Normal', 'Normal', 'High', 'Low']),
    customerId: customer ? customer.id : null,
    locationId: customer ? (locationsOf(world, customer.id as number)[0]?.id ?? null) : null,
    businessUnitId: rng.pick(world.pool(T.businessUnits)),
    jobTypeId: rng.pick(world.pool(T.jobTypes)),
    campaignId: rng.pick(world.pool(T.campaigns)),
    followUpDate: status === 'Open' ? midnight(createdMs + 2 * DAY) : null,
    createdById: rng.pick(world.pool(T.employees)),
    tagTypeIds: [],
    dismissingReasonId: null,
    active: status !== 'Dismissed' || rng.chance(0.5),
  });
  world.insert(T.leads, lead);
  return lead;
}

export function createBooking(world: World, rng: Rng, createdMs: number, untilMs: number): Rec {
  const person = personName(rng);
  const a = address(rng);
  const recent = untilMs - createdMs < 2 * DAY;
  const booking = build(world, T.bookings, rng, lifeTimes(rng, createdMs, untilMs, 0.7), {
    summary: sentence(rng),
    source: rng.pick(['Website', 'Google Reserve', 'Scheduling Pro']),
    name: person.full,
    address: { street: a.street, unit: null, city: a.city, state: 'AZ', zip: a.zip, country: 'USA' },
    customerType: 'Residential',
    start: tsSec(createdMs + rng.int(1, 5) * DAY),
    campaignId: rng.pick(world.pool(T.campaigns)),
    businessUnitId: rng.pick(world.pool(T.businessUnits)),
    isFirstTimeClient: rng.chance(0.7),
    uploadedImages: [],
    isSendConfirmationEmail: true,
    status: recent
      ? 'New'
      : rng.weighted([
          ['Converted', 6],
          ['Dismissed', 2],
          ['Accepted', 1],
        ] as const),
    dismissingReasonId: null,
    jobId: null,
    externalId: `bk-${rng.int(100000, 999999)}`,
    priority: 'Normal',
    jobTypeId: rng.pick(world.pool(T.jobTypes)),
    bookingProviderId: 1,
    active: true,
  });
  world.insert(T.bookings, booking);
  return booking;
}
