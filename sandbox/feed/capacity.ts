/**
 * `POST /dispatch/v2/tenant/{t}/capacity`: the availability dispatchers plan with, derived from
 * the world as it stands (no stored records, no random draws): for every local day the window
 * covers (Sundays closed), two four-hour frames (08–12 and 12–16 local), and per frame one
 * availability per business unit with active technicians — total hours (technicians × frame
 * hours), open hours (total minus the appointments of that unit's jobs starting in the frame,
 * canceled ones excepted), the technicians, and whether the frame is available or past the ideal
 * booking share (80 %). A frame counts when the window holds it whole.
 *
 * The body is validated like ServiceTitan's (`Dispatch.V2.CapacityRequestArgs`, no other
 * properties): 400 with the offending field for a missing or malformed `startsOnOrAfter`,
 * `endsOnOrBefore` or `skillBasedAvailability`, a window that ends before it starts or spans more
 * than 14 days (the API's range limit, as the peer tap learned), or malformed `businessUnitIds` /
 * `jobTypeId`. The truth is the snapshot Atlas takes: today and the next 14 local days.
 */
import { T } from '../data/names.js';
import type { Rec } from '../data/table.js';
import { localDaysAfter, localHourOf, localMidnightBefore, localWallTime } from '../gen/local-midnight.js';
import type { World } from '../gen/world.js';
import { canonical, msOf, tsSec } from '../time.js';
import { type Reply, validationError } from '../http/respond.js';

export const CAPACITY_ENDPOINT = 'dispatch/capacity';

/** The longest window one request may span, and how many days ahead a snapshot reads. */
const HORIZON_DAYS = 14;
const DAY_MS = 86_400_000;
const FRAMES: ReadonlyArray<readonly [from: number, to: number]> = [
  [8, 12],
  [12, 16],
];
const IDEAL_BOOKING_SHARE = 0.8;
const ALLOWED = new Set(['startsOnOrAfter', 'endsOnOrBefore', 'businessUnitIds', 'jobTypeId', 'skillBasedAvailability']);

/** Whether the request is for capacity (`rest`: the path after `/tenant/{t}/`). */
export function isCapacityPath(module: string, version: string, rest: string[]): boolean {
  return module === 'dispatch' && version === 'v2' && rest.length === 1 && rest[0] === 'capacity';
}

interface CapacityArgs {
  startMs: number;
  endMs: number;
  businessUnitIds: number[] | null;
}

function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = canonical(value);
  return text ? msOf(text) : null;
}

function isIntegerList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isSafeInteger(v));
}

/** The request's arguments, or the 400 ServiceTitan would send. */
export function capacityArgs(body: string): CapacityArgs | { invalid: Reply } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { invalid: validationError('body', 'The request body is not valid JSON.') };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { invalid: validationError('body', 'The request body must be a JSON object.') };
  }
  const args = parsed as Record<string, unknown>;
  const extra = Object.keys(args).find((k) => !ALLOWED.has(k));
  if (extra !== undefined) return { invalid: validationError(extra, `The property '${extra}' is not allowed.`) };
  for (const field of ['startsOnOrAfter', 'endsOnOrBefore'] as const) {
    if (args[field] === undefined || args[field] === null) return { invalid: validationError(field, `The ${field} field is required.`) };
    if (instant(args[field]) === null)
      return { invalid: validationError(field, `The value ${JSON.stringify(args[field])} is not a valid date-time.`) };
  }
  if (typeof args.skillBasedAvailability !== 'boolean') {
    return {
      invalid: validationError('skillBasedAvailability', 'The skillBasedAvailability field is required and must be true or false.'),
    };
  }
  if (args.businessUnitIds !== undefined && args.businessUnitIds !== null && !isIntegerList(args.businessUnitIds)) {
    return { invalid: validationError('businessUnitIds', 'The businessUnitIds field must be a list of integers.') };
  }
  if (args.jobTypeId !== undefined && args.jobTypeId !== null && !Number.isSafeInteger(args.jobTypeId)) {
    return { invalid: validationError('jobTypeId', 'The jobTypeId field must be an integer.') };
  }
  const startMs = instant(args.startsOnOrAfter) as number;
  const endMs = instant(args.endsOnOrBefore) as number;
  if (endMs <= startMs) return { invalid: validationError('endsOnOrBefore', 'endsOnOrBefore must be after startsOnOrAfter.') };
  // An hour of slack: 14 local days across a daylight-saving change are 14 days ± 1 hour.
  if (endMs - startMs > HORIZON_DAYS * DAY_MS + 3_600_000) {
    return { invalid: validationError('endsOnOrBefore', `The time frame may span at most ${HORIZON_DAYS} days.`) };
  }
  const units = isIntegerList(args.businessUnitIds) && args.businessUnitIds.length > 0 ? args.businessUnitIds : null;
  return { startMs, endMs, businessUnitIds: units };
}

