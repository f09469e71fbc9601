/**
 * Generic record filling from OpenAPI-derived shapes.
 *
 * `build(world, endpoint, rng, times, overrides)` produces a record with exactly the SPEC fields of
 * the endpoint's item, in SPEC order: fields named in `overrides` take the given value, the rest
 * are filled plausibly from the field name and type (ids from the one id space, foreign keys from
 * the matching table's pool, money as decimal strings where the SPEC types money as string, and so
 * on). Overriding a field the shape does not have throws: field names stay exactly the SPEC names.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { fieldNames, itemShape, type ObjectShape, type Shape } from '../shapes/index.js';
import { T } from '../data/names.js';
import { dateOnly, duration, midnight, tsSec } from '../time.js';
import { address, companyName, emailFor, personName, phone, sentence, WORDS } from './values.js';
import type { World } from './world.js';

export interface FillTimes {
  createdMs: number;
  modifiedMs: number;
}

interface Ctx {
  world: World;
  rng: Rng;
  times: FillTimes;
}

/** Foreign-key field name → table whose ids it holds. */
const FOREIGN_KEYS: Record<string, string> = {
  customerId: T.customers,
  locationId: T.locations,
  recurringLocationId: T.locations,
  jobId: T.jobs,
  sourceJobId: T.jobs,
  technicianId: T.technicians,
  businessUnitId: T.businessUnits,
  payrollBusinessUnitId: T.businessUnits,
  campaignId: T.campaigns,
  defaultCampaignId: T.campaigns,
  jobTypeId: T.jobTypes,
  invoiceId: T.invoices,
  projectId: T.projects,
  vendorId: T.vendors,
  membershipId: T.memberships,
  membershipTypeId: T.membershipTypes,
  appointmentId: T.appointments,
  jobAppointmentId: T.appointments,
  zoneId: T.zones,
  mainZoneId: T.zones,
  taxZoneId: T.taxZones,
  paymentTermId: T.paymentTerms,
  paymentTypeId: T.paymentTypes,
  inventoryLocationId: T.warehouses,
  warehouseId: T.warehouses,
  fromLocationId: T.warehouses,
  toLocationId: T.warehouses,
  skuId: T.pricebookMaterials,
  callReasonId: T.callReasons,
  reasonId: T.jobCancelReasons,
  purchaseOrderId: T.purchaseOrders,
  activityCodeId: T.activityCodes,
  timesheetCodeId: T.timesheetCodes,
  payrollId: T.payrolls,
  estimateId: T.estimates,
  callId: T.calls,
  leadCallId: T.calls,
  bookingId: T.bookings,
  recurringServiceTypeId: T.recurringServiceTypes,
  invoiceTemplateId: T.invoiceTemplates,
  billingTemplateId: T.invoiceTemplates,
  activityTypeId: T.activityTypes,
  categoryId: T.activityCategories,
  generalLedgerAccountId: T.glAccounts,
  installedEquipmentId: T.installedEquipment,
  locationRecurringServiceId: T.recurringServices,
  teamId: T.teams,
  createdById: T.employees,
  modifiedById: T.employees,
  assignedById: T.employees,
  soldById: T.technicians,
  activatedById: T.employees,
  reportedById: T.employees,
  assignedToId: T.employees,
  canceledById: T.employees,
  pickedById: T.employees,
  receivedById: T.employees,
  managerId: T.employees,
  verifiedByUserId: T.employees,
  descriptionModifiedById: T.employees,
  accountManagerId: T.employees,
  employeeId: T.employees,
};

const UNKNOWN_ENUM_VALUES = ['Unknown', 'Other', 'Legacy', 'NotSet'] as const;

const MONEY = /(amount|total|price|cost|balance|tax|discount|subtotal|payment|deposit|revenue|fee|charge)$/i;

type Builder = (overrides: Rec, fill: (index: number) => unknown) => Rec;

/**
 * Per-endpoint record constructors compiled to one object literal each: records are created with
 * all their properties at once, which keeps them in V8's fast (non-dictionary) object mode; that
 * matters for memory and for JSON.stringify speed when pages are served.
 */
interface CompiledBuilder {
  shape: ObjectShape;
  make: Builder;
  fields: Set<string>;
}

