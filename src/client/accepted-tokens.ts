/**
 * The access tokens ServiceTitan has accepted lately, so a 401 can be read: refused after it was
 * accepted, a token was revoked or expired early (renew and retry); refused though it was never
 * accepted, the credentials or app key are wrong (AUTH_FAILED). Only the newest few are kept — a
 * client renews a token every quarter of an hour, so a handful covers every request in flight.
 * Tokens are secrets: this holds them in memory only, like the token cache, and prints nothing.
 */
const KEPT = 8;

export class AcceptedTokens {
  private readonly tokens: string[] = [];

  remember(token: string): void {
    if (this.tokens.includes(token)) return;
    this.tokens.push(token);
    if (this.tokens.length > KEPT) this.tokens.shift();
  }

  has(token: string): boolean {
    return this.tokens.includes(token);
  }
}
