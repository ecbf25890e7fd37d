import { describe, expect, it } from 'vitest';
import { isStopword } from '../../src/core/stopwords.js';

describe('isStopword', () => {
  it.each(['the', 'of', 'is', 'and', 'which', 'a', 'i', 'it', 'also'])('knows the English function word %j', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  // The words added to the package's list: none carries an idea of its own in an answer.
  it.each([
    'its', 'does', 'doing', 'done', 'used', 'uses', 'using', 'use', 'e', 'g', 'eg', 'ie', 'etc', 'vs', 'via', 'one', 'two', 'may', 'will', 'just', 'so',
    'thus', 'during', 'within', 'without', 'upon', 'across', 'among', 'towards', 'toward', 'onto', 'whether', 'either', 'rather', 'instead', 'every',
    'per', 'yet', 'however', 'therefore', 'often', 'usually', 'e.g',
  ])('counts %j as a function word too', (word) => {
    expect(isStopword(word)).toBe(true);
  });

  it.each(['dropout', 'gradient', 'overfitting', 'layer', 'weights', 'three', 'eg.', ''])('leaves the content word (or no word) %j alone', (word) => {
    expect(isStopword(word)).toBe(false);
  });

  it('takes words as already folded: a capital is not looked up', () => {
    expect(isStopword('The')).toBe(false);
    expect(isStopword('the')).toBe(true);
  });

  it('gives the same answer on every call', () => {
    expect([isStopword('the'), isStopword('dropout'), isStopword('the'), isStopword('dropout')]).toEqual([true, false, true, false]);
  });
});
