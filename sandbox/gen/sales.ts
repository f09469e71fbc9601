/**
 * Estimates with their items (nested in the estimate and served flat by `sales/estimates/items`).
 * Status is an object `{value, name}` with name Open, Sold or Dismissed.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { build } from './fill.js';
import { nameOf } from './common.js';
import type { World } from './world.js';

export const ESTIMATE_STATUS = {
  Open: { value: 1, name: 'Open' },
  Sold: { value: 2, name: 'Sold' },
  Dismissed: { value: 3, name: 'Dismissed' },
} as const;

/** Creates an open estimate for a job at `atMs` with 1–4 items. */
export function createEstimate(world: World, rng: Rng, job: Rec, atMs: number, option: number): Rec {
  const estimateId = world.ids.next(atMs);
  const items: Rec[] = [];
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    const table = i === 0 && rng.chance(0.5) ? T.pricebookEquipment : rng.chance(0.6) ? T.pricebookServices : T.pricebookMaterials;
    const skuId = rng.pick(world.pool(table));
    const sku = world.record(table, skuId)!;
    const qty = table === T.pricebookMaterials ? rng.int(1, 3) : 1;
    const unitRate = sku.price as number;
    const unitCost = (sku.cost as number) ?? 0;
    const stamp = world.stamp(atMs + i * 1000);
    const item = build(
      world,
      T.estimateItems,
      rng,
      { createdMs: atMs, modifiedMs: atMs },
      {
        sku: {
          id: skuId,
          name: sku.code,
          displayName: (sku.displayName as string) ?? sku.code,
          type: table === T.pricebookEquipment ? 'Equipment' : table === T.pricebookServices ? 'Service' : 'Material',
          soldHours: (sku.hours as number) ?? 0,
          generalLedgerAccountId: world.pool(T.glAccounts)[0],
          generalLedgerAccountName: 'Service Income',
          modifiedOn: sku.modifiedOn,
        },
        skuAccount: 'Service Income',
        description: `<p>${(sku.displayName as string) ?? sku.code}</p>`,
        membershipTypeId: null,
        qty,
        unitRate,
        total: Math.round(unitRate * qty * 100) / 100,
        unitCost,
        totalCost: Math.round(unitCost * qty * 100) / 100,
        itemGroupName: '',
        itemGroupRootId: null,
        createdOn: stamp,
        modifiedOn: stamp,
        chargeable: true,
        invoiceItemId: null,
        budgetCodeId: null,
      },
    );
    world.insert(T.estimateItems, item, { parent: String(estimateId) });
    items.push(item);
  }
  const subtotal = Math.round(items.reduce((s, it) => s + (it.total as number), 0) * 100) / 100;
  const estimate = build(
    world,
    T.estimates,
    rng,
    { createdMs: atMs, modifiedMs: atMs + n * 1000 + 500 },
    {
      id: estimateId,
      jobId: job.id,
      projectId: job.projectId ?? null,
      locationId: job.locationId,
      customerId: job.customerId,
      name: `Option ${String.fromCharCode(65 + option)} - ${nameOf(world, T.jobTypes, job.jobTypeId as number)}`,
      jobNumber: job.jobNumber,
      status: { ...ESTIMATE_STATUS.Open },
      reviewStatus: 'None',
      summary: rng.chance(0.5) ? 'Good/better/best' : null,
      soldOn: null,
      soldBy: null,
      active: true,
      items: items.map((it) => ({ ...it })),
      externalLinks: [],
      subtotal,
      tax: 0,
      businessUnitId: job.businessUnitId,
      businessUnitName: nameOf(world, T.businessUnits, job.businessUnitId as number),
      isRecommended: option === 0,
      budgetCodeId: null,
      isChangeOrder: false,
      proposalTagName: null,
      depositAmount: null,
      depositPercent: null,
      requireDepositOnSignature: null,
    },
  );
  world.insert(T.estimates, estimate);
  return estimate;
}

/** Marks an open estimate Sold (by `soldBy`) or Dismissed at `atMs`. */
export function decideEstimate(world: World, estimate: Rec, outcome: 'Sold' | 'Dismissed', soldBy: number | null, atMs: number): void {
  if ((estimate.status as Rec | null)?.name !== 'Open') return;
  estimate.status = { ...ESTIMATE_STATUS[outcome] };
  if (outcome === 'Sold') {
    estimate.soldOn = world.stamp(atMs);
    estimate.soldBy = soldBy;
  }
  estimate.modifiedOn = world.stamp(atMs);
  world.touch(T.estimates, estimate);
}
