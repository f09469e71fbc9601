/**
 * Atlas as a library, for programs that embed it instead of running the `atlas` command: load and
 * validate a config, open (or start) the warehouse, migrate it, run a build or sync, read what the
 * runs did, and call the ServiceTitan API directly. The import name is the package's (`atlas`),
 * resolved through package.json `exports` to this file. The sandbox (simulated ServiceTitan) is
 * not part of it: it lives in sandbox/, for the demo, tests and benchmarks.
 */

// Errors: every deliberate failure is an AtlasError with a stable code and exit status (docs/errors.md).
export { AtlasError, ConfigError, ApiError, exitCodeFor, type AtlasErrorCode } from './errors.js';
// Logging: the structured logger every other part takes (secrets are redacted on the way out).
export { createLogger, type Logger } from './log/logger.js';
// Configuration: files, environment and flags turned into one validated AtlasConfig (docs/configuration.md).
export { loadConfig, type AtlasConfig, type TenantConfig, type LoadConfigInput } from './config/index.js';
// Endpoint catalog: every ServiceTitan GET endpoint, its key and how a build extracts it.
export { catalog, findEndpoint, resolveEndpoint, extractedEndpoints, endpointUrl, type EndpointDescriptor } from './catalog/index.js';
export { getEndpoint, type GetOptions } from './catalog/index.js';
// ServiceTitan client: authenticated, rate-limited, retrying requests by URL (names are the catalog's job).
export { ServiceTitanClient, type ClientOptions } from './client/index.js';
// Warehouse: a Postgres connection (a URL, or the embedded Postgres 15) and its migrations.
export { openWarehouse, openConfiguredWarehouse, type Warehouse } from './db/connection.js';
export { migrate } from './db/migrate.js';
// Runs: a build or sync of every selected endpoint of every selected tenant, with progress reporting.
export { runBuild, type BuildOptions, type BuildSummary } from './pipeline/build.js';
export { logProgress, type ProgressReporter } from './pipeline/progress.js';
// Status: per tenant and endpoint rows, cursors and errors, and the recent runs (what `atlas status` prints).
export { readStatus, type WarehouseStatus } from './runs/status.js';
