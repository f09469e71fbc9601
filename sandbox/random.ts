/**
 * Seeded, deterministic randomness. Every consumer derives its own stream from (seed, labels…)
 * so that adding a draw in one generator never shifts the values another generator produces.
 */

/** 32-bit FNV-1a over a string; stable across runs and platforms. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fraction in [0, 1) that depends only on the inputs (for per-request decisions). */
export function unitHash(...parts: Array<string | number>): number {
  return mix32(hash32(parts.join('\u0001'))) / 0x1_0000_0000;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** sfc32 generator with convenience draws. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(seed + 0x6d2b79f5);
    this.c = mix32(seed ^ 0x85ebca6b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `weighted([['a', 3], ['b', 1]])`. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** k distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const out: T[] = [];
    for (let i = 0; i < k && copy.length > 0; i++) {
      const j = Math.floor(this.next() * copy.length);
      out.push(copy[j]);
      copy[j] = copy[copy.length - 1];
      copy.pop();
    }
    return out;
  }

  /** Rounded money-like value with 2 decimals. */
  money(min: number, max: number): number {
    return Math.round(this.float(min, max) * 100) / 100;
  }

  /** Small count with a given mean (geometric-ish, capped). */
  count(mean: number, max = 50): number {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    let n = 0;
    while (n < max && this.next() > p) n++;
    return n;
  }
}

/** A generator for (seed, labels…). */
export function rngFor(seed: number, ...labels: Array<string | number>): Rng {
  return new Rng(hash32(`${seed}\u0001${labels.join('\u0001')}`));
}
