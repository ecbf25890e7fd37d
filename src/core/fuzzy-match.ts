// Rows of the edit-distance table, kept between calls: search and grading ask this many times a run.
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * The fewest edits (insertions, deletions, substitutions) that turn `pattern` into some stretch of
 * `text`, or `max + 1` as soon as that is sure to exceed `max`. This is the number of errors
 * fuse.js's bitap search finds for a pattern of up to 32 characters, location ignored (a property
 * test compares the two), worked out by the classic table at a fraction of fuse.js's cost and
 * without loading it. Characters are compared as they are: fold case first where it does not count.
 */
export function substringEditDistance(pattern: string, text: string, max: number): number {
  if (text.length + 1 > previous.length) {
    previous = new Int32Array(text.length + 1);
    current = new Int32Array(text.length + 1);
  }
  // A stretch may start anywhere in the text: matching nothing costs nothing.
  previous.fill(0, 0, text.length + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const char = pattern.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= text.length; j++) {
      const substituted = previous[j - 1]! + (text.charCodeAt(j - 1) === char ? 0 : 1);
      const value = Math.min(substituted, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Each row's best only grows: once past `max`, so is the answer.
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  let best = pattern.length;
  // A stretch may end anywhere too.
  for (let j = 0; j <= text.length; j++) best = Math.min(best, previous[j]!);
  return best > max ? max + 1 : best;
}
