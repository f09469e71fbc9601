// Configuration: the only module that reads the environment. See docs/configuration.md.
export { loadConfig, DEFAULT_CONFIG_FILE } from './load.js';
export { exposedFileWarnings } from './exposed-files.js';
export { loadStagingSchema, type StagingSchemaInput } from './staging-schema.js';
export { resolveConfig, type ConfigSources, type Resolution } from './resolve.js';
export type {
  AtlasConfig,
  TenantConfig,
  ReportConfig,
  DatabaseConfig,
  EndpointSelection,
  ServiceTitanEnvironment,
  LoadConfigInput,
  ConfigFlags,
} from './types.js';
