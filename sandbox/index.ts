/**
 * Atlas's sandbox tenant: a simulated ServiceTitan over real HTTP (OAuth token endpoint, export
 * feeds with continuation tokens, page-numbered lists, id endpoints, faults on demand), with
 * deterministic data from a seed. Used by the demo, the tests and the benchmarks.
 */
export { startSandbox } from './start.js';
export type {
  Sandbox,
  SandboxOptions,
  SandboxFaults,
  SandboxLatency,
  SandboxReportOptions,
  ReportAnswer,
  PageSizeCap,
  RequestLogEntry,
  AdvanceSummary,
} from './types.js';
