/**
 * Applies the stages of a job plan (see jobs.ts): each stage edits the job and its related
 * records at the stage time, so feeds see the same sequence of changes a real tenant would.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, HOUR, dayStart, midnight, tsSec } from '../time.js';
import { build } from './fill.js';
import { nameOf } from './common.js';
import { addHistory, jobPlans, type JobPlan, type Stage } from './jobs.js';
import { fillInvoice, payInvoice, paymentDelayMs, pickLines } from './accounting.js';
import { createEstimate, decideEstimate } from './sales.js';
import { grossPayForTimesheet } from './payroll.js';
import { sentence } from './values.js';
import type { World } from './world.js';

function touchAt(world: World, table: string, rec: Rec, atMs: number, edit: (r: Rec) => void): void {
  edit(rec);
  rec.modifiedOn = world.stamp(atMs);
  world.touch(table, rec);
}

/** Applies every pending stage of `plan` with time <= untilMs, in order. */
export function progressJob(world: World, rng: Rng, plan: JobPlan, untilMs: number): void {
  while (plan.next < plan.stages.length && plan.stages[plan.next].at <= untilMs) {
    applyStage(world, rng, plan, plan.stages[plan.next]);
    plan.next++;
  }
  if (plan.next >= plan.stages.length) jobPlans(world).delete(String(plan.jobId));
}

/** Applies exactly the next stage of a plan. */
export function applyNextStage(world: World, rng: Rng, plan: JobPlan): void {
  const stage = plan.stages[plan.next];
  if (!stage) return;
  applyStage(world, rng, plan, stage);
  plan.next++;
  // Finished plans are dropped (completion may have scheduled a payment or decision first).
  if (plan.next >= plan.stages.length) jobPlans(world).delete(String(plan.jobId));
}

function applyStage(world: World, rng: Rng, plan: JobPlan, stage: Stage): void {
  const job = world.record(T.jobs, plan.jobId);
  if (!job) return;
  const at = stage.at;
  const i = stage.index ?? 0;
  const appointment = world.record(T.appointments, plan.appointmentIds[i]);
  const assignments = (plan.assignmentIds[i] ?? []).map((id) => world.record(T.assignments, id)).filter((a): a is Rec => !!a);
  switch (stage.kind) {
    case 'dispatch': {
      if (appointment) touchAt(world, T.appointments, appointment, at, (a) => (a.status = 'Dispatched'));
      for (const a of assignments) touchAt(world, T.assignments, a, at + 200, (r) => (r.status = 'Dispatched'));
      plan.timesheetIds[i] = assignments.map((a) => {
        const ts = build(
          world,
          T.jobTimesheets,
          rng,
          { createdMs: at, modifiedMs: at + 300 },
          {
            jobId: job.id,
            appointmentId: a.appointmentId,
            technicianId: a.technicianId,
            dispatchedOn: tsSec(at),
            arrivedOn: null,
            canceledOn: null,
            doneOn: null,
            active: true,
          },
        );
        world.insert(T.jobTimesheets, ts);
        return ts.id as number;
      });
      touchAt(world, T.jobs, job, at + 400, (j) => (j.jobStatus = 'Dispatched'));
      addHistory(world, plan.jobId, 'Technician Dispatched', at + 500, (assignments[0]?.assignedById as number) ?? null);
      return;
    }
    case 'arrive': {
      if (appointment) touchAt(world, T.appointments, appointment, at, (a) => (a.status = 'Working'));
      for (const a of assignments) touchAt(world, T.assignments, a, at + 200, (r) => (r.status = 'Working'));
      for (const id of plan.timesheetIds[i] ?? []) {
        const ts = world.record(T.jobTimesheets, id);
        if (ts) touchAt(world, T.jobTimesheets, ts, at + 300, (r) => (r.arrivedOn = tsSec(at)));
      }
      touchAt(world, T.jobs, job, at + 400, (j) => (j.jobStatus = 'InProgress'));
      addHistory(world, plan.jobId, 'Technician Arrived', at + 500, null);
      return;
    }
    case 'done': {
      if (appointment) touchAt(world, T.appointments, appointment, at, (a) => (a.status = 'Done'));
      for (const a of assignments) touchAt(world, T.assignments, a, at + 200, (r) => (r.status = 'Done'));
      const location = world.record(T.locations, job.locationId as number)!;
      const customer = world.record(T.customers, job.customerId as number)!;
      for (const id of plan.timesheetIds[i] ?? []) {
        const ts = world.record(T.jobTimesheets, id);
        if (!ts) continue;
        touchAt(world, T.jobTimesheets, ts, at + 300, (r) => (r.doneOn = tsSec(at)));
        // Gross pay is computed by the nightly payroll run (at most "now").
        const payMs = Math.min(Math.max(at + HOUR, dayStart(at) + DAY + 6 * HOUR), Math.max(at + 1000, world.clockMs));
        grossPayForTimesheet(
          world,
          rng,
          { timesheet: ts, job, location, customer, jobTypeName: nameOf(world, T.jobTypes, job.jobTypeId as number) },
          payMs,
        );
      }
      return;
    }
    case 'complete':
      completeJob(world, rng, plan, job, at);
      return;
    case 'cancel': {
      const reasonId = rng.pick(world.pool(T.jobCancelReasons));
      for (const [v, id] of plan.appointmentIds.entries()) {
        const a = world.record(T.appointments, id);
        if (a) touchAt(world, T.appointments, a, at, (r) => (r.status = 'Canceled'));
        for (const aid of plan.assignmentIds[v] ?? []) {
          const asg = world.record(T.assignments, aid);
          if (asg) touchAt(world, T.assignments, asg, at + 100, (r) => (r.active = false));
        }
      }
      touchAt(world, T.jobs, job, at + 200, (j) => (j.jobStatus = 'Canceled'));
      const employee = rng.pick(world.pool(T.employees));
      world.insert(
        T.jobCanceledLogs,
        build(
          world,
          T.jobCanceledLogs,
          rng,
          { createdMs: at + 300, modifiedMs: at + 300 },
          {
            jobId: job.id,
            reasonId,
            memo: rng.chance(0.5) ? sentence(rng) : null,
            createdById: employee,
            active: true,
          },
        ),
      );
      addHistory(world, plan.jobId, 'Job Canceled', at + 400, employee);
      return;
    }
    case 'hold': {
      if (appointment) touchAt(world, T.appointments, appointment, at, (a) => (a.status = 'Hold'));
      touchAt(world, T.jobs, job, at + 200, (j) => (j.jobStatus = 'Hold'));
      addHistory(world, plan.jobId, 'Job Put On Hold', at + 300, null);
      return;
    }
    case 'pay': {
      const invoice = world.record(T.invoices, job.invoiceId as number);
      if (invoice) payInvoice(world, rng, invoice, at);
      return;
    }
    case 'decide': {
      for (const id of plan.estimateIds) {
        const estimate = world.record(T.estimates, id);
        if (!estimate) continue;
        const outcome = rng.weighted([
          ['Sold', 35],
          ['Dismissed', 35],
          ['Open', 30],
        ] as const);
        if (outcome !== 'Open') decideEstimate(world, estimate, outcome, plan.technicianIds[0] ?? null, at);
      }
      return;
    }
  }
}

