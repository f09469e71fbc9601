/**
 * `GET /jpm/v2/tenant/{t}/jobs/{id}/booked-log`: one record per job, the body itself (no `data`,
 * no paging), as documented (`Jpm.V2.JobBookedLogResponse`); 404 for a job with no booked log.
 * Not a route of routes.ts, which serves collections and their id forms only.
 */
import { allBookedLogs, bookedLogOf } from '../gen/booked-logs.js';
import type { World } from '../gen/world.js';
import { apiError, type Reply } from '../http/respond.js';

export const BOOKED_LOG_ENDPOINT = 'jpm/jobs/{id}/booked-log';

/** The job id when the request is for a job's booked log (`rest`: the path after `/tenant/{t}/`). */
export function bookedLogJobId(module: string, version: string, rest: string[]): string | null {
  if (module !== 'jpm' || version !== 'v2' || rest.length !== 3 || rest[0] !== 'jobs' || rest[2] !== 'booked-log') return null;
  return rest[1];
}

export function serveBookedLog(world: World, jobId: string): Reply {
  const log = /^\d+$/.test(jobId) ? bookedLogOf(world, jobId) : undefined;
  if (!log) return apiError(404, `Booked log for job ${jobId} was not found.`, { id: [`Not found: ${jobId}`] });
  return { status: 200, body: JSON.stringify(log), contentType: 'application/json; charset=utf-8' };
}

/** What a perfect extractor holds: every booked log (each job is a parent). */
export function bookedLogTruth(world: World): Record<string, unknown>[] {
  return allBookedLogs(world).map((log) => ({ ...log }));
}
