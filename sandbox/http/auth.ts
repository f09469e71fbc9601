/**
 * The OAuth2 client-credentials token endpoint and bearer-token checks.
 *
 * Tokens expire by wall clock (so a real client's renewal is exercised) and also when the sandbox
 * clock has moved past their lifetime (after `advance`). The early-expiry fault revokes a token.
 * Token values are never logged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { jsonReply, apiError, type Reply } from './respond.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  appKey: string;
}

interface TokenState {
  issuedWallMs: number;
  issuedClockMs: number;
  revoked: boolean;
  /** API requests this token was accepted for. */
  uses: number;
}

const SCOPES = [
  'tn.acc.invoices:r',
  'tn.acc.payments:r',
  'tn.crm.customers:r',
  'tn.crm.locations:r',
  'tn.jpm.jobs:r',
  'tn.jpm.appointments:r',
  'tn.dsp.appointmentassignments:r',
  'tn.mem.memberships:r',
  'tn.pay.payrolls:r',
  'tn.pb.services:r',
  'tn.est.estimates:r',
  'tn.stt.technicians:r',
  'tn.stt.employees:r',
  'tn.tlc.calls:r',
  'tn.mkt.campaigns:r',
  'tn.inv.purchaseorders:r',
];

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** `uses`: how many API requests the token was accepted for before this one. */
export type AuthCheck = { ok: true; token: string; uses: number } | { ok: false; reply: Reply };

const EXPIRED = 'The access token has expired.';

/** A 401 with the bearer challenge ServiceTitan sends for a missing, unknown or expired token. */
function unauthorized(title: string): Reply {
  return apiError(401, title, {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
}

export class TokenAuthority {
  private readonly tokens = new Map<string, TokenState>();
  private readonly signingKey = randomBytes(32);

  constructor(
    readonly credentials: Credentials,
    private readonly tenantId: string,
    private readonly ttlSeconds: number,
    private readonly clock: () => number,
  ) {}

  /** Every access token issued so far (tests search Atlas's output for them). */
  issued(): string[] {
    return [...this.tokens.keys()];
  }

  /** Handles `POST /connect/token` with a form body (or HTTP Basic client authentication). */
  issue(body: string, authorization: string | undefined): Reply {
    const form = new URLSearchParams(body);
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    let basic = false;
    if (authorization?.toLowerCase().startsWith('basic ')) {
      const [id, secret] = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id ?? '');
      clientSecret = decodeURIComponent(secret ?? '');
      basic = true;
    }
    const grant = form.get('grant_type');
    if (!grant) return jsonReply(400, { error: 'invalid_request', error_description: 'grant_type is missing' });
    if (grant !== 'client_credentials') return jsonReply(400, { error: 'unsupported_grant_type' });
    if (!clientId || clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret) {
      return jsonReply(basic ? 401 : 400, { error: 'invalid_client' }, basic ? { 'WWW-Authenticate': 'Basic' } : undefined);
    }
    const nowSec = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'sandbox', typ: 'at+jwt' }));
    const payload = b64url(
      JSON.stringify({
        iss: 'https://auth-integration.servicetitan.io',
        nbf: nowSec,
        iat: nowSec,
        exp: nowSec + this.ttlSeconds,
        client_id: clientId,
        tenant: this.tenantId,
        jti: randomBytes(8).toString('hex'),
      }),
    );
    const signature = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest('base64url');
    const token = `${header}.${payload}.${signature}`;
    this.tokens.set(token, { issuedWallMs: Date.now(), issuedClockMs: this.clock(), revoked: false, uses: 0 });
    return jsonReply(
      200,
      { access_token: token, expires_in: this.ttlSeconds, token_type: 'Bearer', scope: SCOPES.join(' ') },
      {
        'Cache-Control': 'no-store',
        Pragma: 'no-cache',
      },
    );
  }

  /** Checks the Authorization (Bearer or bare token) and ST-App-Key headers of an API request. */
  check(authorization: string | undefined, appKey: string | undefined): AuthCheck {
    const refuse = (title: string): AuthCheck => ({ ok: false, reply: unauthorized(title) });
    if (!appKey) return refuse('ST-App-Key header is required.');
    const raw = (authorization ?? '').trim();
    const token = raw.toLowerCase().startsWith('bearer ') ? raw.slice(7).trim() : raw;
    if (!token) return refuse('Authorization header is required.');
    const state = this.tokens.get(token);
    if (!state || state.revoked) return refuse('The access token is invalid.');
    const ttlMs = this.ttlSeconds * 1000;
    if (Date.now() - state.issuedWallMs >= ttlMs || this.clock() - state.issuedClockMs >= ttlMs) return refuse(EXPIRED);
    if (appKey !== this.credentials.appKey) return { ok: false, reply: apiError(403, 'The application key is not valid for this tenant.') };
    return { ok: true, token, uses: state.uses++ };
  }

  /** Revokes a token early (the early-expiry fault) and returns the reply its request gets. */
  expireEarly(token: string): Reply {
    const state = this.tokens.get(token);
    if (state) state.revoked = true;
    return unauthorized(EXPIRED);
  }
}