export function serveCapacity(world: World, body: string): Reply {
  const args = capacityArgs(body);
  if ('invalid' in args) return args.invalid;
  const reply = { timeStamp: tsSec(world.clockMs), availabilities: availabilities(world, args) };
  return { status: 200, body: JSON.stringify(reply), contentType: 'application/json; charset=utf-8' };
}

/** What a perfect snapshot holds now: the availabilities of today and the next 14 local days. */
export function capacityTruth(world: World): Record<string, unknown>[] {
  const today = localMidnightBefore(world.clockMs, world.timezone);
  const out: Rec[] = [];
  for (let day = 0; day <= HORIZON_DAYS; day++) {
    const startMs = localDaysAfter(today, day, world.timezone);
    out.push(...availabilities(world, { startMs, endMs: localDaysAfter(today, day + 1, world.timezone), businessUnitIds: null }));
  }
  return out;
}

function availabilities(world: World, args: CapacityArgs): Rec[] {
  const zone = world.timezone;
  const technicians = [...world.table(T.technicians).rows()].map((r) => r.rec).filter((t) => t.active === true);
  const units = [...new Set(technicians.map((t) => t.businessUnitId as number))]
    .filter((id) => args.businessUnitIds === null || args.businessUnitIds.includes(id))
    .sort((a, b) => a - b);
  const booked = bookedHours(world, args.startMs, args.endMs);
  const out: Rec[] = [];
  for (let day = localMidnightBefore(args.startMs, zone); day < args.endMs; day = localDaysAfter(day, 1, zone)) {
    if (localWallTime(day, zone).weekday === 7) continue;
    for (const [from, to] of FRAMES) {
      const startMs = localHourOf(day, from, zone);
      const endMs = localHourOf(day, to, zone);
      if (startMs < args.startMs || endMs > args.endMs) continue;
      for (const unit of units) {
        const crew = technicians.filter((t) => t.businessUnitId === unit).sort((a, b) => (a.id as number) - (b.id as number));
        const total = crew.length * (to - from);
        const taken = Math.min(total, booked.get(`${unit}:${startMs}`) ?? 0);
        const open = Math.round((total - taken) * 100) / 100;
        out.push({
          start: localWallTime(startMs, zone).text,
          end: localWallTime(endMs, zone).text,
          startUtc: tsSec(startMs),
          endUtc: tsSec(endMs),
          businessUnitIds: [unit],
          totalAvailability: total,
          openAvailability: open,
          technicians: crew.map((t) => ({ id: t.id, name: t.name, status: 'Available', hasRequiredSkills: null })),
          isAvailable: open > 0,
          isExceedingIdealBookingPercentage: total > 0 && taken / total > IDEAL_BOOKING_SHARE,
        });
      }
    }
  }
  return out;
}

/** Hours booked per (business unit, frame start) from appointments starting within the window. */
function bookedHours(world: World, fromMs: number, toMs: number): Map<string, number> {
  const zone = world.timezone;
  const out = new Map<string, number>();
  for (const row of world.table(T.appointments).rows()) {
    const a = row.rec;
    if (row.deleted || a.status === 'Canceled' || typeof a.start !== 'string' || typeof a.end !== 'string') continue;
    const start = Date.parse(a.start);
    if (!(start >= fromMs && start < toMs)) continue;
    const unit = world.record(T.jobs, a.jobId as number)?.businessUnitId;
    if (typeof unit !== 'number') continue;
    const day = localMidnightBefore(start, zone);
    const frame = FRAMES.find(([from, to]) => start >= localHourOf(day, from, zone) && start < localHourOf(day, to, zone));
    if (!frame) continue;
    const key = `${unit}:${localHourOf(day, frame[0], zone)}`;
    out.set(key, (out.get(key) ?? 0) + (Date.parse(a.end) - start) / 3_600_000);
  }
  return out;
}
