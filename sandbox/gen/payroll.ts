/**
 * Payroll: bi-weekly payrolls per technician, gross pay items from job timesheets, payroll
 * adjustments, non-job timesheets, technician shifts and non-job appointments.
 */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { DAY, HOUR, dayStart, midnight, tsSec } from '../time.js';
import { build } from './fill.js';
import { nameOf } from './common.js';
import type { World } from './world.js';
import { withoutIdSometimes } from './missing-ids.js';

const PERIOD = 14 * DAY;
/** A Monday (2024-01-01) that anchors the bi-weekly periods. */
const ANCHOR = Date.UTC(2024, 0, 1);

function periodStart(ms: number): number {
  return ANCHOR + Math.floor((ms - ANCHOR) / PERIOD) * PERIOD;
}

/** The payroll of an employee for the period containing `ms` (created on first use). */
export function payrollFor(world: World, employeeId: number, employeeType: 'Technician' | 'Employee', ms: number): Rec {
  const memo = world.memoOf<number>('payrolls');
  const start = periodStart(ms);
  const key = `${employeeType}:${employeeId}:${start}`;
  const existing = memo.get(key);
  if (existing !== undefined) return world.record(T.payrolls, existing)!;
  const rng = world.rng('payroll', key);
  const end = start + PERIOD - 1000;
  const closed = end + 3 * DAY <= world.clockMs;
  const person = world.record(employeeType === 'Technician' ? T.technicians : T.employees, employeeId);
  const modifiedMs = closed ? end + 3 * DAY + rng.int(0, 8) * HOUR : Math.min(world.clockMs, start + rng.int(0, 3) * HOUR);
  const payroll = build(
    world,
    T.payrolls,
    rng,
    { createdMs: start, modifiedMs },
    {
      startedOn: tsSec(start),
      endedOn: tsSec(end),
      employeeId,
      employeeType,
      status: closed ? 'Paid' : 'Pending',
      burdenRate: (person?.burdenRate as number | undefined) ?? null,
      managerApprovedOn: closed ? world.stamp(end + 2 * DAY) : null,
      active: true,
    },
  );
  world.insert(T.payrolls, payroll);
  memo.set(key, payroll.id as number);
  return payroll;
}

export interface TimesheetContext {
  timesheet: Rec;
  job: Rec;
  location: Rec;
  customer: Rec;
  jobTypeName: string;
}

/** A TimesheetTime gross pay item for a finished job timesheet. */
export function grossPayForTimesheet(world: World, rng: Rng, ctx: TimesheetContext, atMs: number): Rec | null {
  const { timesheet, job, location, customer } = ctx;
  if (!timesheet.arrivedOn || !timesheet.doneOn) return null;
  const techId = timesheet.technicianId as number;
  const tech = world.record(T.technicians, techId);
  const startedMs = Date.parse(timesheet.arrivedOn as string);
  const endedMs = Date.parse(timesheet.doneOn as string);
  const hours = Math.round(((endedMs - startedMs) / HOUR) * 10000) / 10000;
  const payroll = payrollFor(world, techId, 'Technician', startedMs);
  const addr = (location.address as Rec | null) ?? {};
  const bu = nameOf(world, T.businessUnits, job.businessUnitId as number);
  const regular = world.pool(T.activityCodes)[0];
  const item = build(
    world,
    T.grossPayItems,
    rng,
    { createdMs: atMs, modifiedMs: atMs },
    {
      employeeId: techId,
      employeeType: 'Technician',
      businessUnitName: bu,
      payrollId: payroll.id,
      employeePayrollId: (tech?.payrollId as string | undefined) ?? null,
      date: midnight(startedMs),
      activity: 'Working',
      activityCodeId: regular ?? null,
      activityCode: 'REG',
      amount: Math.round(hours * ((tech?.hourlyRate as number) ?? 30) * 100) / 100,
      amountAdjustment: null,
      payoutBusinessUnitName: bu,
      grossPayItemType: 'TimesheetTime',
      startedOn: tsSec(startedMs),
      endedOn: tsSec(endedMs),
      paidDurationHours: hours,
      paidTimeType: 'Regular',
      sourceEntityId: timesheet.id,
      jobId: job.id,
      jobNumber: job.jobNumber,
      jobTypeName: ctx.jobTypeName,
      projectNumber: null,
      projectId: job.projectId ?? null,
      invoiceId: job.invoiceId,
      invoiceNumber: job.jobNumber,
      invoiceItemId: null,
      customerId: customer.id,
      customerName: customer.name,
      locationId: location.id,
      locationName: location.name,
      locationAddress: [addr.street, addr.city, addr.state].filter((x) => x).join(', '),
      locationZip: (addr.zip as string | null) ?? null,
      zoneName: nameOf(world, T.zones, location.zoneId as number | null),
      taxZoneName: nameOf(world, T.taxZones, location.taxZoneId as number | null),
      laborTypeId: null,
      laborTypeCode: null,
      budgetCodeId: null,
      isPrevailingWageJob: false,
      memo: null,
      active: true,
    },
  );
  withoutIdSometimes(world, T.grossPayItems, item);
  world.insert(T.grossPayItems, item);
  return item;
}

