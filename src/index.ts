// Public library surface of Atlas; filled in as modules land.
export { AtlasError, ConfigError, ApiError, exitCodeFor } from './errors.js';
export { createLogger } from './log/logger.js';
