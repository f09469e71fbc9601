/**
 * "Did you mean …?" for misspelt keys and time zones: the candidate with the smallest edit
 * distance, if it is close enough to be a plausible typo. Comparison ignores case, `_` and `-`
 * (`start_date` → `startDate`, `CLIENTSECRET` → `CLIENT_SECRET`), and a word that extends a
 * candidate counts as close (`password` → `pass`).
 */
import { editDistance } from './edit-distance.js';

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const target = normalise(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = normalise(candidate);
    const extends_ = Math.min(target.length, other.length) >= 3 && (target.startsWith(other) || other.startsWith(target));
    const distance = extends_ ? 1 : editDistance(target, other, { transpositions: true });
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the word's length (at least 2) catches transpositions and dropped letters without
  // suggesting unrelated keys for short words.
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[_\-\s]/g, '');
}
