import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { sharesEnoughLetters } from '../../src/core/shared-letters.js';

describe('sharesEnoughLetters', () => {
  it.each([
    ['dropout', 'dropuot', 0, true, 'the same letters in another order'],
    ['dropout', 'drpout', 1, true, 'one letter missing, one edit allowed'],
    ['dropout', 'drput', 1, false, 'two letters missing, one edit allowed'],
    ['dropout', 'drput', 2, true, 'two letters missing, two edits allowed'],
    ['attention', 'atention', 1, true, 'a repeated letter counts once a time it stands'],
    ['attention', 'aention', 1, false, 'both repeats missing'],
    ['dropout', 'dropped', 2, false, 'three of the letters missing'],
  ])('%s in %s with %i edits: %s (%s)', (query, word, errors, expected) => {
    expect(sharesEnoughLetters(query, word, errors)).toBe(expected);
  });

  it('never turns away a word that fuse.js would take as a typo, at the thresholds search and grading use', () => {
    // Words made from query words by random edits, and from random letters: every word fuse.js
    // accepts must pass the letter check.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const letters = 'aeioustrnpdlcgmy';
    const edit = (word: string) => {
      const at = random(word.length + 1);
      const letter = letters[random(letters.length)]!;
      const kind = random(3);
      return kind === 0 ? word.slice(0, at) + letter + word.slice(at) : kind === 1 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + letter + word.slice(at + 1);
    };
    let accepted = 0;
    let rejected = 0;
    for (const query of ['dropout', 'gradient', 'attention', 'softmax', 'normalization', 'residual', 'sigmoid']) {
      // Search allows two errors from seven letters, grading from eight: both budgets, every length.
      for (let i = 0; i < 800; i++) {
        const errors = 1 + (i % 4 < 2 ? 0 : 1);
        const threshold = (errors + 0.5) / query.length;
        let word = query;
        for (let edits = random(4); edits > 0; edits--) word = edit(word);
        if (i % 2) word = query[0] + Array.from({ length: query.length - 1 + random(3) - 1 }, () => letters[random(letters.length)]).join('');
        const fuseAccepts = Fuse.match(query, word, { ignoreLocation: true, includeScore: true, threshold, isCaseSensitive: true }).isMatch;
        if (fuseAccepts) {
          accepted++;
          expect(sharesEnoughLetters(query, word, errors), `${query} / ${word}`).toBe(true);
        } else if (!sharesEnoughLetters(query, word, errors)) rejected++;
      }
    }
    // Both kinds occur, so the comparison above was not empty, and the check does turn words away.
    expect(accepted).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });
});
