/**
 * A seeded pseudo-random generator for tests that pick random points (mulberry32): a failing run
 * can be replayed with the seed it logged.
 */

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed named by environment variable `name` (a non-negative integer), else a fresh one.
 * Throws on a value that is not such an integer rather than silently picking another seed.
 */
export function seedFromEnv(name: string): number {
  const given = process.env[name];
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 32);
  if (!/^\d{1,10}$/.test(given) || Number(given) >= 2 ** 32) {
    throw new Error(`${name} must be an integer from 0 to 4294967295, got "${given}"`);
  }
  return Number(given);
}
