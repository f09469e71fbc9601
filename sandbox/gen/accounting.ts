/**
 * Invoices (created empty when a job is booked, filled when work is done), invoice items and
 * payments applied to invoices. Money in these feeds is sent as decimal strings (reference §8.1).
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, midnight, tsSec } from '../time.js';
import { build, dec10, dec2, qty19 } from './fill.js';
import { named } from './common.js';
import type { World } from './world.js';

const addressOf = (a: Rec | null | undefined): Rec | null =>
  a
    ? {
        street: a.street ?? null,
        unit: a.unit ?? null,
        city: a.city ?? null,
        state: a.state ?? null,
        zip: a.zip ?? null,
        country: a.country ?? null,
      }
    : null;

function glRef(world: World, index: number): Rec | null {
  const id = world.pool(T.glAccounts)[index];
  const gl = id === undefined ? undefined : world.record(T.glAccounts, id);
  return gl ? { id, name: gl.name, number: gl.number, type: gl.type, detailType: gl.defaultAccountType } : null;
}

function employeeRef(world: World, rng: Rng): { id: number; login: string; modifiedOn: string } {
  const id = rng.pick(world.pool(T.employees));
  const e = world.record(T.employees, id)!;
  return { id, login: e.loginName as string, modifiedOn: e.modifiedOn as string };
}

/** The accounting batch of a day (one per business day, shared by invoices and payments). */
export function batchFor(world: World, ms: number): Rec {
  const memo = world.memoOf<Rec>('batches');
  const day = midnight(ms).slice(0, 10);
  let batch = memo.get(day);
  if (!batch) {
    const [y, m, d] = day.split('-');
    batch = { id: world.ids.next(ms), number: String(7000 + memo.size), name: `Service ${m}/${d}/${y}` };
    memo.set(day, batch);
  }
  return { ...batch };
}

export interface InvoiceParties {
  customer: Rec;
  location: Rec;
  businessUnitId: number;
  job: Rec | null;
  jobTypeName: string | null;
  membershipId: number | null;
  configuration: 'JobInvoice' | 'MembershipInvoice' | 'ProjectInvoice';
}

/** A new, empty invoice (no items, zero totals). */
export function createInvoice(world: World, rng: Rng, parties: InvoiceParties, createdMs: number, id?: number): Rec {
  const employee = employeeRef(world, rng);
  const job = parties.job;
  const invoice = build(
    world,
    T.invoices,
    rng,
    { createdMs, modifiedMs: createdMs },
    {
      id: id ?? world.ids.next(createdMs),
      summary: job ? (job.summary as string | null) : null,
      items: [],
      customFields: null,
      active: true,
      discountTotal: '0.00',
      importId: null,
      exportId: null,
      materialSkuId: null,
      membershipId: parties.membershipId,
      paidOn: null,
      invoiceConfiguration: parties.configuration,
      syncStatus: 'Pending',
      budgetCodeId: null,
      referenceNumber: job ? (job.jobNumber as string) : String(rng.int(100000, 999999)),
      invoiceDate: midnight(createdMs),
      dueDate: midnight(createdMs),
      subTotal: '0.00',
      salesTax: '0.00',
      salesTaxCode: null,
      taxZoneId: (parties.location.taxZoneId as number | null) ?? null,
      total: '0.00',
      balance: '0.00',
      invoiceType: null,
      customer: { id: parties.customer.id, name: parties.customer.name },
      customerAddress: addressOf(parties.customer.address as Rec),
      location: { id: parties.location.id, name: parties.location.name },
      locationAddress: addressOf(parties.location.address as Rec),
      businessUnit: named(world, T.businessUnits, parties.businessUnitId),
      termName: 'Due Upon Receipt',
      createdBy: employee.login,
      batch: null,
      depositedOn: null,
      adjustmentToId: null,
      job: job ? { id: job.id, number: job.jobNumber, type: parties.jobTypeName } : null,
      projectId: job ? (job.projectId as number | null) : null,
      royalty: { status: 'Pending', date: null, sentOn: null, memo: null },
      employeeInfo: { id: employee.id, name: employee.login, modifiedOn: employee.modifiedOn },
      commissionEligibilityDate: null,
      sentStatus: 'NotSent',
      reviewStatus: 'NeedsReview',
      assignedTo: null,
    },
  );
  world.insert(T.invoices, invoice);
  return invoice;
}

