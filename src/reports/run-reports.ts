/**
 * A tenant's configured reports inside its run. Reports run side by side (each one serial inside);
 * calls of one report id share the gate, so two configured reports of the same id never overlap.
 */
import type pg from 'pg';
import type { ServiceTitanClient } from '../client/index.js';
import type { ReportConfig, TenantConfig } from '../config/types.js';
import type { Logger } from '../log/logger.js';
import type { EndpointOutcome } from '../pipeline/outcomes.js';
import { ReportCallGate } from './call-gate.js';
import { runReport } from './run-report.js';

export interface TenantReportsInput {
  pool: pg.Pool;
  schema: string;
  client: ServiceTitanClient;
  tenant: TenantConfig;
  reports: ReportConfig[];
  runId: number;
  logger: Logger;
  signal?: AbortSignal;
}

export async function runTenantReports(input: TenantReportsInput): Promise<EndpointOutcome[]> {
  const gate = new ReportCallGate();
  const mine = input.reports.filter((r) => r.tenant === input.tenant.name);
  return Promise.all(mine.map((report) => runReport({ ...input, report, gate })));
}
