/**
 * Plausible records for the secondary feeds (projects, service agreements, inventory documents,
 * timesheet activities, …) and for every generic list endpoint, filled from the OpenAPI-derived
 * shapes with a few consistency overrides.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { ALIASES } from '../data/aliases.js';
import { DAY, HOUR, dayStart, midnightNoOffset, tsSec } from '../time.js';
import { build, type FillTimes } from './fill.js';
import { historyMs, pickRecord } from './common.js';
import { lifeTimes, locationsOf } from './crm.js';
import { ROW_KEY, type World } from './world.js';
import { withoutIdSometimes } from './missing-ids.js';

/** Generic lists whose id the documents declare nullable and that SandboxOptions.missingIds applies to. */
const NULLABLE_ID_LISTS = new Set(['accounting/journal-entries']);

function times(world: World, rng: Rng, pModified = 0.4): FillTimes {
  return lifeTimes(rng, historyMs(world, rng), world.clockMs, pModified);
}

/** Creates one secondary export record (also used by `advance` to create new ones). */
export function createSecondary(world: World, rng: Rng, table: string, t: FillTimes): Rec | null {
  switch (table) {
    case T.projects: {
      const customer = pickRecord(world, T.customers, rng, (c) => c.active === true);
      const location = customer ? locationsOf(world, customer.id as number)[0] : undefined;
      if (!customer || !location) return null;
      const status = pickRecord(world, T.projectStatuses, rng);
      const n = world.nextCount('project', 1000);
      const rec = build(world, T.projects, rng, t, {
        number: `P-${n}`,
        name: `${customer.name as string} project`,
        status: status?.name ?? null,
        statusId: status?.id ?? null,
        subStatus: null,
        subStatusId: null,
        customerId: customer.id,
        locationId: location.id,
        projectTypeId: rng.pick(world.pool(T.projectTypes)),
        projectManagerIds: rng.sample(world.pool(T.employees), 1),
        businessUnitIds: rng.sample(world.pool(T.businessUnits), 1),
        startDate: tsSec(t.createdMs + DAY),
        // modifiedOn is nullable on projects; the feed then orders by createdOn.
        modifiedOn: rng.chance(0.1) ? null : world.stamp(t.modifiedMs),
        customFields: [],
        externalData: null,
        jobIds: [],
        active: true,
      });
      world.insert(T.projects, rec);
      return rec;
    }
    case T.projectNotes: {
      const projectId = world.pool(T.projects).length > 0 ? rng.pick(world.pool(T.projects)) : null;
      if (projectId === null) return null;
      const rec = build(world, T.projectNotes, rng, t, { active: true, projectId });
      world.insert(T.projectNotes, rec);
      return rec;
    }
    case T.serviceAgreements: {
      const customer =
        pickRecord(world, T.customers, rng, (c) => c.active === true && c.type === 'Commercial') ?? pickRecord(world, T.customers, rng);
      if (!customer) return null;
      const startMs = dayStart(t.createdMs) + 7 * DAY;
      const rec = build(world, T.serviceAgreements, rng, t, {
        name: `${customer.name as string} agreement`,
        customerId: customer.id,
        locationIds: locationsOf(world, customer.id as number).map((l) => l.id),
        status: startMs + 365 * DAY < world.clockMs ? 'Expired' : 'Activated',
        origin: 'Initial',
        autoRenew: rng.chance(0.5),
        // Declared `date` but sent as a midnight date-time without offset (reference §8.1).
        startDate: midnightNoOffset(startMs),
        endDate: midnightNoOffset(startMs + 364 * DAY),
        tagTypeIds: [],
        customFields: [],
        active: true,
      });
      world.insert(T.serviceAgreements, rec);
      return rec;
    }
    case T.inventoryBills: {
      const po = pickRecord(world, T.purchaseOrders, rng);
      const rec = build(world, T.inventoryBills, rng, t, {
        purchaseOrderId: po?.id ?? null,
        jobId: po?.jobId ?? null,
        // An enum that sometimes arrives as an integer (reference §8.1, MeltanoLabs issue #358).
        landedCostMethod: rng.chance(0.3) ? 0 : rng.pick(['None', 'ByValue']),
        modifiedOn: rng.chance(0.1) ? null : world.stamp(t.modifiedMs),
        active: true,
      });
      world.insert(T.inventoryBills, rec);
      return rec;
    }
    case T.activities: {
      const employeeId = rng.pick(world.pool(T.technicians));
      const start = t.createdMs;
      const rec = build(
        world,
        T.activities,
        rng,
        { createdMs: start, modifiedMs: Math.max(start + HOUR, t.modifiedMs) },
        {
          employeeId,
          employeeType: 'Technician',
          activityTypeId: rng.pick(world.pool(T.activityTypes)),
          startTime: tsSec(start),
          endTime: tsSec(start + rng.int(15, 240) * 60_000),
          projectId: null,
          tagTypes: [],
          active: true,
        },
      );
      world.insert(T.activities, rec);
      return rec;
    }
    case T.adjustments:
    case T.returns:
    case T.transfers: {
      const rec = build(world, table, rng, t, { active: true });
      world.insert(table, rec);
      return rec;
    }
    default:
      return null;
  }
}

const SECONDARY_COUNTS: ReadonlyArray<readonly [string, number]> = [
  [T.projects, 80],
  [T.projectNotes, 160],
  [T.serviceAgreements, 60],
  [T.inventoryBills, 250],
  [T.adjustments, 100],
  [T.returns, 50],
  [T.transfers, 80],
  [T.activities, 1200],
];

export function generateSecondary(world: World): void {
  for (const [table, base] of SECONDARY_COUNTS) {
    const rng = world.rng('secondary', table);
    const n = world.count(base, 3);
    for (let i = 0; i < n; i++) createSecondary(world, rng, table, times(world, rng));
  }
}

/** The table serving the list at `path` of a module (for per-parent generic endpoints). */
function parentTable(world: World, childName: string): string | null {
  const m = /^(.*?)\/\{[^}]+\}/.exec(childName);
  if (!m) return null;
  const listName = m[1];
  const alias = ALIASES[listName];
  if (alias) return alias.table;
  return world.hasTable(listName) ? listName : null;
}

/** Rows for every generic list endpoint (static reference-like data). */
export function generateGenericLists(world: World, names: string[]): void {
  const perList = 4 + Math.round(16 * Math.min(1, world.scale * 2));
  // Parents first: a child endpoint draws its parent keys from its parent's rows.
  const ordered = [...names].sort((a, b) => (a.includes('{') ? 1 : 0) - (b.includes('{') ? 1 : 0) || a.localeCompare(b));
  for (const name of ordered) {
    const rng = world.rng('generic', name);
    const table = world.table(name);
    const parent = parentTable(world, name);
    const parentKeys = parent ? [...world.table(parent).rows()].slice(0, 200).map((r) => r.key) : [];
    const plan: Array<string | null> = [];
    if (parentKeys.length > 0) {
      for (const key of parentKeys) for (let k = rng.int(0, 2); k > 0; k--) plan.push(key);
    } else {
      for (let i = 0; i < perList; i++) plan.push(null);
    }
    plan.forEach((parentKey, i) => {
      const rec = build(world, name, rng, times(world, rng, 0.3));
      if (typeof rec.id !== 'number') (rec as Record<symbol, unknown>)[ROW_KEY] = `${name}#${i}`;
      if (NULLABLE_ID_LISTS.has(name)) withoutIdSometimes(world, name, rec);
      world.insert(table.name, rec, { parent: parentKey });
    });
  }
}
