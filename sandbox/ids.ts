/**
 * One id space for every entity type, like a real tenant: ids grow with creation time (so ids of
 * different types interleave and never collide) and land in the 8–9 digit range.
 */
import type { Rng } from './random.js';

const BASE = 20_000_000;
/** Milliseconds per id step: three years of history spans roughly 300 million ids. */
const MS_PER_STEP = 300;

export class IdAllocator {
  private readonly used = new Set<number>();

  constructor(
    private readonly originMs: number,
    private readonly rng: Rng,
  ) {}

  /** A fresh id for a record created at `createdMs`. */
  next(createdMs: number): number {
    let id = BASE + Math.max(0, Math.floor((createdMs - this.originMs) / MS_PER_STEP)) + this.rng.int(0, 3);
    while (this.used.has(id)) id++;
    this.used.add(id);
    return id;
  }

  has(id: number): boolean {
    return this.used.has(id);
  }
}