export interface InvoiceLine {
  skuTable: string;
  skuId: number;
  quantity: number;
}

/** Pick 1–4 lines: a service first, then materials or equipment. */
export function pickLines(world: World, rng: Rng, install: boolean): InvoiceLine[] {
  const lines: InvoiceLine[] = [{ skuTable: T.pricebookServices, skuId: rng.pick(world.pool(T.pricebookServices)), quantity: 1 }];
  if (install) lines.push({ skuTable: T.pricebookEquipment, skuId: rng.pick(world.pool(T.pricebookEquipment)), quantity: 1 });
  const extra = rng.count(0.9, 3);
  for (let i = 0; i < extra; i++) {
    lines.push({ skuTable: T.pricebookMaterials, skuId: rng.pick(world.pool(T.pricebookMaterials)), quantity: rng.int(1, 3) });
  }
  return lines;
}

/** Adds items to an invoice at `atMs` and recomputes its totals (invoice and items are changes). */
export function fillInvoice(world: World, rng: Rng, invoice: Rec, lines: InvoiceLine[], atMs: number, technicianId: number | null): void {
  const items = (invoice.items as Rec[]).slice();
  const businessUnit = invoice.businessUnit as Rec | null;
  for (const line of lines) {
    const sku = world.record(line.skuTable, line.skuId)!;
    const type = line.skuTable === T.pricebookServices ? 'Service' : line.skuTable === T.pricebookEquipment ? 'Equipment' : 'Material';
    const price = sku.price as number;
    const cost = (sku.cost as number) ?? 0;
    const at = world.stamp(atMs);
    const row = build(
      world,
      T.invoiceItems,
      rng,
      { createdMs: atMs, modifiedMs: atMs },
      {
        description: sku.displayName ?? sku.code,
        quantity: qty19(line.quantity),
        cost: dec10(cost),
        totalCost: dec2(cost * line.quantity),
        budgetCodeId: null,
        inventoryLocationId: null,
        inventoryLocation: null,
        price: dec2(price),
        type,
        skuName: sku.code,
        skuId: line.skuId,
        total: dec2(price * line.quantity),
        inventory: type === 'Material',
        taxable: type !== 'Service',
        isChargeable: true,
        generalLedgerAccount: glRef(world, type === 'Equipment' ? 2 : 0),
        costOfSaleAccount: null,
        assetAccount: null,
        membershipTypeId: 0,
        itemGroup: null,
        displayName: sku.displayName ?? sku.code,
        soldHours: (sku.hours as number) ?? 0,
        createdOn: at,
        modifiedOn: at,
        serviceDate: midnight(atMs),
        order: items.length + 1,
        businessUnit: businessUnit ? { id: businessUnit.id, name: businessUnit.name } : null,
        createdById: rng.pick(world.pool(T.employees)),
        displayInAmount: true,
        importId: null,
        exportId: null,
        inventoryStatus: null,
        addOn: false,
        memberPrice: dec2((sku.memberPrice as number) ?? price),
        technicianId,
        installedEquipmentId: null,
        estimateItemId: null,
        active: true,
        invoiceId: invoice.id,
      },
    );
    world.insert(T.invoiceItems, row);
    items.push(nestedItem(row));
  }
  invoice.items = items;
  recomputeInvoice(world, invoice, atMs);
}

/** An invoice-items row without the two fields only the flat feed carries. */
export function nestedItem(row: Rec): Rec {
  const { active: _active, invoiceId: _invoiceId, ...rest } = row;
  return rest;
}

const cents = (s: unknown): number => Math.round(Number(s) * 100);

