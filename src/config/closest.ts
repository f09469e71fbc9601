/**
 * "Did you mean …?" for misspelt keys and time zones: the candidate with the smallest edit
 * distance, if it is close enough to be a plausible typo. Comparison ignores case, `_` and `-`
 * (`start_date` → `startDate`, `CLIENTSECRET` → `CLIENT_SECRET`), and a word that extends a
 * candidate counts as close (`password` → `pass`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const target = normalise(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = normalise(candidate);
    const extends_ = Math.min(target.length, other.length) >= 3 && (target.startsWith(other) || other.startsWith(target));
    const distance = extends_ ? 1 : editDistance(target, other);
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

/** Levenshtein distance with adjacent transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}
