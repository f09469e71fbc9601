/**
 * Fault injection for API requests. Each request is identified by its method, path and query plus
 * how many times that same request was made before; a seeded hash of that identity places it in
 * [drop | html | 5xx | 429 | none] by the configured fractions, and a second hash decides early
 * token expiry. Decisions therefore do not depend on how concurrent requests interleave, and a
 * retry of a failed request gets a fresh draw. Faults never touch `/connect/token` or `/_sandbox/*`.
 */
import { unitHash } from '../random.js';
import { apiError, htmlErrorPage, type Reply } from './respond.js';

export interface SandboxFaults {
  /** 0..1 fraction of API requests answered 429 with Retry-After. */
  rate429?: number;
  /** Retry-After on 429 (default 1); fractions round up to whole seconds (min 1), 0 is sent as 0. */
  retryAfterSeconds?: number;
  /** Fraction answered 500/502/503 with a JSON ApiErrorResponse body. */
  rate5xx?: number;
  /** Fraction answered 502/503 with an HTML error page (text/html). */
  rateHtml?: number;
  /** Fraction whose socket is destroyed without a response. */
  rateDrop?: number;
  /** Added delay per API request. */
  latencyMs?: number;
  /** Fraction answered 401 as if the token expired early; the token is then revoked. */
  earlyTokenExpiryRate?: number;
  /** Answer 400 to any export `from` that is a continuation token issued before this was set. */
  refuseContinuationTokens?: boolean;
  /** Fraction of report data calls answered 409 "suspended for maintenance" (sandbox/reports). */
  reportMaintenanceRate?: number;
}

export type FaultDecision = { kind: 'none' } | { kind: 'drop' } | { kind: 'reply'; reply: Reply };

/** Requests a token must have served before the early-expiry fault (rate < 1) can hit it. */
export const EARLY_EXPIRY_AFTER_USES = 10;

const clamp01 = (x: number | undefined): number => (typeof x === 'number' && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export class FaultInjector {
  private faults: SandboxFaults = {};
  private readonly attempts = new Map<string, number>();
  /** Continuation tokens issued before this issue number are refused (see export-token.ts). */
  refuseTokensBefore = 0;

  constructor(
    private readonly seed: number,
    faults: SandboxFaults | undefined,
    private readonly tokensIssued: () => number,
  ) {
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

  /** Decides the fault of a request (`identity`: method, path and query). */
  decide(identity: string): FaultDecision {
    const f = this.faults;
    const attempt = this.attempts.get(identity) ?? 0;
    this.attempts.set(identity, attempt + 1);
    const u = unitHash(this.seed, 'fault', identity, attempt);
    const v = unitHash(this.seed, 'fault-kind', identity, attempt);
    let edge = clamp01(f.rateDrop);
    if (u < edge) return { kind: 'drop' };
    edge += clamp01(f.rateHtml);
    if (u < edge) return { kind: 'reply', reply: htmlErrorPage(v < 0.5 ? 502 : 503) };
    edge += clamp01(f.rate5xx);
    if (u < edge) {
      const status = ([500, 502, 503] as const)[Math.floor(v * 3)];
      const title =
        status === 500 ? 'An unexpected error occurred.' : status === 502 ? 'Bad gateway.' : 'The service is temporarily unavailable.';
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

  /**
   * Whether this (authenticated) request should find its token expired early. A just-issued token
   * has not lived long enough to "expire early": below rate 1 only tokens that already served
   * EARLY_EXPIRY_AFTER_USES requests are hit, so the retries that follow a renewal (the first uses
   * of the new token) go through. At rate 1 every request is hit (a renewal then fails too, which
   * tests of that client path rely on).
   */
  expireEarly(identity: string, tokenUses: number): boolean {
    const rate = clamp01(this.faults.earlyTokenExpiryRate);
    if (rate >= 1) return true;
    if (rate <= 0 || tokenUses < EARLY_EXPIRY_AFTER_USES) return false;
    const attempt = (this.attempts.get(identity) ?? 1) - 1;
    return unitHash(this.seed, 'expiry', identity, attempt) < rate;
  }
}
