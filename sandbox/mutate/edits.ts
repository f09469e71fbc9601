/**
 * Single random changes applied by `advance`: edits (modifiedOn moves, the row re-enters the feed),
 * deactivations (`active: false`), merges and hard deletes of list-only reference rows.
 * Each returns false when it found nothing suitable to change.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { HARD_DELETABLE } from '../data/routes.js';
import { pickRecord } from '../gen/common.js';
import { payInvoice } from '../gen/accounting.js';
import { changeMembershipStatus } from '../gen/memberships.js';
import { locationsOf } from '../gen/crm.js';
import { address, phone, sentence, STREET_NAMES } from '../gen/values.js';
import type { World } from '../gen/world.js';
import { mergeCustomer, mergeLocation } from './merge.js';

export type EditKind =
  | 'customer'
  | 'location'
  | 'contact'
  | 'deactivateContact'
  | 'deactivateLocation'
  | 'deactivateCustomer'
  | 'job'
  | 'technician'
  | 'reference'
  | 'secondary'
  | 'payInvoice'
  | 'cancelMembership'
  | 'mergeCustomer'
  | 'mergeLocation'
  | 'hardDelete'
  | 'deactivateInvoice'
  | 'reactivateInvoice';

export const EDIT_WEIGHTS: ReadonlyArray<readonly [EditKind, number]> = [
  ['customer', 4],
  ['location', 2],
  ['contact', 2],
  ['deactivateContact', 1],
  ['deactivateLocation', 0.5],
  ['deactivateCustomer', 0.3],
  ['job', 2],
  ['technician', 0.5],
  ['reference', 1],
  ['secondary', 3],
  ['payInvoice', 1.5],
  ['cancelMembership', 0.5],
  ['mergeCustomer', 0.6],
  ['mergeLocation', 0.3],
  ['hardDelete', 0.5],
  ['deactivateInvoice', 0.3],
  ['reactivateInvoice', 0.3],
];

/** Tables whose rows `secondary` edits pick from (feeds without a dedicated edit). */
const SECONDARY_TABLES = [
  T.leads,
  T.bookings,
  T.jobNotes,
  T.projects,
  T.projectNotes,
  T.serviceAgreements,
  T.installedEquipment,
  T.adjustments,
  T.returns,
  T.transfers,
  T.activities,
  T.pricebookServices,
  T.pricebookMaterials,
  T.pricebookEquipment,
  T.recurringServices,
  T.tagTypes,
  T.timesheetCodes,
  T.activityCodes,
  T.inventoryBills,
  T.payrollAdjustments,
  T.membershipTypes,
];

const REFERENCE_TABLES = [T.jobTypes, T.campaigns, T.callReasons, T.zones, T.teams, T.jobCancelReasons, T.vendors, T.glAccounts];

/** Records an edit at `atMs`; the feed position time and modifiedOn are the same stamp. */
function touch(world: World, table: string, rec: Rec, atMs: number): void {
  const stamp = world.stamp(atMs);
  if ('modifiedOn' in rec) rec.modifiedOn = stamp;
  world.touch(table, rec, stamp);
}

function deactivate(world: World, table: string, rec: Rec, atMs: number): void {
  rec.active = false;
  touch(world, table, rec, atMs);
  world.counters.deactivated++;
}

/** Customers that absorbed another customer and are still active (merge chains grow from these). */
function mergeWinners(world: World): Rec[] {
  const winners = new Set<number>();
  for (const row of world.table(T.customers).rows()) if (typeof row.rec.mergedToId === 'number') winners.add(row.rec.mergedToId);
  return [...winners].map((id) => world.record(T.customers, id)).filter((c): c is Rec => !!c && c.active === true);
}

/** Whether a location's customer has another active location (so it may be deactivated or merged away). */
function hasOtherActiveLocation(world: World, location: Rec): boolean {
  return locationsOf(world, location.customerId as number).filter((x) => x.active === true).length > 1;
}

