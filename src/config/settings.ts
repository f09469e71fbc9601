/**
 * Precedence for single settings: defaults < config file < environment < flags. A candidate is a
 * value with the label it is reported under; the last one given wins, and only the winner is
 * checked (an overridden value never ran, so it cannot be wrong in a way that matters).
 */
import { fromSource } from './env.js';

export interface Candidate {
  label: string;
  value: unknown;
}

/** The last candidate whose value is not undefined. */
export function pick(...candidates: Array<Candidate | undefined>): Candidate | undefined {
  let winner: Candidate | undefined;
  for (const candidate of candidates) if (candidate && candidate.value !== undefined) winner = candidate;
  return winner;
}

/** A config-file value, labelled by its key path. */
export function fromFile(object: Record<string, unknown> | undefined, key: string, path = key): Candidate | undefined {
  return object && object[key] !== undefined ? { label: path, value: object[key] } : undefined;
}

/** A value from an env var or flag, labelled `key (from SOURCE)`. */
export function fromOther(key: string, source: string, value: unknown): Candidate | undefined {
  return value === undefined ? undefined : { label: fromSource(key, source), value };
}
