import { AtlasError } from '../../src/errors.js';

/** The AtlasError `fn` throws (anything else thrown is rethrown; not throwing fails the test). */
export function caught(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AtlasError) return error;
    throw error;
  }
  throw new Error('expected an AtlasError');
}
