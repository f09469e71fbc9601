/**
 * Continuation tokens: base64url of [version:1][seq:4][issue:4][hmac:12], where the HMAC covers the
 * feed's name and the 9 payload bytes. The position is the feed sequence number of the last row
 * returned; `issue` numbers tokens so that the refuse-tokens fault can refuse those issued earlier.
 * Forged, garbled or other-feed tokens fail the HMAC check.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type DecodedToken = { seq: number; issue: number };

export class TokenCodec {
  private readonly key: Buffer;
  private issued = 0;

  constructor(seed: number, tenantId: string) {
    this.key = createHash('sha256').update(`atlas-sandbox-export:${seed}:${tenantId}`).digest();
  }

  get issuedCount(): number {
    return this.issued;
  }

  encode(feed: string, seq: number): string {
    const payload = Buffer.alloc(9);
    payload.writeUInt8(1, 0);
    payload.writeUInt32BE(seq >>> 0, 1);
    payload.writeUInt32BE(++this.issued >>> 0, 5);
    return Buffer.concat([payload, this.mac(feed, payload)]).toString('base64url');
  }

  /** The position in a token, or null when the token is not one this feed issued. */
  decode(feed: string, token: string): DecodedToken | null {
    if (!/^[A-Za-z0-9_-]{28}$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== 21 || bytes[0] !== 1) return null;
    const payload = bytes.subarray(0, 9);
    if (!timingSafeEqual(bytes.subarray(9), this.mac(feed, payload))) return null;
    return { seq: payload.readUInt32BE(1), issue: payload.readUInt32BE(5) };
  }

  private mac(feed: string, payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(feed).update(payload).digest().subarray(0, 12);
  }
}
