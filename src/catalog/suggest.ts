/**
 * "Did you mean" for endpoint names: ranks candidates by a mix of edit distance (to the whole name
 * or to its path part, so `customer` finds `crm/customers`) and overlap of name tokens (so
 * `notes customers` finds `crm/customers/{id}/notes`). Deterministic: ties break by name.
 */
import { editDistance } from '../text/edit-distance.js';

/** Words of a name, lowercase, singular-ish, without placeholders: `crm/customers/{id}/notes` → crm, customer, note. */
function tokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/\{[^}]*\}/g, ' ')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word)),
  );
}

/** Lower is closer. Word overlap weighs more than spelling: "customer notes" should find the notes endpoint. */
function score(input: string, candidate: string): number {
  const query = input.toLowerCase();
  const full = candidate.toLowerCase().replace(/\{[^}]*\}\/?/g, '');
  const path = full.slice(full.indexOf('/') + 1);
  const distance = Math.min(
    editDistance(query, full) / Math.max(query.length, full.length),
    editDistance(query, path) / Math.max(query.length, path.length),
  );
  const a = tokens(input);
  const b = tokens(candidate);
  const shared = [...a].filter((t) => b.has(t)).length;
  const overlap = shared / Math.max(1, new Set([...a, ...b]).size);
  return distance - 1.5 * overlap;
}

/** The `limit` candidates closest to `input`, best first. */
export function closestNames(input: string, candidates: Iterable<string>, limit = 5): string[] {
  return [...new Set(candidates)]
    .map((name) => ({ name, score: score(input, name) }))
    .sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.name);
}
