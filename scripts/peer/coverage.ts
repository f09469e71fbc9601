/**
 * How Atlas covers each of the peer extractor's streams, derived from the catalog as
 * `atlas endpoints --json` lists it (src/catalog/listing.ts), so it changes when the catalog does.
 * One class per stream, the first that applies:
 * - `extracted`: Atlas extracts the stream's own endpoint by default;
 * - `opt-in`: the same endpoint, a per-parent one Atlas extracts when named;
 * - `equivalent`: Atlas extracts the same records from another endpoint: a hand-made entry
 *   (scripts/peer/equivalents.ts), else the catalog's `equivalent feed <name>` reason;
 * - `not extracted`: the endpoint is in the catalog and a default build skips it, for the catalog's reason;
 * - `not in catalog`: the endpoint is not a GET of ServiceTitan's OpenAPI documents (a POST).
 */
import type { ListingRow } from '../../src/catalog/listing.js';
import { type PeerEquivalent, peerEquivalents } from './equivalents.js';
import type { PeerStream } from './peer-streams.js';

export type CoverageClass = 'extracted' | 'opt-in' | 'equivalent' | 'not extracted' | 'not in catalog';

export interface StreamCoverage {
  stream: PeerStream;
  coverage: CoverageClass;
  /** The Atlas endpoint holding the records: the stream's own, or the equivalent one; null when none. */
  atlasEndpoint: string | null;
  /** The catalog's or the hand-made table's reason; null for streams Atlas extracts from the same endpoint. */
  reason: string | null;
}

const equivalentPrefix = 'equivalent feed ';

/** `equivalent feed crm/export/leads: why` → `crm/export/leads` (the catalog's reason format). */
export function equivalentFeedOf(reason: string): string {
  return reason.slice(equivalentPrefix.length).split(/[:\s]/)[0];
}

export function classifyPeerStreams(
  streams: readonly PeerStream[],
  rows: readonly ListingRow[],
  equivalents: Readonly<Record<string, PeerEquivalent>> = peerEquivalents,
): StreamCoverage[] {
  const byName = new Map(rows.map((row) => [row.name, row]));
  return streams.map((stream): StreamCoverage => {
    const row = byName.get(stream.endpoint);
    if (row?.extracted) return { stream, coverage: 'extracted', atlasEndpoint: row.name, reason: null };
    if (row?.optIn) return { stream, coverage: 'opt-in', atlasEndpoint: row.name, reason: null };
    const handMade = equivalents[stream.stream];
    if (handMade) return { stream, coverage: 'equivalent', atlasEndpoint: handMade.atlas, reason: handMade.reason };
    if (row?.reason?.startsWith(equivalentPrefix)) {
      return { stream, coverage: 'equivalent', atlasEndpoint: equivalentFeedOf(row.reason), reason: row.reason };
    }
    if (row) return { stream, coverage: 'not extracted', atlasEndpoint: null, reason: row.reason };
    return { stream, coverage: 'not in catalog', atlasEndpoint: null, reason: null };
  });
}

/**
 * Endpoints Atlas extracts (by default or opt-in) that no peer stream reads, neither itself nor as
 * the equivalent of what the peer reads.
 */
export function atlasOnlyEndpoints(coverage: readonly StreamCoverage[], rows: readonly ListingRow[]): ListingRow[] {
  const reached = new Set(coverage.flatMap((c) => [c.stream.endpoint, ...(c.atlasEndpoint ? [c.atlasEndpoint] : [])]));
  return rows.filter((row) => (row.extracted || row.optIn) && !reached.has(row.name));
}