function completeJob(world: World, rng: Rng, plan: JobPlan, job: Rec, at: number): void {
  const jobType = world.record(T.jobTypes, job.jobTypeId as number);
  const install = /Install|Upgrade/.test((jobType?.name as string) ?? '');
  const techs = plan.technicianIds;
  const invoice = world.record(T.invoices, job.invoiceId as number);

  // Estimates are presented on site before the job is closed.
  if (rng.chance(0.25)) {
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) plan.estimateIds.push(createEstimate(world, rng, job, at + k * 600, k).id as number);
    plan.stages.push({ at: at + rng.int(1, 20) * DAY, kind: 'decide' });
  }
  if (invoice) fillInvoice(world, rng, invoice, pickLines(world, rng, install), at + 3000, techs[0] ?? null);

  touchAt(world, T.jobs, job, at + 5000, (j) => {
    j.jobStatus = 'Completed';
    j.completedOn = world.stamp(at);
    j.total = invoice ? Number(invoice.total) : 0;
    j.estimateIds = [...plan.estimateIds];
    j.soldById = techs[0] ?? null;
  });
  addHistory(world, plan.jobId, 'Job Completed', at + 5100, null);

  // Job splits: percentages summing to 100.
  const shares =
    techs.length === 1
      ? [100]
      : rng.pick([
          [50, 50],
          [60, 40],
          [70, 30],
        ]);
  techs.forEach((technicianId, k) => {
    world.insert(
      T.jobSplits,
      build(
        world,
        T.jobSplits,
        rng,
        { createdMs: at + 5200, modifiedMs: at + 5200 },
        {
          jobId: job.id,
          technicianId,
          split: shares[k] ?? 0,
          active: true,
        },
      ),
    );
  });

  if (techs.length > 0 && rng.chance(0.25)) {
    const t = at + 5300;
    world.insert(
      T.technicianRatings,
      build(
        world,
        T.technicianRatings,
        rng,
        { createdMs: t, modifiedMs: t },
        {
          technicianId: techs[0],
          jobId: job.id,
          rating: rng.weighted([
            [10, 6],
            [9, 2],
            [8, 1],
            [5, 1],
            [2, 0.3],
          ] as const),
          active: true,
        },
      ),
    );
  }
  if (rng.chance(0.3)) {
    world.insert(
      T.jobNotes,
      build(
        world,
        T.jobNotes,
        rng,
        { createdMs: at + 5400, modifiedMs: at + 5400 },
        {
          active: true,
          text: sentence(rng),
          isPinned: false,
          createdById: techs[0] ?? rng.pick(world.pool(T.employees)),
          jobId: job.id,
        },
      ),
    );
  }
  if (install) installEquipment(world, rng, job, at + 5500);
  if (install || rng.chance(0.03)) purchaseOrder(world, rng, job, at + 5700);

  const delay = paymentDelayMs(rng);
  if (invoice && delay !== null && Number(invoice.total) > 0) plan.stages.push({ at: at + delay, kind: 'pay' });
  plan.stages.sort((a, b) => a.at - b.at);
}

