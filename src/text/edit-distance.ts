/**
 * Edit distance between two strings, shared by the "did you mean" helpers: closest.ts (config's
 * misspelt keys and time zones) and src/catalog/suggest.ts (endpoint names).
 */

/**
 * Levenshtein distance (insert, delete, substitute, each 1). With `transpositions`, swapping two
 * adjacent characters also counts as one edit (optimal string alignment distance).
 */
export function editDistance(a: string, b: string, options: { transpositions?: boolean } = {}): number {
  const transpositions = options.transpositions ?? false;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
      }
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
