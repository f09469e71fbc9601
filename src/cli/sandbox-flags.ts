/** Rules shared by the sandbox-starting commands (`atlas demo`, `atlas sandbox`) for their numeric flags. */
import type { NumberRule } from './numeric-flag.js';

/** `--scale`: 1 ≈ 2,000 customers and 8,000 jobs; the sandbox builds the whole tenant in memory, hence a ceiling. */
export const SANDBOX_SCALE: NumberRule = { above: 0, max: 20 };

/** `--seed`: same seed and scale give the same data. */
export const SANDBOX_SEED: NumberRule = { integer: true };
