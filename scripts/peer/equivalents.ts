/**
 * The hand-made part of the peer comparison: peer streams whose records Atlas extracts through
 * another endpoint, where the catalog cannot say so itself. Most such pairs need no entry here: a
 * list the peer reads whose records Atlas takes from an export feed already has the catalog reason
 * `equivalent feed <name>` (src/catalog/not-extracted.ts), and scripts/peer/coverage.ts uses it.
 * An entry is for what the catalog cannot describe: an endpoint outside it (a POST), or records that
 * arrive inside another entity's rows. Each entry names the Atlas endpoint, which must be extracted
 * by default (test/catalog/peer-coverage.unit.test.ts), and why its records are the same.
 *
 * Empty at the peer's commit 71e4371: every stream Atlas covers through another endpoint is one the
 * catalog already names an equivalent feed for.
 */
export interface PeerEquivalent {
  /** The Atlas endpoint (canonical name) whose staging table holds the stream's records. */
  atlas: string;
  /** Why they are the same records. */
  reason: string;
}

export const peerEquivalents: Readonly<Record<string, PeerEquivalent>> = {};
