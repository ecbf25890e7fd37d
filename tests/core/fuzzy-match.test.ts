import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { substringEditDistance } from '../../src/core/fuzzy-match.js';

describe('substringEditDistance', () => {
  it.each([
    ['dropout', 'dropout', 2, 0, 'the same word'],
    ['dropout', 'dropouts', 2, 0, 'held whole in a longer word'],
    ['dropout', 'drpout', 2, 1, 'a letter left out'],
    ['dropout', 'dropuot', 2, 2, 'a swap is two edits'],
    ['dropout', 'droput', 2, 1, 'one of a repeated letter left out'],
    ['dropout', 'xdropoutx', 2, 0, 'letters around it cost nothing'],
    ['dropout', 'dxrxopout', 2, 2, 'letters inside it cost one each'],
    ['dropout', 'dripped', 2, 3, 'past the limit: the limit and one'],
    ['dropout', 'zzzzzzzzzzzzzzz', 1, 2, 'nothing alike'],
    ['dropout', '', 9, 7, 'an empty text: every letter of the pattern'],
    ['', 'dropout', 0, 0, 'an empty pattern is in every text'],
  ])('%s in %s within %i: %i (%s)', (pattern, text, max, expected) => {
    expect(substringEditDistance(pattern, text, max)).toBe(expected);
  });

  it('handles texts longer than any before (its rows grow)', () => {
    const long = `${'x'.repeat(500)}gradient${'y'.repeat(500)}`;
    expect(substringEditDistance('gradient', long, 2)).toBe(0);
    expect(substringEditDistance('gradeint', long, 2)).toBe(2);
    expect(substringEditDistance('gradient', 'gradint', 2)).toBe(1);
  });

  it('finds the errors fuse.js found, and so its matches and scores, at the thresholds search and grading use', () => {
    // Words made from pattern words by random edits, and from random letters, compared with what
    // fuse.js says (as search and grading asked it before, location ignored): a match exactly when
    // the distance is within the edits allowed, scored errors per letter, at least 0.001.
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
    let matched = 0;
    let refused = 0;
    for (const pattern of ['dropout', 'gradient', 'attention', 'softmax', 'normalization', 'residual', 'sigmoid', 'nesterov']) {
      const words: string[] = [];
      for (let i = 0; i < 300; i++) {
        let word = pattern;
        for (let edits = random(5); edits > 0; edits--) word = edit(word);
        words.push(i % 3 === 2 ? pattern[0] + Array.from({ length: pattern.length - 2 + random(4) }, () => letters[random(letters.length)]).join('') : word);
      }
      for (const errors of [1, 2]) {
        const fuse = new Fuse(words, { includeScore: true, ignoreLocation: true, threshold: (errors + 0.5) / pattern.length, isCaseSensitive: true });
        const scored = new Map(fuse.search(pattern).map((result) => [result.item, result.score]));
        for (const word of words) {
          const distance = substringEditDistance(pattern, word, errors);
          expect(distance <= errors, `${pattern} / ${word}`).toBe(scored.has(word));
          if (distance <= errors) {
            matched++;
            expect(scored.get(word), `${pattern} / ${word}`).toBeCloseTo(word === pattern ? 0 : Math.max(0.001, distance / pattern.length), 12);
          } else refused++;
        }
      }
    }
    // Both kinds occur, so neither side of the comparison was empty.
    expect(matched).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});
