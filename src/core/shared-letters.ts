/**
 * Whether `word` holds enough of the letters of `pattern` for some stretch of it to be `pattern`
 * with at most `errors` edits. Each edit leaves at most one of the pattern's letters unmatched,
 * and the letters matched are letters both words hold; so a word missing more than `errors` of
 * them (repeats counted) cannot be within `errors` edits, and fuse.js, slow to ask, need not be.
 * It never turns away a word fuse.js would accept (tests/core/shared-letters.test.ts compares the
 * two); letters are compared as they are, so fold case first where fuse.js would.
 */
export function sharesEnoughLetters(pattern: string, word: string, errors: number): boolean {
  const counts = new Map<number, number>();
  for (let i = 0; i < word.length; i++) counts.set(word.charCodeAt(i), (counts.get(word.charCodeAt(i)) ?? 0) + 1);
  let missing = 0;
  for (let i = 0; i < pattern.length; i++) {
    const left = counts.get(pattern.charCodeAt(i)) ?? 0;
    if (left > 0) counts.set(pattern.charCodeAt(i), left - 1);
    else if (++missing > errors) return false;
  }
  return true;
}
