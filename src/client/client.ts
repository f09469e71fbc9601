/**
 * ServiceTitanClient: the facade the extractor and CLI use. It composes the pieces — token
 * provider (auth.ts), rate limiter (rate-limiter.ts, its own or one shared by the caller), retry
 * policy (retry-policy.ts) and transport (transport.ts) — into one `request()` loop for a URL or
 * path already resolved. It knows nothing of the endpoint catalog: Titanpy-style names are
 * resolved by the catalog layer (`getEndpoint` in src/catalog/get-endpoint.ts).
 *
 * Contract of `request()`:
 * - resolves only with a 2xx and a parsed JSON body (null for 204);
 * - retriable failures (5xx, 408, resets, timeouts, unparseable 200s) are retried up to
 *   `maxAttempts` attempts in all, then ApiError API_RETRIES_EXHAUSTED naming the endpoint, the
 *   attempt count and the last status or error;
 * - 429 pauses the (app key, tenant) bucket for Retry-After and retries on a separate budget of
 *   `maxAttempts * 2` 429s; 401 re-authenticates once, a second 401 is AUTH_FAILED;
 * - any other status is final: ApiError API_REQUEST_FAILED with ServiceTitan's title/errors;
 * - a cancelled `signal` rejects with `signal.reason` at whatever stage the call is;
 * - messages, logs and causes hold no secret (got errors are replaced by TransportFailure): the
 *   client's SecretSet (its client secret, app key and current token) masks its log lines and the
 *   errors leaving it, on top of the process-wide redaction.
 */
