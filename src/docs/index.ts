// The data dictionary (`atlas docs`): a static HTML site describing every model and staging table.
export { fileFacts, type DocsFacts, type DocsModel, type StagingTableFacts } from './facts.js';
export { readDatabaseFacts, type DatabaseFacts } from './database-facts.js';
export { lineageGraph, lineageDot, nodeId, edgeId, type LineageGraph, type LineageNode, type LineageEdge } from './lineage.js';
export { writeDocsSite, type WrittenSite } from './write-site.js';
export { serveSite, type ServedSite } from './serve.js';
export { pagePath } from './site-paths.js';
