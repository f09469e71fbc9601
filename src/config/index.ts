// Configuration: the only module that reads the environment. See docs/configuration.md.
export { loadConfig, DEFAULT_CONFIG_FILE } from './load.js';
export { loadStagingSchema, type StagingSchemaInput } from './staging-schema.js';
export { describeConfig } from './describe.js';
export { resolveConfig, type ConfigSources, type Resolution } from './resolve.js';
export type { LoadConfigInput, ConfigFlags } from './input.js';
export type { AtlasConfig, TenantConfig, DatabaseConfig, EndpointSelection, ServiceTitanEnvironment } from './types.js';