import { inspect } from 'node:util';
import { ApiError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { scrubError } from '../log/scrub-error.js';
import { loggerWithSecrets } from '../log/secret-logger.js';
import { SecretSet } from '../log/secret-set.js';
import { AcceptedTokens } from './accepted-tokens.js';
import { TokenProvider } from './auth.js';
import { handedBack } from './handed-back.js';
import { interpretFailure, interpretResponse, type Outcome } from './outcome.js';
import { TokenBucket } from './rate-limiter.js';
import { backoffDelay, DEFAULT_BACKOFF, DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT_MS, RATE_LIMIT_BUDGET_FACTOR } from './retry-policy.js';
import { sleep } from './sleep.js';
import { sendHttp, type HttpResult } from './transport.js';
import { TransportFailure } from './transport-error.js';
import { buildUrl, pathLabel } from './url.js';
import type { ApiResponse, BackoffOptions, ClientOptions, ClientStats, Query, RequestContext } from './types.js';

const DEFAULT_USER_AGENT = 'atlas (ServiceTitan extractor)';
/** Token renewals one request may cause after 401s to tokens that had been accepted (revoked early). */
const MAX_RENEWALS = 3;

export class ServiceTitanClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, rateLimited: 0, tokenRenewals: 0 };

  private readonly tenant: ClientOptions['tenant'];
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly userAgent: string;
  private readonly auth: TokenProvider;
  private readonly limiter: TokenBucket;
  private readonly secrets: SecretSet;
  private readonly acceptedTokens = new AcceptedTokens();

  /** The tenant's API base URL (no credentials in it). */
  get apiUrl(): string {
    return this.tenant.apiUrl;
  }

  /** The ServiceTitan tenant id the client calls. */
  get tenantId(): string {
    return this.tenant.tenantId;
  }

  constructor(options: ClientOptions) {
    const { tenant } = options;
    // Added before anything can log or throw, so even an early failure cannot print them.
    this.secrets = options.secrets ?? new SecretSet();
    this.secrets.add(tenant.clientSecret);
    this.secrets.add(tenant.appKey);
    this.tenant = tenant;
    this.logger = loggerWithSecrets(options.logger ?? silentLogger, this.secrets).child({ tenant: tenant.name });
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.auth = new TokenProvider({
      authUrl: tenant.authUrl,
      clientId: tenant.clientId,
      clientSecret: tenant.clientSecret,
      tenantName: tenant.name,
      maxAttempts: this.maxAttempts,
      timeoutMs: this.timeoutMs,
      backoff: this.backoff,
      userAgent: this.userAgent,
      logger: this.logger,
      secrets: this.secrets,
      onRenewal: () => {
        this.stats.tokenRenewals++;
      },
    });
    this.limiter = options.rateLimiter ?? new TokenBucket(tenant.requestsPerSecond);
  }

  async request<T = unknown>(pathOrUrl: string, query?: Query, context: RequestContext = {}): Promise<ApiResponse<T>> {
    try {
      return await this.send<T>(pathOrUrl, query, context);
    } catch (error) {
      throw scrubError(error, this.secrets);
    }
  }

  private async send<T>(pathOrUrl: string, query: Query | undefined, context: RequestContext): Promise<ApiResponse<T>> {
    const { signal } = context;
    const url = buildUrl(this.tenant.apiUrl, pathOrUrl, query);
    const safeUrl = this.secrets.redactText(url.toString());
    const label = context.endpoint ?? pathLabel(this.tenant.apiUrl, url);
    const rateLimitBudget = this.maxAttempts * RATE_LIMIT_BUDGET_FACTOR;
    const method = context.method ?? 'GET';

    let attempts = 0;
    let failures = 0; // retriable failures, bounded by maxAttempts
    let rateLimited = 0; // 429s, bounded by rateLimitBudget
    let renewals = 0; // token renewals after a 401, bounded by MAX_RENEWALS

    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const token = await this.auth.getToken(signal);
      await this.limiter.acquire(signal);
      attempts++;
      this.stats.requests++;
      if (attempts > 1) this.stats.retries++;

      let outcome: Outcome;
      let result: HttpResult | undefined;
      let failure: string | undefined;
      try {
        result = await sendHttp({
          method,
          ...(context.json === undefined ? {} : { json: context.json }),
          url: url.toString(),
          headers: {
            authorization: `Bearer ${token}`,
            'st-app-key': this.tenant.appKey,
            accept: 'application/json',
            'user-agent': this.userAgent,
          },
          timeoutMs: this.timeoutMs,
          signal,
        });
        outcome = context.finalStatuses?.includes(result.status)
          ? handedBack(result, `${method} ${label}`, attempts)
          : interpretResponse(result, label, attempts);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error; // signal.reason: the caller cancelled
        failure = error.describe();
        outcome = interpretFailure(error, label, attempts);
      }
      this.logger.debug('api request', {
        method,
        url: safeUrl,
        endpoint: label,
        status: result?.status,
        durationMs: result?.durationMs,
        attempt: attempts,
        error: failure,
      });

      switch (outcome.kind) {
        case 'success':
          this.acceptedTokens.remember(token);
          return { body: outcome.body as T, status: outcome.result.status, headers: outcome.result.headers, attempts, url: safeUrl };
        case 'fatal':
          throw outcome.error;
        case 'unauthorized':
          // A 401 to a renewed token means the credentials are wrong — unless that token has been
          // accepted for other requests: then it was revoked or expired early, and renewing again
          // can cure it (bounded, so a flapping server still ends in AUTH_FAILED).
          if ((renewals > 0 && !this.acceptedTokens.has(token)) || renewals >= MAX_RENEWALS) {
            throw new ApiError(
              'AUTH_FAILED',
              `${method} ${label} was refused with 401 even with a freshly issued token (${outcome.last}); check the app key and the app's access to tenant ${this.tenant.name}`,
              401,
              { details: { endpoint: label, attempts } },
            );
          }
          renewals++;
          this.auth.invalidate(token);
          this.logger.debug('api answered 401; renewing the token', { endpoint: label, attempt: attempts, renewal: renewals });
          continue;
        case 'rate-limited':
          rateLimited++;
          this.stats.rateLimited++;
          if (rateLimited >= rateLimitBudget) throw this.exhausted(label, attempts, outcome.last, outcome.status);
          // Pause the whole (app key, tenant) bucket; our next acquire() waits for it like everyone else.
          this.limiter.pause(outcome.waitMs);
          this.logger.info('rate limited by ServiceTitan; pausing requests for this tenant', {
            endpoint: label,
            waitMs: outcome.waitMs,
            attempt: attempts,
          });
          continue;
        case 'retry':
          failures++;
          if (failures >= this.maxAttempts) throw this.exhausted(label, attempts, outcome.last, outcome.status, outcome.cause);
          await this.backoffWait(label, failures, outcome.last, signal);
          continue;
      }
    }
  }

  /** Printing a client shows no credentials or tokens (they live in its tenant and token cache). */
  [inspect.custom](): string {
    return `ServiceTitanClient { tenant: ${this.tenant.name}, stats: ${JSON.stringify(this.stats)} }`;
  }

  toJSON(): Record<string, unknown> {
    return { tenant: this.tenant.name, stats: { ...this.stats } };
  }

  private async backoffWait(label: string, failures: number, last: string, signal: AbortSignal | undefined): Promise<void> {
    const waitMs = backoffDelay(failures, this.backoff);
    this.logger.info('retrying ServiceTitan request', { endpoint: label, retry: failures, waitMs, last });
    await sleep(waitMs, signal);
  }

  private exhausted(label: string, attempts: number, last: string, status: number | undefined, cause?: Error): ApiError {
    return new ApiError('API_RETRIES_EXHAUSTED', `GET ${label} failed after ${attempts} attempts; last: ${last}`, status, {
      cause,
      retriable: true,
      details: { endpoint: label, attempts, ...(status === undefined ? {} : { status }) },
    });
  }
}