const builders = new Map<string, CompiledBuilder>();

function builderFor(endpoint: string): CompiledBuilder {
  let b = builders.get(endpoint);
  if (!b) {
    const shape = itemShape(endpoint);
    const body = shape.fields
      .map(([name], i) => `${JSON.stringify(name)}: (${JSON.stringify(name)} in o) ? o[${JSON.stringify(name)}] : f(${i})`)
      .join(',\n');
    // Field names are plain identifiers (checked by scripts/generate-record-shapes.ts).
    const make = new Function('o', 'f', `return {\n${body}\n};`) as Builder;
    b = { shape, make, fields: new Set(fieldNames(shape)) };
    builders.set(endpoint, b);
  }
  return b;
}

export function build(world: World, endpoint: string, rng: Rng, times: FillTimes, overrides: Rec = {}): Rec {
  const { shape, make, fields } = builderFor(endpoint);
  for (const name in overrides) {
    if (!fields.has(name)) throw new Error(`sandbox: ${endpoint} has no field ${name}`);
  }
  const ctx: Ctx = { world, rng, times };
  return make(overrides, (i) => {
    const [name, fieldShape] = shape.fields[i];
    return fillField(name, fieldShape, ctx, 0);
  });
}

function between(ctx: Ctx): number {
  const { createdMs, modifiedMs } = ctx.times;
  return createdMs + ctx.rng.next() * Math.max(0, modifiedMs - createdMs);
}

/** Ids a foreign-key field (`customerId`, …) can point at; empty when the field names no known table. */
function foreignPool(world: World, field: string): number[] {
  const table = FOREIGN_KEYS[field];
  return table && world.hasTable(table) ? world.pool(table) : [];
}

function foreignKey(name: string, nullable: boolean, ctx: Ctx): number | null {
  const pool = foreignPool(ctx.world, name);
  if (pool.length > 0) return ctx.rng.pick(pool);
  return nullable ? null : ctx.rng.int(1000, 99999);
}

function fillField(name: string, shape: Shape, ctx: Ctx, depth: number): unknown {
  const { rng, world, times } = ctx;
  if (name === 'id' && shape.kind === 'int') return world.ids.next(times.createdMs);
  if (name === 'id' && shape.kind === 'str') return uuid(rng); // string keys (guids) must be unique too
  if (name === 'active' && shape.kind === 'bool') return !rng.chance(0.04);
  if (name === 'createdOn' && shape.kind === 'dt') return world.stamp(times.createdMs);
  if (name === 'modifiedOn' && shape.kind === 'dt') return world.stamp(times.modifiedMs);
  if (shape.nullable) {
    const pNull = shape.kind === 'object' ? 0.3 : /Id$/.test(name) ? 0.45 : 0.35;
    if (rng.chance(pNull)) return null;
  }
  switch (shape.kind) {
    case 'int':
      if (/Id$/.test(name) || name === 'appliedTo') return foreignKey(name, shape.nullable, ctx);
      if (name === 'year') return new Date(times.modifiedMs).getUTCFullYear();
      if (name === 'month') return rng.int(1, 12);
      if (/order|position|sort/i.test(name)) return rng.int(0, 20);
      if (/duration|minutes|days|months|count|length|interval/i.test(name)) return rng.int(1, 24);
      return rng.int(0, 100);
    case 'num':
      if (/latitude/i.test(name)) return Math.round(rng.float(33.2, 33.6) * 1e6) / 1e6;
      if (/longitude/i.test(name)) return Math.round(rng.float(-112.1, -111.5) * 1e6) / 1e6;
      if (/percent|percentage/i.test(name)) return rng.int(0, 40);
      if (/rate|multiplier/i.test(name)) return Math.round(rng.float(0, 1.5) * 10000) / 10000;
      if (/hours|duration/i.test(name)) return Math.round(rng.float(0.25, 8) * 100) / 100;
      if (/quantity|qty/i.test(name)) return rng.int(1, 5);
      if (/rating/i.test(name)) return rng.int(1, 5);
      return rng.money(0, 1500);
    case 'str':
      return fillString(name, ctx);
    case 'html':
      return `<p>${sentence(rng)}</p>`;
    case 'bool':
      return rng.chance(/^(is|has|allow|show|use)/.test(name) ? 0.25 : 0.15);
    case 'dt': {
      const ms = between(ctx);
      if (/date$/i.test(name) || /^(from|to)$/.test(name)) return midnight(ms);
      if (/On$/.test(name)) return world.stamp(ms);
      return tsSec(ms);
    }
    case 'date':
      return dateOnly(between(ctx));
    case 'dur':
      return duration(rng.int(60, 4 * 3600));
    case 'enum': {
      if (shape.values.length === 0) return null;
      // Now and then a value the SPEC does not list (real enums grow; reference §8.1).
      if (!shape.integer && rng.chance(0.01)) return rng.pick(UNKNOWN_ENUM_VALUES);
      const v = rng.pick(shape.values);
      return shape.integer ? Number(v) : v;
    }
    case 'any':
      return null;
    case 'object': {
      if (depth > 4) return null;
      const out: Rec = {};
      for (const [n, s] of shape.fields) out[n] = fillField(n, s, ctx, depth + 1);
      return out;
    }
    case 'array': {
      if (depth > 4 || shape.of.kind === 'any') return [];
      if (shape.of.kind === 'int' && /Ids$/.test(name)) {
        const pool = foreignPool(world, name.slice(0, -1));
        return pool.length > 0 ? rng.sample(pool, rng.int(0, 2)) : [];
      }
      const n = name === 'customFields' || name === 'externalData' ? rng.int(0, 1) : rng.int(0, 2);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(fillField(name.replace(/s$/, ''), shape.of, ctx, depth + 1));
      return out;
    }
  }
}

