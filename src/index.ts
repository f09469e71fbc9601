// Public library surface of Atlas: what the CLI uses, for programs that embed it.
export { AtlasError, ConfigError, ApiError, exitCodeFor, type AtlasErrorCode } from './errors.js';
export { createLogger, type Logger } from './log/logger.js';
export { loadConfig, type AtlasConfig, type TenantConfig, type LoadConfigInput } from './config/index.js';
export { catalog, findEndpoint, resolveEndpoint, extractedEndpoints, endpointUrl, type EndpointDescriptor } from './catalog/index.js';
export { ServiceTitanClient, type ClientOptions } from './client/index.js';
export { openWarehouse, openConfiguredWarehouse, type Warehouse } from './db/connection.js';
export { migrate } from './db/migrate.js';
export { runBuild, type BuildOptions, type BuildSummary } from './pipeline/build.js';
export { logProgress, terminalProgress, type ProgressReporter } from './pipeline/progress.js';
export { readStatus, type WarehouseStatus } from './runs/status.js';
