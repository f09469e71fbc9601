/**
 * The vendored list of tap-service-titan's streams (docs/peer/tap-service-titan-streams.json): what
 * the peer extractor reads, one entry per stream, written by scripts/peer/read-tap-streams.ts from
 * one commit of the peer's sources and never edited by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const peerStreamsPath = 'docs/peer/tap-service-titan-streams.json';

export interface PeerStream {
  /** The peer's stream name (`customer_notes`), unique among its streams. */
  stream: string;
  /** The Python class that defines it, and the file it is in. */
  className: string;
  sourceFile: string;
  method: 'GET' | 'POST';
  /** The peer's URL template after the API host, its own placeholder names kept (`/crm/v2/tenant/{tenant}/customers/{customer_id}/notes`). */
  url: string;
  /**
   * The same endpoint under Atlas's canonical name convention `<module>/<path>` (see
   * src/catalog/types.ts): the placeholders renamed as in ServiceTitan's OpenAPI documents when the
   * catalog has a GET with that shape (`crm/customers/{id}/notes`), the peer's own otherwise.
   */
  endpoint: string;
  /** Query parameters the stream always sends with a fixed value (the performance streams' segmentation). */
  query?: Record<string, string>;
  /** The stream whose records give this one's path placeholder (one request per parent record). */
  parentStream?: string;
}

export interface PeerStreamsFile {
  repository: string;
  commit: string;
  /** The commit's date, ISO 8601. */
  committedOn: string;
  /** How the list was read, and where the peer's URL differs from its own OpenAPI documents. */
  notes: string[];
  /** The streams the tap always offers (tap.py `discover_streams`), in the tap's order. */
  streams: PeerStream[];
  /** Stream classes that are not among `streams` (made per configured report), with why. */
  notCounted: { className: string; sourceFile: string; method: string; url: string; why: string }[];
}

/** Reads the vendored list (relative to the project root). */
export function readPeerStreams(projectRoot: string): PeerStreamsFile {
  return JSON.parse(readFileSync(join(projectRoot, peerStreamsPath), 'utf8')) as PeerStreamsFile;
}