export function applyEdit(world: World, rng: Rng, kind: EditKind, at: number): boolean {
  switch (kind) {
    case 'customer': {
      const c = pickRecord(world, T.customers, rng, (r) => r.active === true);
      if (!c) return false;
      if (rng.chance(0.5)) c.address = { ...(c.address as Rec), ...{ street: `${rng.int(100, 9899)} ${rng.pick(STREET_NAMES)}` } };
      else c.doNotMail = !c.doNotMail;
      touch(world, T.customers, c, at);
      return true;
    }
    case 'location': {
      const l = pickRecord(world, T.locations, rng, (r) => r.active === true);
      if (!l) return false;
      l.zoneId = rng.pick(world.pool(T.zones));
      touch(world, T.locations, l, at);
      return true;
    }
    case 'contact': {
      const c = pickRecord(world, T.customerContacts, rng, (r) => r.active === true && r.type !== 'Email');
      if (!c) return false;
      c.value = phone(rng);
      c.phoneSettings = { phoneNumber: c.value, doNotText: rng.chance(0.1) };
      touch(world, T.customerContacts, c, at);
      return true;
    }
    case 'deactivateContact': {
      const c = pickRecord(world, T.customerContacts, rng, (r) => r.active === true);
      if (!c) return false;
      deactivate(world, T.customerContacts, c, at);
      return true;
    }
    case 'deactivateLocation': {
      const l = pickRecord(world, T.locations, rng, (r) => r.active === true && hasOtherActiveLocation(world, r));
      if (!l) return false;
      deactivate(world, T.locations, l, at);
      return true;
    }
    case 'deactivateCustomer': {
      const c = pickRecord(world, T.customers, rng, (r) => r.active === true);
      if (!c) return false;
      deactivate(world, T.customers, c, at);
      return true;
    }
    case 'job': {
      const j = pickRecord(world, T.jobs, rng, (r) => r.jobStatus === 'Scheduled' || r.jobStatus === 'Hold');
      if (!j) return false;
      j.priority = rng.pick(['Normal', 'High', 'Urgent', 'Low']);
      j.summary = `<p>${sentence(rng)}</p>`;
      touch(world, T.jobs, j, at);
      return true;
    }
    case 'technician': {
      const t = pickRecord(world, T.technicians, rng, (r) => r.active === true);
      if (!t) return false;
      t.mobilePhone = phone(rng);
      t.home = { ...(t.home as Rec), street: address(rng).street };
      touch(world, T.technicians, t, at);
      return true;
    }
    case 'reference': {
      const table = rng.pick(REFERENCE_TABLES);
      const r = pickRecord(world, table, rng);
      if (!r) return false;
      if (typeof r.name === 'string') r.name = r.name.replace(/ \(rev \d+\)$/, '') + ` (rev ${rng.int(2, 9)})`;
      touch(world, table, r, at);
      return true;
    }
    case 'secondary': {
      const table = rng.pick(SECONDARY_TABLES);
      const r = pickRecord(world, table, rng);
      if (!r) return false;
      for (const field of ['memo', 'summary', 'description', 'text', 'note']) {
        if (field in r && (typeof r[field] === 'string' || r[field] === null)) {
          r[field] =
            field === 'description' && typeof r[field] === 'string' && (r[field] as string).startsWith('<')
              ? `<p>${sentence(rng)}</p>`
              : sentence(rng);
          break;
        }
      }
      touch(world, table, r, at);
      return true;
    }
    case 'payInvoice': {
      const inv = pickRecord(world, T.invoices, rng, (r) => Number(r.balance) > 0 && r.active === true);
      if (!inv) return false;
      return payInvoice(world, rng, inv, at) !== null;
    }
    case 'cancelMembership': {
      const m = pickRecord(world, T.memberships, rng, (r) => r.status === 'Active');
      if (!m) return false;
      changeMembershipStatus(world, rng, m, 'Canceled', at);
      return true;
    }
    case 'mergeCustomer': {
      const winners = mergeWinners(world);
      // Prefer extending an existing merge chain: the previous winner is merged into someone else.
      const loser =
        winners.length > 0 && rng.chance(0.6) ? rng.pick(winners) : pickRecord(world, T.customers, rng, (r) => r.active === true);
      if (!loser) return false;
      const winner = pickRecord(world, T.customers, rng, (r) => r.active === true && r.id !== loser.id);
      if (!winner) return false;
      mergeCustomer(world, loser, winner, at);
      return true;
    }
    case 'mergeLocation': {
      const l = pickRecord(world, T.locations, rng, (r) => r.active === true && hasOtherActiveLocation(world, r));
      if (!l) return false;
      const other = locationsOf(world, l.customerId as number).find((x) => x.active === true && x.id !== l.id);
      if (!other) return false;
      mergeLocation(world, l, other, at);
      return true;
    }
    case 'deactivateInvoice': {
      const inv = pickRecord(world, T.invoices, rng, (r) => r.active === true && Number(r.subTotal) > 0);
      if (!inv) return false;
      deactivate(world, T.invoices, inv, at);
      return true;
    }
    case 'reactivateInvoice': {
      // Inactive invoices are few: pick among all of them rather than by random probing.
      const inactive = [...world.table(T.invoices).rows()].filter((r) => r.rec.active === false);
      if (inactive.length === 0) return false;
      const inv = rng.pick(inactive).rec;
      inv.active = true;
      touch(world, T.invoices, inv, at);
      return true;
    }
    case 'hardDelete':
      return hardDelete(world, rng);
  }
}

/** Removes one list-only reference row nothing refers to (list full refreshes must notice). */
export function hardDelete(world: World, rng: Rng): boolean {
  const order = rng.sample([...HARD_DELETABLE], HARD_DELETABLE.length);
  for (const table of order) {
    const rows = [...world.table(table).rows()];
    const candidates = table === T.taxZones ? rows.filter((r) => !isTaxZoneUsed(world, r.rec.id as number)) : rows;
    if (candidates.length <= (table === T.taxZones ? 0 : 1)) continue;
    const victim = rng.pick(candidates);
    world.table(table).remove(victim.key);
    const pool = world.pool(table);
    const i = pool.indexOf(victim.rec.id as number);
    if (i >= 0) pool.splice(i, 1);
    world.counters.deleted++;
    return true;
  }
  return false;
}

function isTaxZoneUsed(world: World, id: number): boolean {
  for (const row of world.table(T.locations).rows()) if (row.rec.taxZoneId === id) return true;
  return false;
}