/** Recomputes totals and balance from items and payments applied; touches the invoice at `atMs`. */
export function recomputeInvoice(world: World, invoice: Rec, atMs: number, paid = paidCents(world, invoice)): void {
  const items = invoice.items as Rec[];
  let sub = 0;
  let taxable = 0;
  for (const item of items) {
    sub += cents(item.total);
    if (item.taxable) taxable += cents(item.total);
  }
  const zone = invoice.taxZoneId === null ? undefined : world.record(T.taxZones, invoice.taxZoneId as number);
  const rate = ((zone?.rates as Rec[] | undefined)?.[0]?.taxRate as number | undefined) ?? 0;
  const tax = Math.round(taxable * rate);
  invoice.subTotal = dec2(sub / 100);
  invoice.salesTax = dec2(tax / 100);
  invoice.salesTaxCode = zone ? { id: zone.id, name: zone.name, taxRate: rate } : null;
  invoice.total = dec2((sub + tax) / 100);
  invoice.balance = dec2(Math.max(0, sub + tax - paid) / 100);
  if (items.length > 0 && invoice.syncStatus === 'Pending') {
    invoice.syncStatus = 'Posted';
    invoice.invoiceDate = midnight(atMs);
    invoice.dueDate = midnight(atMs);
    invoice.batch = batchFor(world, atMs);
    invoice.sentStatus = 'Sent';
    invoice.reviewStatus = 'Reviewed';
  }
  invoice.modifiedOn = world.stamp(atMs);
  world.touch(T.invoices, invoice);
}

function paidCents(world: World, invoice: Rec): number {
  const memo = world.memoOf<number>('paid-cents');
  return memo.get(String(invoice.id)) ?? 0;
}

/** Creates a payment for the invoice's open balance at `atMs`, applied to it. */
export function payInvoice(world: World, rng: Rng, invoice: Rec, atMs: number): Rec | null {
  const due = cents(invoice.balance);
  if (due <= 0) return null;
  const typeId = rng.pick(world.pool(T.paymentTypes));
  const typeName = world.record(T.paymentTypes, typeId)!.name as string;
  const employee = employeeRef(world, rng);
  const paymentId = world.ids.next(atMs);
  const applied = world.ids.next(atMs);
  const at = world.stamp(atMs);
  const payment = build(
    world,
    T.payments,
    rng,
    { createdMs: atMs, modifiedMs: atMs + rng.int(100, 2000) },
    {
      id: paymentId,
      active: true,
      appliedTo: [
        {
          appliedAmount: dec2(due / 100),
          appliedBy: employee.login,
          appliedId: applied,
          appliedOn: at,
          appliedTo: invoice.id,
          appliedToReferenceNumber: invoice.referenceNumber,
        },
      ],
      authCode: typeName === 'Credit Card' ? String(rng.int(100000, 999999)) : null,
      batch: batchFor(world, atMs),
      businessUnit: invoice.businessUnit,
      checkNumber: typeName === 'Check' ? String(rng.int(1000, 9999)) : null,
      createdBy: employee.login,
      customer: invoice.customer,
      customFields: [],
      date: midnight(atMs),
      deposit: null,
      generalLedgerAccount: glRef(world, 4),
      memo: null,
      referenceNumber: rng.chance(0.5) ? String(rng.int(100000, 999999)) : null,
      refundedPaymentId: null,
      syncStatus: 'Posted',
      total: dec2(due / 100),
      type: typeName,
      typeId: String(typeId),
      unappliedAmount: '0.00',
    },
  );
  world.insert(T.payments, payment);
  const memo = world.memoOf<number>('paid-cents');
  const paid = (memo.get(String(invoice.id)) ?? 0) + due;
  memo.set(String(invoice.id), paid);
  invoice.paidOn = tsSec(atMs);
  recomputeInvoice(world, invoice, atMs + 1000, paid);
  return payment;
}

/** When an unpaid invoice gets paid: mostly at once, sometimes days later, sometimes never. */
export function paymentDelayMs(rng: Rng): number | null {
  return rng.weighted([
    [0, 70],
    [1, 18],
    [2, 12],
  ] as const) === 0
    ? rng.int(2, 40) * 60_000
    : rng.chance(0.6)
      ? rng.int(1, 30) * DAY
      : null;
}
