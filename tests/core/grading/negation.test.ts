import { describe, expect, it } from 'vitest';
import { isNegated, isNegationWord, NEGATION_REACH } from '../../../src/core/grading/negation.js';
import { tokenize } from '../../../src/core/normalize.js';

/** Whether the last mention of `word` in `text` is negated. */
function negated(text: string, word = 'dropout'): boolean {
  const tokens = tokenize(text);
  const index = tokens.map((t) => t.word).lastIndexOf(word);
  if (index === -1) throw new Error(`no "${word}" in "${text}"`);
  return isNegated(tokens, index, text);
}

describe('isNegated', () => {
  it.each(['not', 'no', 'never', 'without', 'nor', 'neither', 'cannot', 'none', 'lack', 'lacks', 'lacking'])('reads "%s" as a negation of the word after it', (word) => {
    expect(negated(`it is ${word} dropout`)).toBe(true);
    expect(isNegationWord(word)).toBe(true);
  });

  it.each(['don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'can', 'couldn', 'won', 'wouldn', 'shouldn', 'hasn', 'haven', 'hadn', 'mustn', 'needn', 'ain'])("reads the contraction %s't as a negation", (stem) => {
    expect(negated(`we ${stem}'t apply dropout`)).toBe(true);
    expect(negated(`we ${stem}’t apply dropout`)).toBe(true);
  });

  it.each([
    ['we can apply dropout', 'can without its t'],
    ['a t test before dropout', 'a t after a word that is no contraction'],
    ['t dropout', 'a t at the start of the text'],
    ['dropout is not needed', 'a negation after the word'],
    ['the net uses dropout', 'no negation at all'],
    ['nothing lacked, dropout', 'a comma-free clause of words that only look negative'],
    ['why not. can use dropout', 'a negation behind a clause break, a word after "can" in between'],
  ])('does not read "%s" as negated (%s)', (text) => {
    expect(negated(text)).toBe(false);
  });

  it.each(['t', 'can', 'don', 'instead', 'rather', 'nothing', 'lacked', 'nobody'])('does not take "%s" alone for a negation word', (word) => {
    expect(isNegationWord(word)).toBe(false);
  });

  it.each([
    ['instead of dropout', true],
    ['rather than dropout', true],
    ['instead dropout', false],
    ['rather dropout', false],
    ['instead with dropout', false],
    ['rather of dropout', false],
  ])('reads the pair in "%s" as a negation: %s', (text, expected) => {
    expect(negated(text)).toBe(expected);
  });

  it('does not take the word itself for the second half of a pair', () => {
    expect(negated('we chose it rather than', 'than')).toBe(false);
    expect(negated('we chose it instead of', 'of')).toBe(false);
  });

  it(`reaches ${NEGATION_REACH} words back and no further`, () => {
    expect(NEGATION_REACH).toBe(3);
    expect(negated('not dropout')).toBe(true);
    expect(negated('not a b dropout')).toBe(true);
    expect(negated('not a b c dropout')).toBe(false);
    expect(negated("doesn't a b dropout")).toBe(true);
    expect(negated("doesn't a b c dropout")).toBe(false);
    expect(negated('rather than a dropout')).toBe(true);
  });

  it.each(['.', ';', ':', '!', '?', '\n'])('ends a negation at a clause break: "%s"', (brk) => {
    expect(negated(`not${brk} dropout`)).toBe(false);
    expect(negated(`not a${brk} dropout`)).toBe(false);
  });

  it.each(['but', 'however', 'and', 'while', 'whereas', 'But', 'AND'])('ends a negation at the clause word "%s"', (word) => {
    expect(negated(`not ${word} dropout`)).toBe(false);
    expect(negated(`no labels ${word} dropout`)).toBe(false);
    expect(negated(`doesn't ${word} dropout`)).toBe(false);
  });

  it('keeps a negation that follows a clause word', () => {
    expect(negated('and not dropout')).toBe(true);
    expect(negated('but no dropout')).toBe(true);
  });

  it('keeps a negation across a comma, which breaks no clause, and across words that contain a break word', () => {
    expect(negated('not, dropout')).toBe(true);
    expect(negated('not band dropout')).toBe(true);
  });

  it('finds the nearest negation when a break lies beyond it', () => {
    expect(negated('yes. not dropout')).toBe(true);
    expect(negated('not. yes, no dropout')).toBe(true);
  });
});
