/**
 * The unauthenticated control surface for out-of-process callers, under `/_sandbox/`:
 *   GET  /_sandbox/info                      urls, tenantId, credentials, clock
 *   POST /_sandbox/advance?hours=H&changes=N AdvanceSummary
 *   GET  /_sandbox/truth?endpoint=NAME       the truth array
 *   GET  /_sandbox/requests                  request log (DELETE clears it)
 *   POST /_sandbox/faults                    JSON body SandboxFaults (replaces the configuration)
 */
import type { SandboxCore } from '../core.js';
import { apiError, jsonReply, type Reply } from './respond.js';
import type { SandboxFaults } from './faults.js';

export interface ControlUrls {
  url: string;
  apiUrl: string;
  authUrl: string;
}

function numberParam(query: URLSearchParams, name: string): number | undefined | null {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function control(core: SandboxCore, urls: ControlUrls, method: string, path: string, query: URLSearchParams, body: string): Reply {
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_sandbox/info':
      return jsonReply(200, { ...urls, tenantId: core.settings.tenantId, credentials: core.auth.credentials, clock: core.clock() });
    case 'POST /_sandbox/advance': {
      const hours = numberParam(query, 'hours');
      const changes = numberParam(query, 'changes');
      if (hours === null || changes === null) return apiError(400, 'hours and changes must be non-negative numbers.');
      return jsonReply(200, core.advance({ hours, changes }));
    }
    case 'GET /_sandbox/truth': {
      const endpoint = query.get('endpoint');
      if (!endpoint || !core.routes.byEndpoint(endpoint)) return apiError(404, `Unknown endpoint '${endpoint ?? ''}'.`);
      return jsonReply(200, core.truth(endpoint));
    }
    case 'GET /_sandbox/requests':
      return jsonReply(200, core.log);
    case 'DELETE /_sandbox/requests':
      core.log.length = 0;
      return jsonReply(200, { cleared: true });
    case 'POST /_sandbox/faults': {
      let faults: unknown;
      try {
        faults = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        return apiError(400, 'The body must be a JSON object.');
      }
      if (typeof faults !== 'object' || faults === null || Array.isArray(faults)) return apiError(400, 'The body must be a JSON object.');
      core.faults.set(faults as SandboxFaults);
      return jsonReply(200, { faults: core.faults.get() });
    }
    default:
      return apiError(404, `No control route ${route}.`);
  }
}
