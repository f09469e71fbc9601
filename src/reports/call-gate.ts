/**
 * Serialises calls per key (tenant and report id) and spaces them: each call starts at least
 * `spacingMs` after the previous call of the same key finished. This sits on top of the tenant's
 * rate limiter (the client still takes a token per request): reports are limited per report, far
 * more strictly than the rest of the API.
 */
import { sleep } from '../client/sleep.js';

export class ReportCallGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();

  /** Runs `call` when the key's previous call is done and `spacingMs` has passed since it ended. */
  async run<T>(key: string, spacingMs: number, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.tails.set(
      key,
      previous.then(() => mine),
    );
    try {
      await previous;
      const wait = (this.lastEnd.get(key) ?? 0) + spacingMs - Date.now();
      if (wait > 0) await sleep(wait, signal);
      return await call();
    } finally {
      this.lastEnd.set(key, Date.now());
      release();
    }
  }

  /** Pushes the key's next call back until at least `ms` from now (a 429's Retry-After). */
  holdFor(key: string, ms: number, spacingMs: number): void {
    this.lastEnd.set(key, Math.max(this.lastEnd.get(key) ?? 0, Date.now() + ms - spacingMs));
  }
}
