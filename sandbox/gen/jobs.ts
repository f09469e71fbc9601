/**
 * Booking a job: the lead call, the job, its (empty) invoice, appointments, technician assignments,
 * the first job-history entry, and a plan of what happens next (dispatch, arrival, completion or
 * cancellation or hold, payment, estimate decisions). Plans are applied by job-stages.ts, at
 * build time up to the initial clock and by `advance` as the clock moves.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, HOUR, dayStart, tsSec } from '../time.js';
import { build } from './fill.js';
import { nameOf, pickRecord } from './common.js';
import { createCall } from './calls.js';
import { createInvoice } from './accounting.js';
import { locationsOf } from './crm.js';
import { JOB_SUMMARIES } from './values.js';
import { recordBookedLog } from './booked-logs.js';
import { ROW_KEY, type World } from './world.js';

export type StageKind = 'dispatch' | 'arrive' | 'done' | 'complete' | 'cancel' | 'hold' | 'pay' | 'decide';

export interface Stage {
  at: number;
  kind: StageKind;
  /** Appointment index for dispatch/arrive/done. */
  index?: number;
}

export interface JobPlan {
  jobId: number;
  appointmentIds: number[];
  /** Assignment ids per appointment index. */
  assignmentIds: number[][];
  /** Timesheet ids per appointment index (created on dispatch). */
  timesheetIds: number[][];
  technicianIds: number[];
  estimateIds: number[];
  stages: Stage[];
  next: number;
}

export function jobPlans(world: World): Map<string, JobPlan> {
  return world.memoOf<JobPlan>('job-plans');
}

function nextJobNumber(world: World): string {
  return String(world.nextCount('job', 41_000));
}

/** Adds a job-history entry and returns it (its id and stamped date name the event elsewhere, e.g. the booked log). */
export function addHistory(world: World, jobId: number, eventType: string, atMs: number, employeeId: number | null): Rec {
  const table = world.table(T.jobHistory);
  const row = table.get(String(jobId));
  const entry = { id: world.ids.next(atMs), employeeId, eventType, date: world.stamp(atMs), usedSchedulingTool: 'Manual' };
  if (world.jobHistory === 'partial') {
    // A row per change holding only the new entry: the job's history is spread over many rows.
    const rec: Rec = { jobId, history: [entry] };
    (rec as Record<symbol, unknown>)[ROW_KEY] = `${jobId}:${entry.id}`;
    world.insert(T.jobHistory, rec, { time: entry.date });
    return entry;
  }
  if (!row) {
    world.insert(T.jobHistory, { jobId, history: [entry] }, { time: entry.date });
    return entry;
  }
  row.rec.history = [...(row.rec.history as Rec[]), entry];
  world.touch(T.jobHistory, row.rec, entry.date);
  return entry;
}

/**
 * Books a job for `customer` (or a random active customer) at `createdMs`. Returns null when no
 * customer or location is available.
 */
