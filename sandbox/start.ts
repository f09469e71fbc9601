/**
 * `startSandbox`: builds the tenant (deterministic from seed and scale) and serves it over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { SandboxCore, settingsFrom } from './core.js';
import { createSandboxServer } from './http/server.js';
import { reportById } from './reports/definitions.js';
import type { Sandbox, SandboxOptions } from './types.js';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = settingsFrom(options);
  const core = new SandboxCore(
    settings,
    options.faults,
    { rateLimit: options.rateLimit, latency: options.latency, pageSizeCaps: options.pageSizeCaps },
    options.reports,
  );
  const host = options.host ?? '127.0.0.1';
  let url = '';
  const server = createSandboxServer(core, () => ({ url, apiUrl: url, authUrl: `${url}/connect/token` }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  url = `http://${shownHost}:${address.port}`;
  let closed: Promise<void> | null = null;

  return {
    url,
    apiUrl: url,
    authUrl: `${url}/connect/token`,
    tenantId: settings.tenantId,
    credentials: { ...core.auth.credentials },
    clock: () => core.clock(),
    advance: (o) => core.advance(o),
    truth: (name) => core.truth(name),
    dailyTruth: (name) => core.ads.dailyTruth(name),
    reportTruth: (category, reportId, parameters) => {
      const report = reportById(category, String(reportId));
      if (!report) throw new RangeError(`sandbox: no report ${reportId} in category ${category}`);
      return core.reports.answer(report, parameters);
    },
    requests: () => core.log.map((e) => ({ ...e, query: { ...e.query } })),
    clearRequests: () => {
      core.log.length = 0;
    },
    issuedTokens: () => core.auth.issued(),
    setFaults: (faults) => core.faults.set(faults),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
