import { describe, expect, it } from 'vitest';
import { closestWords, editDistance } from '../../src/core/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['ab', 'abc', 1],
    ['xabc', 'abc', 1],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['ab', 'ba', 1],
    ['abcd', 'acbd', 1],
    ['abcd', 'badc', 2],
    ['ca', 'abc', 3],
    ['Ab', 'ab', 1],
  ])('counts %j → %j as %i edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('counts a swap of neighbours as one edit, not two substitutions', () => {
    expect(editDistance('recieve', 'receive')).toBe(1);
    expect(editDistance('teh', 'the')).toBe(1);
  });

  it('gives the exact distance when it is at most max', () => {
    expect(editDistance('abc', 'abcde', 2)).toBe(2);
    expect(editDistance('ab', 'cd', 2)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
  });

  it('gives max + 1 as soon as the distance must exceed max', () => {
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    expect(editDistance('abc', 'abcdefg', 2)).toBe(3);
    expect(editDistance('abcd', 'wxyz', 1)).toBe(2);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('abc', 'xyz', 0)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('closestWords', () => {
  it('prefers candidates that differ only in case, all of them, over nearer spellings', () => {
    expect(closestWords('Relu', ['gelu', 'ReLU', 'relus', 'RELU'])).toEqual(['ReLU', 'RELU']);
    expect(closestWords('SEARCH', ['search', 'sear'])).toEqual(['search']);
  });

  it('suggests the nearest candidate, ignoring case', () => {
    expect(closestWords('serach', ['show', 'search', 'stats'])).toEqual(['search']);
    expect(closestWords('Grdae', ['GRADE', 'list'])).toEqual(['GRADE']);
  });

  it('keeps every candidate at the best distance, in the given order, and drops farther ones', () => {
    expect(closestWords('cat', ['cut', 'cart', 'ca', 'dog'])).toEqual(['cut', 'cart', 'ca']);
    expect(closestWords('export', ['exports', 'expert', 'xport', 'import'])).toEqual(['exports', 'expert', 'xport']);
    expect(closestWords('export', ['imports', 'exports'])).toEqual(['exports']);
    expect(closestWords('export', ['exporter', 'exports'])).toEqual(['exports']);
  });

  it('allows one edit in three letters, and always at least one', () => {
    expect(closestWords('ab', ['xb'])).toEqual(['xb']);
    expect(closestWords('ab', ['xy'])).toEqual([]);
    expect(closestWords('abcde', ['abxye'])).toEqual([]);
    expect(closestWords('abcdef', ['abxyef'])).toEqual(['abxyef']);
    expect(closestWords('abcdef', ['axyzef'])).toEqual([]);
    expect(closestWords('abcdefghi', ['axyzefghi'])).toEqual(['axyzefghi']);
  });

  it('suggests nothing when nothing is near or there are no candidates', () => {
    expect(closestWords('grade', ['list', 'show', 'stats'])).toEqual([]);
    expect(closestWords('grade', [])).toEqual([]);
  });
});
