/**
 * The one parser for numeric command-line flags. Given to commander as an option's argument
 * parser, it turns the text into a number or throws a ConfigError naming the flag, what it
 * expects and the value given, so `atlas status --runs abc` exits with the config-error code (2)
 * before any work starts. Defaults are not parsed (commander passes them through), so give them
 * as numbers.
 */
import { ConfigError } from '../errors.js';

export interface NumberRule {
  /** Only whole numbers. */
  integer?: boolean;
  /** Smallest accepted value (inclusive). */
  min?: number;
  /** Smallest accepted value is anything above this one (exclusive), e.g. 0 for "above 0". */
  above?: number;
  /** Largest accepted value (inclusive). */
  max?: number;
}

/** What the rule accepts, in words: "an integer from 0 to 65535", "a number above 0 (at most 20)". */
function describeRule(rule: NumberRule): string {
  const noun = rule.integer ? 'an integer' : 'a number';
  if (rule.min !== undefined && rule.max !== undefined) return `${noun} from ${rule.min} to ${rule.max}`;
  const bounds = [
    rule.min !== undefined ? `of at least ${rule.min}` : undefined,
    rule.above !== undefined ? `above ${rule.above}` : undefined,
  ].filter((text) => text !== undefined);
  const lower = bounds.length ? ` ${bounds.join(' and ')}` : '';
  return rule.max === undefined ? `${noun}${lower}` : `${noun}${lower} (at most ${rule.max})`;
}

function accepts(rule: NumberRule, n: number): boolean {
  if (rule.integer && !Number.isInteger(n)) return false;
  if (rule.min !== undefined && n < rule.min) return false;
  if (rule.above !== undefined && n <= rule.above) return false;
  return rule.max === undefined || n <= rule.max;
}

/** Parses one flag's value; `flag` is its name without dashes, e.g. `batch-size`. */
function parseNumberFlag(flag: string, value: string, rule: NumberRule): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !accepts(rule, n)) {
    throw new ConfigError(`--${flag} must be ${describeRule(rule)} (got "${value}")`);
  }
  return n;
}

/** A commander argument parser for a numeric flag: `.option('--runs <n>', '…', numberFlag('runs', { integer: true, min: 1 }), 10)`. */
export function numberFlag(flag: string, rule: NumberRule): (value: string) => number {
  return (value) => parseNumberFlag(flag, value, rule);
}
