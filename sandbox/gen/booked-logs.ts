/**
 * Job booked logs (`jpm/jobs/{id}/booked-log`): one record per booked job — when it was booked, by
 * whom, and the first appointment's start and arrival window as booked. Kept apart from the job
 * (a later reschedule does not rewrite what was booked) and served by sandbox/feed/booked-log.ts.
 * Every value comes from the booking itself (the "Job Booked" history entry's id and date), so
 * recording it draws nothing from any random stream or the id space.
 */
import type { Rec } from '../data/table.js';
import type { World } from './world.js';

function logs(world: World): Map<string, Rec> {
  return world.memoOf<Rec>('booked-logs');
}

export function recordBookedLog(world: World, log: Rec & { jobId: number }): void {
  logs(world).set(String(log.jobId), log);
}

/** The booked log of a job, or undefined when the job was never booked (or does not exist). */
export function bookedLogOf(world: World, jobId: string): Rec | undefined {
  return logs(world).get(jobId);
}

/** Every booked log, by job id. */
export function allBookedLogs(world: World): Rec[] {
  return [...logs(world).values()].sort((a, b) => (a.jobId as number) - (b.jobId as number));
}
