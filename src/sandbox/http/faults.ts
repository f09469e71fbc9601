/**
 * Fault injection for API requests, decided per request from a seeded stream: one draw places the
 * request in [drop | html | 5xx | 429 | none] by the configured fractions, a second draw decides
 * early token expiry. Faults never touch `/connect/token` or `/_sandbox/*`.
 */
import { Rng } from '../random.js';
import { apiError, htmlErrorPage, type Reply } from './respond.js';

export interface SandboxFaults {
  rate429?: number;
  retryAfterSeconds?: number;
  rate5xx?: number;
  rateHtml?: number;
  rateDrop?: number;
  latencyMs?: number;
  earlyTokenExpiryRate?: number;
  refuseContinuationTokens?: boolean;
}

export type FaultDecision = { kind: 'none' } | { kind: 'drop' } | { kind: 'reply'; reply: Reply };

const clamp01 = (x: number | undefined): number => (typeof x === 'number' && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export class FaultInjector {
  private faults: SandboxFaults = {};
  private readonly rng: Rng;
  private readonly expiryRng: Rng;
  /** Continuation tokens issued before this issue number are refused (see export-token.ts). */
  refuseTokensBefore = 0;

  constructor(seed: number, faults: SandboxFaults | undefined, private readonly tokensIssued: () => number) {
    this.rng = new Rng(seed ^ 0x5eed);
    this.expiryRng = new Rng(seed ^ 0x7e4e);
    this.set(faults ?? {});
  }

  /** Replaces the fault configuration. `refuseContinuationTokens: true` refuses every token issued so far. */
  set(faults: SandboxFaults): void {
    this.faults = { ...faults };
    this.refuseTokensBefore = faults.refuseContinuationTokens ? this.tokensIssued() : 0;
  }

  get(): SandboxFaults {
    return { ...this.faults };
  }

  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  decide(): FaultDecision {
    const f = this.faults;
    const u = this.rng.next();
    let edge = clamp01(f.rateDrop);
    if (u < edge) return { kind: 'drop' };
    edge += clamp01(f.rateHtml);
    if (u < edge) return { kind: 'reply', reply: htmlErrorPage(this.rng.chance(0.5) ? 502 : 503) };
    edge += clamp01(f.rate5xx);
    if (u < edge) {
      const status = this.rng.pick([500, 502, 503] as const);
      const title = status === 500 ? 'An unexpected error occurred.' : status === 502 ? 'Bad gateway.' : 'The service is temporarily unavailable.';
      return { kind: 'reply', reply: apiError(status, title) };
    }
    edge += clamp01(f.rate429);
    if (u < edge) {
      const configured = f.retryAfterSeconds ?? 1;
      // Integer seconds on the wire: fractions round up, minimum 1, except an explicit 0 (tests).
      const seconds = configured <= 0 ? 0 : Math.max(1, Math.ceil(configured));
      return {
        kind: 'reply',
        reply: apiError(429, `Too many requests. Please try again in ${seconds} seconds.`, {}, { 'Retry-After': String(seconds) }),
      };
    }
    return { kind: 'none' };
  }

  /** Whether this (authenticated) request should find its token expired early. */
  expireEarly(): boolean {
    const rate = clamp01(this.faults.earlyTokenExpiryRate);
    return rate > 0 && this.expiryRng.next() < rate;
  }
}