function installEquipment(world: World, rng: Rng, job: Rec, at: number): void {
  const equipment = world.pool(T.pricebookEquipment);
  if (equipment.length === 0) return;
  const sku = world.record(T.pricebookEquipment, rng.pick(equipment))!;
  const typeId = sku.typeId as number | null;
  const rec = build(
    world,
    T.installedEquipment,
    rng,
    { createdMs: at, modifiedMs: at },
    {
      active: true,
      equipmentId: sku.id,
      locationId: job.locationId,
      customerId: job.customerId,
      invoiceItemId: null,
      name: sku.displayName,
      type: typeId === null ? null : { id: typeId, name: nameOf(world, T.equipmentTypes, typeId) },
      installedOn: midnight(at),
      serialNumber: `SN${rng.int(10_000_000, 99_999_999)}`,
      barcodeId: null,
      memo: '',
      manufacturer: sku.manufacturer ?? '',
      model: sku.model ?? '',
      cost: sku.cost,
      status: 'Installed',
      manufacturerWarrantyStart: midnight(at),
      manufacturerWarrantyEnd: midnight(at + 3650 * DAY),
      serviceProviderWarrantyStart: midnight(at),
      serviceProviderWarrantyEnd: midnight(at + 365 * DAY),
      tags: [],
    },
  );
  world.insert(T.installedEquipment, rec);
  const j = world.record(T.jobs, job.id as number)!;
  touchAt(world, T.jobs, j, at + 100, (r) => (r.equipmentIds = [...(r.equipmentIds as number[]), rec.id as number]));
}

function purchaseOrder(world: World, rng: Rng, job: Rec, createdMs: number): void {
  const created = createdMs;
  const vendorId = rng.pick(world.pool(T.vendors));
  const warehouse = world.record(T.warehouses, world.pool(T.warehouses)[0]);
  const receivedMs = created + rng.int(1, 3) * DAY;
  const received = receivedMs <= world.clockMs;
  const items = Array.from({ length: rng.int(1, 3) }, (_, k) => {
    const skuId = rng.pick(world.pool(T.pricebookMaterials));
    const sku = world.record(T.pricebookMaterials, skuId)!;
    const qty = rng.int(1, 4);
    const stamp = world.stamp(created + k);
    return {
      id: world.ids.next(created),
      skuId,
      description: `<p>${sku.code as string}</p>`,
      createdOn: stamp,
      modifiedOn: stamp,
      skuName: sku.code,
      skuCode: sku.code,
      skuType: 'Material',
      vendorPartNumber: `VP-${rng.int(1000, 9999)}`,
      quantity: qty,
      quantityReceived: received ? qty : 0,
      cost: sku.cost,
      total: Math.round((sku.cost as number) * qty * 100) / 100,
      serialNumbers: [],
      status: received ? 'Received' : 'Pending',
      chargeable: true,
      budgetCodeId: null,
    };
  });
  const total = Math.round(items.reduce((s, it) => s + it.total, 0) * 100) / 100;
  const modifiedMs = received ? receivedMs : created + 1000;
  const n = world.nextCount('po');
  const addr = (warehouse?.address as Rec | undefined) ?? {};
  world.insert(
    T.purchaseOrders,
    build(
      world,
      T.purchaseOrders,
      rng,
      { createdMs: created, modifiedMs },
      {
        number: `${job.jobNumber as string}-${String(n % 1000).padStart(3, '0')}`,
        invoiceId: job.invoiceId,
        jobId: job.id,
        projectId: job.projectId ?? null,
        status: received ? 'Received' : 'Sent',
        typeId: 1,
        vendorId,
        technicianId: null,
        shipTo: {
          street: addr.street ?? null,
          unit: null,
          city: addr.city ?? null,
          state: addr.state ?? null,
          zip: addr.zip ?? null,
          country: addr.country ?? null,
        },
        businessUnitId: job.businessUnitId,
        inventoryLocationId: warehouse?.id ?? null,
        batchId: null,
        budgetCodeId: null,
        vendorDocumentNumber: `INV-${rng.int(10000, 99999)}`,
        date: midnight(created),
        requiredOn: null,
        sentOn: tsSec(created + 500),
        receivedOn: received ? tsSec(modifiedMs) : null,
        total,
        tax: Math.round(total * 0.08 * 100) / 100,
        shipping: 0,
        createdById: rng.pick(world.pool(T.employees)),
        summary: '',
        items,
        customFields: [],
      },
    ),
  );
}