export function bookJob(world: World, rng: Rng, createdMs: number, customer?: Rec | null): Rec | null {
  const owner = customer ?? pickRecord(world, T.customers, rng, (c) => c.active === true);
  if (!owner) return null;
  const locations = locationsOf(world, owner.id as number).filter((l) => l.active === true);
  if (locations.length === 0) return null;
  const location = rng.pick(locations);
  const jobType = pickRecord(world, T.jobTypes, rng, (j) => j.active === true) ?? world.record(T.jobTypes, world.pool(T.jobTypes)[0])!;
  const businessUnitId = ((jobType.businessUnitIds as number[])[0] ?? rng.pick(world.pool(T.businessUnits))) as number;
  const campaignId = rng.pick(world.pool(T.campaigns));
  const csr = rng.pick(world.pool(T.employees));

  const call = rng.chance(0.72)
    ? createCall(
        world,
        rng,
        { customer: owner, location, campaignId, reasonId: rng.pick(world.pool(T.callReasons)), type: 'Booked', direction: 'Inbound' },
        createdMs - rng.int(2, 30) * 60_000,
      )
    : null;

  const jobId = world.ids.next(createdMs);
  const invoiceId = world.ids.next(createdMs + 300);
  const jobNumber = nextJobNumber(world);
  const install = /Install|Upgrade/.test(jobType.name as string);

  // Appointments: same day (urgent) or within a week, 08:00–15:00 UTC-ish starts.
  const leadDays = rng.chance(0.25) ? 0 : rng.int(1, 7);
  const visits = rng.chance(0.06) ? 2 : 1;
  const seconds = (jobType.duration as number) || 7200;
  const starts: number[] = [];
  let day = dayStart(createdMs) + leadDays * DAY;
  for (let v = 0; v < visits; v++) {
    let start = day + rng.int(15, 22) * HOUR + rng.pick([0, 30]) * 60_000; // 08:00–15:00 in Arizona (UTC-7)
    if (start < createdMs + HOUR) start = createdMs + HOUR + rng.int(0, 2) * HOUR;
    starts.push(start);
    day = dayStart(start) + rng.int(2, 7) * DAY;
  }
  const appointmentIds = starts.map((s) => world.ids.next(Math.min(createdMs + 600, s)));

  const job = build(
    world,
    T.jobs,
    rng,
    { createdMs, modifiedMs: createdMs + 1000 },
    {
      summary: `<p>${rng.pick(JOB_SUMMARIES)}</p>`,
      customFields: rng.chance(0.15) ? [{ typeId: 4410001, name: 'Gate Code', value: `#${rng.int(1000, 9999)}` }] : [],
      externalData: null,
      summaryOfWork: null,
      id: jobId,
      jobNumber,
      projectId: null,
      customerId: owner.id,
      locationId: location.id,
      jobStatus: 'Scheduled',
      completedOn: null,
      businessUnitId,
      jobTypeId: jobType.id,
      priority: rng.pick(['Normal', 'Normal', 'Normal', 'High', 'Urgent', 'Low']),
      campaignId,
      appointmentCount: visits,
      firstAppointmentId: appointmentIds[0],
      lastAppointmentId: appointmentIds[visits - 1],
      recallForId: null,
      warrantyId: null,
      jobGeneratedLeadSource: { jobId: null, employeeId: null },
      noCharge: !!jobType.noCharge,
      notificationsEnabled: true,
      createdById: csr,
      tagTypeIds: [],
      leadCallId: call ? call.id : null,
      partnerLeadCallId: null,
      bookingId: null,
      soldById: null,
      customerPo: null,
      invoiceId,
      membershipId: null,
      total: null,
      createdFromEstimateId: null,
      estimateIds: [],
      equipmentIds: [],
      isAutoDispatched: false,
      active: true,
    },
  );
  world.insert(T.jobs, job);
  if (call) {
    call.job = { id: jobId, number: jobNumber };
    call.modifiedOn = world.stamp(Math.max(createdMs, Date.parse(call.modifiedOn as string)) + 500);
    world.touch(T.calls, call);
  }
  createInvoice(
    world,
    rng,
    {
      customer: owner,
      location,
      businessUnitId,
      job,
      jobTypeName: jobType.name as string,
      membershipId: null,
      configuration: 'JobInvoice',
    },
    createdMs + 300,
    invoiceId,
  );
  const booked = addHistory(world, jobId, 'Job Booked', createdMs + 400, csr);
  // Drawn from values already made (no random draw, no id): adding it moved no other record.
  recordBookedLog(world, {
    id: booked.id,
    jobId,
    jobAppointmentId: appointmentIds[0],
    start: tsSec(starts[0]),
    arrivalWindowStart: tsSec(starts[0] - HOUR),
    arrivalWindowEnd: tsSec(starts[0] + 3 * HOUR),
    createdOn: booked.date,
    createdById: csr,
    active: true,
  });

  const activeTechs = world.pool(T.technicians).filter((id) => world.record(T.technicians, id)?.active === true);
  const techPool = activeTechs.length > 0 ? activeTechs : world.pool(T.technicians);
  const technicianIds = rng.sample(techPool, install || rng.chance(0.12) ? 2 : 1);
  const assignmentIds: number[][] = [];
  starts.forEach((start, v) => {
    const end = start + seconds * 1000;
    const bookedAt = createdMs + 500 + v * 1000;
    world.insert(
      T.appointments,
      build(
        world,
        T.appointments,
        rng,
        { createdMs: bookedAt, modifiedMs: bookedAt },
        {
          appointmentSummaries: null,
          id: appointmentIds[v],
          jobId,
          appointmentNumber: `${jobNumber}-${v + 1}`,
          start: tsSec(start),
          end: tsSec(end),
          arrivalWindowStart: tsSec(start - HOUR),
          arrivalWindowEnd: tsSec(start + 3 * HOUR),
          status: 'Scheduled',
          specialInstructions: rng.chance(0.1) ? 'Call 30 minutes ahead' : null,
          customerId: owner.id,
          unused: false,
          createdById: csr,
          isConfirmed: rng.chance(0.7),
          active: true,
        },
      ),
    );
    const assignedMs = bookedAt + rng.int(1, 20) * 60_000;
    assignmentIds.push(
      technicianIds.map((technicianId) => {
        const a = build(
          world,
          T.assignments,
          rng,
          { createdMs: assignedMs, modifiedMs: assignedMs },
          {
            technicianId,
            technicianName: nameOf(world, T.technicians, technicianId),
            assignedById: rng.pick(world.pool(T.employees)),
            assignedOn: world.stamp(assignedMs),
            status: 'Scheduled',
            isPaused: false,
            jobId,
            appointmentId: appointmentIds[v],
            active: true,
          },
        );
        world.insert(T.assignments, a);
        return a.id as number;
      }),
    );
  });

  const stages: Stage[] = [];
  let outcome = rng.weighted([
    ['complete', 91],
    ['cancel', 7],
    ['hold', 2],
  ] as const);
  if (outcome === 'hold' && visits > 1) outcome = 'complete';
  if (outcome === 'cancel') {
    const latest = Math.max(createdMs + HOUR, starts[0] - HOUR);
    stages.push({ at: createdMs + HOUR / 2 + Math.floor(rng.next() * (latest - createdMs - HOUR / 2)), kind: 'cancel' });
  } else {
    starts.forEach((start, v) => {
      const arrive = start + rng.int(0, 25) * 60_000;
      stages.push({ at: start - rng.int(20, 60) * 60_000, kind: 'dispatch', index: v });
      stages.push({ at: arrive, kind: 'arrive', index: v });
      if (outcome === 'hold' && v === 0) {
        stages.push({ at: arrive + 30 * 60_000, kind: 'hold' });
        return;
      }
      stages.push({ at: Math.max(arrive + 15 * 60_000, start + seconds * 1000 + rng.int(-20, 40) * 60_000), kind: 'done', index: v });
    });
    if (outcome === 'complete') stages.push({ at: stages[stages.length - 1].at + rng.int(1, 10) * 60_000, kind: 'complete' });
  }
  const plan: JobPlan = {
    jobId,
    appointmentIds,
    assignmentIds,
    timesheetIds: starts.map(() => []),
    technicianIds,
    estimateIds: [],
    stages,
    next: 0,
  };
  jobPlans(world).set(String(jobId), plan);
  return job;
}