function fillString(name: string, ctx: Ctx): string | null {
  const { rng } = ctx;
  const lower = name.toLowerCase();
  if (lower === 'email' || lower.endsWith('email')) return emailFor(personName(rng).full, rng);
  if (/phone|fax|callerid/.test(lower) || lower === 'from' || lower === 'to') return phone(rng);
  if (/street/.test(lower)) return address(rng).street;
  if (lower === 'unit') return null;
  if (lower === 'city') return address(rng).city;
  if (lower === 'state') return 'AZ';
  if (/zip/.test(lower)) return address(rng).zip;
  if (lower === 'country') return 'USA';
  if (/url|uri|link|path/.test(lower)) return `https://files.example.com/${rng.int(100000, 999999)}`;
  if (/(customer|technician|employee|author|agent|user|created|modified)name$/.test(lower) || lower === 'fullname') {
    return personName(rng).full;
  }
  if (/vendor|company|officialname/.test(lower)) return companyName(rng);
  if (lower === 'name' || lower.endsWith('name') || lower === 'title' || lower === 'displayname') {
    const w = rng.pick(WORDS);
    return `${w[0].toUpperCase()}${w.slice(1)} ${rng.pick(WORDS)} ${rng.int(1, 99)}`;
  }
  if (/memo|description|summary|note|text|comment|message|instruction|reason|paragraph|header|bio/.test(lower)) {
    return sentence(rng);
  }
  if (/quantity|qty/.test(lower)) return `${rng.int(1, 4)}.0000000000000000000`;
  if (MONEY.test(name)) return rng.money(0, 900).toFixed(2);
  if (/color/.test(lower)) return `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
  if (/code$/.test(lower)) return `${rng.pick(WORDS).slice(0, 3).toUpperCase()}-${rng.int(10, 999)}`;
  if (/number$/.test(lower) || /^(sid|importid|exportid|externalid)$/.test(lower)) return String(rng.int(100000, 9999999));
  if (/guid|aaduserid/.test(lower)) return uuid(rng);
  if (/status|type|source|platform|icon/.test(lower)) {
    const w = rng.pick(WORDS);
    return w[0].toUpperCase() + w.slice(1);
  }
  return rng.pick(WORDS);
}

export function uuid(rng: Rng): string {
  const hex = (n: number): string => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** Money as ServiceTitan's accounting feeds send it: `"389.13"`. */
export function dec2(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

/** Unit cost as sent in invoice items: `"18.5000000000"`. */
export function dec10(n: number): string {
  return n.toFixed(10);
}

/** Quantity as sent in invoice items: `"1.0000000000000000000"`. */
export function qty19(n: number): string {
  return n.toFixed(19);
}
