// The model runner's public surface: models under models/ built into the marts schema.
export type { Model, ModelHeader, Materialization } from './model.js';
export { loadModels, defaultModelsDir } from './load-models.js';
export {
  buildModels,
  knownStagingTables,
  type BuildModelsOptions,
  type BuildModelsSummary,
  type ModelOutcome,
  type ModelChanges,
} from './build-models.js';
export { testModels, type CheckResult } from './test-models.js';
export { grantReader } from './grant.js';
export { lastBuilds, type BuildRecord } from './bookkeeping.js';
export { changesOfRun } from './run-changes.js';
export { refreshModelsAfterRun } from './after-run.js';
export { exampleQuery } from './example-query.js';
