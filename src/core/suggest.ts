/**
 * The edit distance of two words (insertions, deletions, substitutions and swaps of neighbours
 * each count one), or `max + 1` as soon as it is sure to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates a mistyped word most likely stands for, for a "did you mean" hint: one that
 * differs only in case, else the nearest by edit distance (case aside), allowing about one edit
 * in three letters. Empty when nothing is near.
 */
export function closestWords(word: string, candidates: readonly string[]): string[] {
  const folded = word.toLowerCase();
  const sameButCase = candidates.filter((candidate) => candidate.toLowerCase() === folded);
  if (sameButCase.length > 0) return sameButCase;
  const max = Math.max(1, Math.floor(folded.length / 3));
  let best = max + 1;
  let nearest: string[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(folded, candidate.toLowerCase(), max);
    if (distance < best) {
      best = distance;
      nearest = [candidate];
    } else if (distance === best && distance <= max) nearest.push(candidate);
  }
  return nearest;
}
