/**
 * The sandbox HTTP server (node:http). Three areas:
 *   POST /connect/token                         OAuth2 client credentials (auth.ts)
 *   /_sandbox/*                                 control surface (control.ts), no auth
 *   /{module}/{version}/tenant/{tenant}/{path}  the API: faults, auth, tenant check, routing
 * Every API request (not token or control requests) is appended to the request log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SandboxCore } from '../core.js';
import { serveExport } from '../feed/export.js';
import { serveById, serveList } from '../feed/list.js';
import { BOOKED_LOG_ENDPOINT, bookedLogJobId, serveBookedLog } from '../feed/booked-log.js';
import { CAPACITY_ENDPOINT, isCapacityPath, serveCapacity } from '../feed/capacity.js';
import { control, type ControlUrls } from './control.js';
import { apiError, jsonReply, send, type Reply } from './respond.js';

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function createSandboxServer(core: SandboxCore, urls: () => ControlUrls): Server {
  const server = createServer((req, res) => {
    handle(core, urls(), req, res).catch(() => {
      send(res, apiError(500, 'An unexpected error occurred.'));
    });
  });
  server.keepAliveTimeout = 5000;
  return server;
}

async function handle(core: SandboxCore, urls: ControlUrls, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;

  if (path.startsWith('/_sandbox/')) {
    const body = method === 'POST' ? await readBody(req) : '';
    send(res, control(core, urls, method, path, url.searchParams, body));
    return;
  }
  if (path === '/connect/token') {
    if (method !== 'POST') {
      send(res, jsonReply(405, { error: 'invalid_request', error_description: 'Use POST.' }, { Allow: 'POST' }));
      return;
    }
    send(res, core.auth.issue(await readBody(req), header(req, 'authorization')));
    return;
  }
  await api(core, req, res, method, url);
}

async function api(core: SandboxCore, req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
  const path = url.pathname;
  const parts = path.split('/');
  // ['', module, version, 'tenant', tenantId, ...rest]
  const tenantPath = parts.length >= 6 && parts[3] === 'tenant';
  const matched = tenantPath ? core.routes.match(parts[1], parts[2], parts.slice(5)) : null;
  const bookedLogJob = tenantPath ? bookedLogJobId(parts[1], parts[2], parts.slice(5)) : null;
  const capacity = tenantPath && isCapacityPath(parts[1], parts[2], parts.slice(5));
  const entry = {
    at: new Date().toISOString(),
    method,
    path,
    endpoint: matched?.route.name ?? (bookedLogJob !== null ? BOOKED_LOG_ENDPOINT : capacity ? CAPACITY_ENDPOINT : null),
    query: Object.fromEntries(url.searchParams),
    status: 0,
  };
  core.log.push(entry);
  // The API's present is the simulated clock, as ServiceTitan's Date header is its own clock.
  res.setHeader('Date', new Date(Date.parse(core.clock())).toUTCString());
  const reply = (r: Reply): void => {
    entry.status = r.status;
    send(res, r);
  };

  // Simulated network: the strict window counts the request once it arrives (after the inbound
  // jitter); a refused request is answered at once, an admitted one when the latency has passed.
  const receivedAt = Date.now();
  await core.network.arrive();
  const window = core.rateWindow?.admit(Date.now());
  if (window && !window.admitted) {
    const seconds = window.retryAfterSeconds;
    return reply(apiError(429, `Too many requests. Please try again in ${seconds} seconds.`, {}, { 'Retry-After': String(seconds) }));
  }
  await core.network.answer(receivedAt);
  const latency = core.faults.latencyMs;
  if (latency > 0) await sleep(latency);
  const identity = `${method} ${path}${url.search}`;
  const fault = core.faults.decide(identity);
  if (fault.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault.kind === 'reply') return reply(fault.reply);

  const auth = core.auth.check(header(req, 'authorization'), header(req, 'st-app-key'));
  if (!auth.ok) return reply(auth.reply);
  if (core.faults.expireEarly(identity, auth.uses)) return reply(core.auth.expireEarly(auth.token));
  if (!tenantPath) return reply(apiError(404, 'The requested resource was not found.'));
  const tenant = parts[4];
  if (!/^\d+$/.test(tenant)) return reply(apiError(404, 'The requested resource was not found.'));
  if (tenant !== core.settings.tenantId) return reply(apiError(403, `The application has no access to tenant ${tenant}.`));
  if (parts[1] === 'reporting' && parts[2] === 'v2') {
    entry.endpoint = `reporting/${parts.slice(5).join('/')}`;
    const body = method === 'POST' ? await readBody(req) : '';
    return reply(core.reports.serve(method, parts.slice(5), url.searchParams, body));
  }
  if (capacity) {
    if (method !== 'POST') return reply(apiError(405, `The ${method} method is not supported for this resource.`, {}, { Allow: 'POST' }));
    return reply(serveCapacity(core.world, await readBody(req)));
  }
  if (bookedLogJob !== null) {
    if (method !== 'GET') return reply(apiError(405, `The ${method} method is not supported for this resource.`));
    return reply(serveBookedLog(core.world, bookedLogJob));
  }
  const adsEndpoint = `${parts[1]}/${parts.slice(5).join('/')}`;
  if (parts[2] === 'v2' && core.ads.serves(adsEndpoint)) {
    entry.endpoint = adsEndpoint;
    return reply(core.ads.serve(adsEndpoint, method, url.searchParams));
  }
  if (!matched) return reply(apiError(404, 'The requested resource was not found.'));
  if (method !== 'GET') return reply(apiError(405, `The ${method} method is not supported for this resource.`));

  const { route, params } = matched;
  if (route.kind === 'export') {
    return reply(
      serveExport(route, url.searchParams, {
        seed: core.settings.seed,
        codec: core.codec,
        batch: core.settings.batch,
        refuseTokensBefore: core.faults.refuseTokensBefore,
      }),
    );
  }
  if (route.kind === 'id') return reply(serveById(route, params));
  return reply(serveList(route, params, url.searchParams));
}
