/**
 * OAuth2 client-credentials tokens for one tenant connection.
 *
 * Contract:
 * - one cached token per provider (one provider per client); callers that need a token while one
 *   is being fetched share that single in-flight request;
 * - a token is renewed once less than min(60 s, 10 % of its lifetime) remains, so a request never
 *   leaves with a token about to expire (the 10 % keeps short test lifetimes usable);
 * - `invalidate(token)` (after a 401) drops the token only if it is still the current one, so
 *   a burst of 401s for the same stale token causes one renewal, not one each;
 * - token endpoint 4xx (bad credentials) → ApiError AUTH_FAILED at once; 5xx, 429, network
 *   failures, timeouts and unreadable 200s are retried with the same backoff as API calls;
 * - every token received goes into the client's SecretSet (this provider's own slot) before
 *   anything else touches it, replacing the previous token: a long run keeps one token there, not all.
 */
import { inspect } from 'node:util';
import { ApiError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { SecretSet } from '../log/secret-set.js';
import { describeBody, parseJson } from './body.js';
import { backoffDelay, classifyStatus, DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from './retry-policy.js';
import { abortable, sleep } from './sleep.js';
import { headerValue, sendHttp, type HttpResult } from './transport.js';
import { TransportFailure } from './transport-error.js';
import type { BackoffOptions } from './types.js';

/** Lifetime assumed when the token response has no usable `expires_in` (ServiceTitan issues 900 s). */
const DEFAULT_LIFETIME_SECONDS = 900;

export interface TokenProviderOptions {
  authUrl: string;
  clientId: string;
  clientSecret: string;
  /** Tenant name, for messages only. */
  tenantName: string;
  maxAttempts: number;
  timeoutMs: number;
  backoff: BackoffOptions;
  userAgent: string;
  logger: Logger;
  /** The owning client's secrets: the current token is kept there for redaction. */
  secrets: SecretSet;
  /** Called after each token fetched to replace an earlier one. */
  onRenewal?: () => void;
}

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is treated as stale (expiry minus the renewal margin). */
  renewAt: number;
}

/** Seconds before expiry at which a token is renewed. */
export function renewalMarginSeconds(lifetimeSeconds: number): number {
  return Math.min(60, lifetimeSeconds * 0.1);
}

export class TokenProvider {
  private current: CachedToken | undefined;
  private inflight: Promise<CachedToken> | undefined;
  private fetched = 0;
  /** This provider's slot in the client's SecretSet (clients may share a set; each keeps its own token). */
  private readonly tokenSlot = Symbol('access token');

  constructor(private readonly options: TokenProviderOptions) {}

  /** A token valid for at least the renewal margin. `signal` cancels this caller's wait only. */
  async getToken(signal?: AbortSignal): Promise<string> {
    const cached = this.current;
    if (cached && Date.now() < cached.renewAt) return cached.value;
    if (!this.inflight) {
      // The caller that starts the fetch lends it its signal: Ctrl-C ends the fetch's sleeps too,
      // so no retry timer keeps the process alive after a cancelled run.
      this.inflight = this.fetchToken(signal).finally(() => {
        this.inflight = undefined;
      });
      // A failure is delivered to the waiting callers; this handler only avoids an unhandled
      // rejection when every caller has been cancelled.
      this.inflight.catch(() => {});
    }
    return (await abortable(this.inflight, signal)).value;
  }

  /** Never prints the client secret or the cached token. */
  [inspect.custom](): string {
    return `TokenProvider { tenant: ${this.options.tenantName}, cached: ${this.current !== undefined} }`;
  }

  toJSON(): Record<string, unknown> {
    return { tenant: this.options.tenantName, cached: this.current !== undefined };
  }

  /** Forgets `token` if it is still the cached one (the API answered 401 to it). */
  invalidate(token: string): void {
    if (this.current?.value === token) this.current = undefined;
  }

  private async fetchToken(signal?: AbortSignal): Promise<CachedToken> {
    const { maxAttempts, backoff, logger } = this.options;
    let failures = 0;
    let last = '';
    for (let attempt = 1; ; attempt++) {
      const requestedAt = Date.now();
      let result: HttpResult;
      try {
        result = await sendHttp({
          method: 'POST',
          url: this.options.authUrl,
          headers: { accept: 'application/json', 'user-agent': this.options.userAgent },
          form: {
            grant_type: 'client_credentials',
            client_id: this.options.clientId,
            client_secret: this.options.clientSecret,
          },
          timeoutMs: this.options.timeoutMs,
        });
      } catch (error) {
        if (!(error instanceof TransportFailure) || !error.retriable) {
          // Not a credentials problem (DNS, TLS, bad authUrl): report it as a failed request.
          throw new ApiError(
            'API_REQUEST_FAILED',
            `token request for tenant ${this.options.tenantName} failed: ${describeError(error)}`,
            undefined,
            {
              cause: error instanceof TransportFailure ? error : undefined,
            },
          );
        }
        failures++;
        last = error.describe();
        logger.debug('token request failed', { attempt, error: last });
        if (failures >= maxAttempts) throw this.exhausted(attempt, last, undefined, error);
        await sleep(backoffDelay(failures, backoff), signal);
        continue;
      }

      const url = this.options.secrets.redactText(this.options.authUrl);
      logger.debug('token request', { url, status: result.status, durationMs: result.durationMs, attempt });
      const kind = classifyStatus(result.status);
      if (kind === 'ok') {
        const token = this.readToken(result, requestedAt);
        if (token) {
          if (this.fetched++ > 0) this.options.onRenewal?.();
          this.current = token;
          return token;
        }
        last = `${result.status} ${result.statusText} with an unreadable token response${describeBody(result.body, headerValue(result, 'content-type'))}`;
      } else if (kind === 'unauthorized' || kind === 'final') {
        throw new ApiError(
          'AUTH_FAILED',
          `authentication failed for tenant ${this.options.tenantName}: token endpoint answered ${result.status} ${result.statusText}${oauthError(result.body)}; check clientId and clientSecret`,
          result.status,
          { details: { status: result.status } },
        );
      } else {
        last = `${result.status} ${result.statusText}${describeBody(result.body, headerValue(result, 'content-type'))}`;
      }

      failures++;
      logger.debug('token request will be retried', { attempt, last });
      if (failures >= maxAttempts) throw this.exhausted(attempt, last, result.status);
      const wait =
        kind === 'rate-limited'
          ? (parseRetryAfter(result.headers['retry-after']) ?? DEFAULT_RETRY_AFTER_MS)
          : backoffDelay(failures, backoff);
      await sleep(wait, signal);
    }
  }

  /** Validates a 200 token response; makes the token the client's current secret token first. */
  private readToken(result: HttpResult, requestedAt: number): CachedToken | undefined {
    const parsed = parseJson(result.body);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return undefined;
    const body = parsed.value as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') return undefined;
    this.options.secrets.replace(this.tokenSlot, body.access_token);
    // A number, or a numeric string from servers that quote it.
    const expiresIn = Number(body.expires_in);
    const lifetime = expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_SECONDS;
    // Measured from when we *sent* the request: the server's clock started no earlier.
    const renewAt = requestedAt + (lifetime - renewalMarginSeconds(lifetime)) * 1000;
    this.options.logger.debug('token obtained', { expiresInSeconds: lifetime });
    return { value: body.access_token, renewAt };
  }

  private exhausted(attempts: number, last: string, status: number | undefined, cause?: TransportFailure): ApiError {
    return new ApiError(
      'API_RETRIES_EXHAUSTED',
      `token request for tenant ${this.options.tenantName} failed after ${attempts} attempts; last: ${last}`,
      status,
      { cause, retriable: true, details: { attempts } },
    );
  }
}

/** OAuth error code from the token endpoint's body (`{"error":"invalid_client"}`), if any. */
function oauthError(body: string): string {
  const parsed = parseJson(body);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return '';
  const { error, error_description: description } = parsed.value as { error?: unknown; error_description?: unknown };
  const parts = [error, description].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length ? ` (${parts.join(': ').slice(0, 200)})` : '';
}

function describeError(error: unknown): string {
  return error instanceof TransportFailure ? error.describe() : 'unexpected error';
}