/** Shifts, non-job appointments, non-job timesheets and adjustments over recent history. */
export function generatePayrollExtras(world: World): void {
  const rng = world.rng('payroll-extras');
  const techs = world.pool(T.technicians);
  const timesheetCodes = world.pool(T.timesheetCodes);
  const weekStart = Math.floor((world.clockMs - ANCHOR) / (7 * DAY)) * 7 * DAY + ANCHOR;
  for (const technicianId of techs) {
    // Shifts: the last six weeks and the next two, weekdays grouped per week.
    for (let w = -6; w <= 1; w++) {
      const monday = weekStart + w * 7 * DAY;
      const createdMs = Math.min(world.clockMs, monday - 5 * DAY);
      const shiftType = rng.weighted([
        ['Normal', 8],
        ['OnCall', 1],
        ['TimeOff', 1],
      ] as const);
      world.insert(
        T.technicianShifts,
        build(
          world,
          T.technicianShifts,
          rng,
          { createdMs, modifiedMs: createdMs },
          {
            shiftType,
            title: shiftType === 'TimeOff' ? 'Vacation' : shiftType === 'OnCall' ? 'On call' : 'Regular shift',
            note: null,
            active: true,
            technicianId,
            start: tsSec(monday + 7 * HOUR),
            end: tsSec(monday + 4 * DAY + 16 * HOUR),
            timesheetCodeId: shiftType === 'TimeOff' ? timesheetCodes[3] : null,
          },
        ),
      );
    }
    // Non-job appointments: about one a month over the last half year.
    for (let m = 0; m < 6; m++) {
      const startMs = dayStart(world.clockMs - rng.int(m * 30, m * 30 + 29) * DAY) + 13 * HOUR;
      const createdMs = Math.min(world.clockMs, startMs - rng.int(1, 10) * DAY);
      world.insert(
        T.nonJobAppointments,
        build(
          world,
          T.nonJobAppointments,
          rng,
          { createdMs, modifiedMs: createdMs },
          {
            technicianId,
            start: tsSec(startMs),
            name: rng.pick(['Team meeting', 'Training', 'Supply run', 'Truck maintenance']),
            duration: '01:00:00',
            timesheetCodeId: rng.pick(timesheetCodes),
            summary: '',
            clearDispatchBoard: false,
            clearTechnicianView: false,
            removeTechnicianFromCapacityPlanning: false,
            allDay: false,
            showOnTechnicianSchedule: true,
            active: true,
            createdById: rng.pick(world.pool(T.employees)),
          },
        ),
      );
    }
    // Non-job timesheets: a few per month over the last year.
    for (let d = 360; d > 0; d -= rng.int(5, 12)) {
      const startMs = dayStart(world.clockMs - d * DAY) + 7 * HOUR;
      const endMs = startMs + (rng.int(1, 4) * HOUR) / 2;
      world.insert(
        T.nonJobTimesheets,
        build(
          world,
          T.nonJobTimesheets,
          rng,
          { createdMs: startMs, modifiedMs: endMs + 60_000 },
          {
            employeeId: technicianId,
            employeeType: 'Technician',
            timesheetCodeId: rng.pick(timesheetCodes),
            startedOn: tsSec(startMs),
            endedOn: tsSec(endMs),
            active: true,
          },
        ),
      );
    }
  }
  // Payroll adjustments: a handful per technician over the last year.
  const codes = world.pool(T.activityCodes);
  for (const employeeId of techs) {
    const n = rng.int(2, 8);
    for (let i = 0; i < n; i++) {
      const createdMs = world.clockMs - rng.int(1, 360) * DAY;
      world.insert(
        T.payrollAdjustments,
        build(
          world,
          T.payrollAdjustments,
          rng,
          { createdMs, modifiedMs: Math.min(world.clockMs, createdMs + rng.int(0, 3) * DAY) },
          {
            employeeType: 'Technician',
            employeeId,
            postedOn: midnight(createdMs),
            amount: rng.money(-50, 400),
            memo: null,
            activityCodeId: rng.pick(codes),
            invoiceId: null,
            hours: null,
            rate: null,
            quantity: null,
            type: rng.pick(['Direct', 'CommissionBased', 'MonthlyBonus']),
            active: true,
          },
        ),
      );
    }
  }
}
