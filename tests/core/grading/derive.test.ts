import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/core/bank/question.js';
import { deriveKeyTerms, termStatistics, withDerivedKeyTerms } from '../../../src/core/grading/index.js';
import { MAX_DERIVED_TERMS } from '../../../src/core/grading/derive.js';

/** Terms derived from one answer, each of its words as rare as the others (statistics of itself). */
const alone = (answer: string, question = 'Q?') => deriveKeyTerms({ question, answer }, termStatistics([answer]));
const weights = (answer: string, question?: string) => alone(answer, question).map((t) => [t.term, t.weight]);

// Words of explanatory prose that name no idea.
const EMPTY_WORDS =
  'common commonly allowing allow allows enabling enable enables ensuring ensure ensures various crucial essential important importance significant significantly overall effective effectively typically usually often specific particular particularly practice practical widely generally several certain different way ways thing things lot kind type types example examples instance including include includes involves involve involving known called able refers refer term terms concept approach technique techniques method methods non pre post sub multi semi self co re'.split(' ');

describe('termStatistics', () => {
  it('counts in how many answers each stem occurs, once per answer', () => {
    const statistics = termStatistics(['Dropout, dropout and more dropout.', 'Dropouts zero units.', 'Weight decay.']);
    expect(statistics.documents).toBe(3);
    expect(statistics.frequency.get('dropout')).toBe(2);
    expect(statistics.frequency.get('unit')).toBe(1);
    expect(statistics.frequency.get('weight')).toBe(1);
    expect(statistics.frequency.has('and')).toBe(false);
  });
});

describe('deriveKeyTerms', () => {
  it('weighs the lead (the first two sentences of a longer paragraph) three times', () => {
    expect(weights('Alpha beta. Gamma delta. Epsilon zeta.')).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['delta', 1],
      ['gamma', 1],
      ['epsilon', 0.58],
      ['zeta', 0.58],
    ]);
    expect(weights('Alpha beta! Gamma delta? Epsilon zeta.')).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['delta', 1],
      ['gamma', 1],
      ['epsilon', 0.58],
      ['zeta', 0.58],
    ]);
  });

  it('takes a paragraph of two sentences, or a decimal point, as all lead', () => {
    expect(weights('Alpha beta. Gamma delta. Epsilon zeta')).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['delta', 1],
      ['epsilon', 1],
      ['gamma', 1],
      ['zeta', 1],
    ]);
    expect(weights('Alpha beta. Gamma delta.')).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['delta', 1],
      ['gamma', 1],
    ]);
    expect(weights('Alpha is 0.5 here. Gamma 1.5 delta.')).toEqual([
      ['alpha', 1],
      ['delta', 1],
      ['gamma', 1],
    ]);
  });

  it('takes the first paragraph as the lead when there are several', () => {
    expect(weights('Alpha beta.\n  \nGamma delta.')).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['delta', 0.58],
      ['gamma', 0.58],
    ]);
  });

  it('ranks a word the question uses lower', () => {
    expect(weights('Dropout zeroes units.', 'What is dropout?')).toEqual([
      ['units', 1],
      ['zeroes', 1],
      ['dropout', 0.35],
    ]);
  });

  it('ranks a word common across the bank lower, and one the bank never saw higher', () => {
    const statistics = termStatistics(['dropout zeroes units', 'dropout scales weights', 'other answer']);
    // idf: dropout log(4/3)+1 = 1.288, zeroes log(4/2)+1 = 1.693, masks log(4/1)+1 = 2.386
    expect(deriveKeyTerms({ question: 'Q?', answer: 'dropout zeroes masks' }, statistics).map((t) => [t.term, t.weight])).toEqual([
      ['masks', 1],
      ['zeroes', 0.71],
      ['dropout', 0.54],
    ]);
  });

  it('never weighs a term below 0.1', () => {
    const statistics = termStatistics(['dropout', 'dropout', 'dropout', 'dropout', 'dropout', 'dropout', 'dropout', 'dropout', 'dropout']);
    const terms = deriveKeyTerms({ question: 'What is dropout?', answer: 'Rare words lead. Then more. Dropout.' }, statistics);
    expect(terms.find((t) => t.term === 'dropout')?.weight).toBe(0.1);
  });

  it('names a term by its most frequent form, the others as aliases, ties in alphabetical order', () => {
    expect(alone('Activations, the activation, activations.').map((t) => [t.term, t.aliases])).toEqual([['activations', ['activation']]]);
    expect(alone('The activations; an activation.').map((t) => [t.term, t.aliases])).toEqual([['activation', ['activations']]]);
  });

  it('marks a term negated only when every mention is negated', () => {
    expect(alone('Constructors cannot return values. Alpha beta. Gamma delta.').find((t) => t.term === 'return')).toMatchObject({ negated: true });
    expect(alone('Constructors cannot return values, though methods return values.').find((t) => t.term === 'return')).not.toHaveProperty('negated');
    expect(alone('Constructors return values.').find((t) => t.term === 'return')).not.toHaveProperty('negated');
  });

  it('makes every derived term a depth idea', () => {
    expect(alone('Dropout zeroes units.').every((t) => t.core === false)).toBe(true);
  });

  it.each(['akin to', 'similar to how', 'analogous to', 'is like a', 'is like an', 'imagine', 'think of it as', 'just as', 'much like', 'AKIN TO'])(
    'leaves out a sentence of analogy ("%s")',
    (phrase) => {
      const terms = alone(`Dropout zeroes units. This ${phrase} rotating players.\nWeights decay.`).map((t) => t.term);
      expect(terms).toEqual(expect.arrayContaining(['dropout', 'zeroes', 'units', 'weights', 'decay']));
      expect(terms).not.toContain('rotating');
      expect(terms).not.toContain('players');
    },
  );

  it('ends a sentence of analogy at a line break', () => {
    const terms = alone('Dropout zeroes units\nThis is akin to rotating players\nWeights decay').map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['dropout', 'units', 'weights', 'decay']));
    expect(terms).not.toContain('players');
  });

  it('leaves out an analogy from its first word', () => {
    expect(alone('Imagine a team. Dropout zeroes units.').map((t) => t.term)).toEqual(['dropout', 'units', 'zeroes']);
  });

  it('keeps words with digits that are not numbers', () => {
    expect(alone('Use int8 and 4bit weights.').map((t) => t.term)).toEqual(['4bit', 'int8', 'weights']);
  });

  it('keeps the words of a sentence without analogy', () => {
    expect(alone('Dropout zeroes units. Players rotate likewise.').map((t) => t.term)).toEqual(expect.arrayContaining(['players', 'rotate', 'likewise']));
    expect(alone('Dropout is likable. Players rotate.').map((t) => t.term)).toEqual(expect.arrayContaining(['players', 'rotate']));
  });

  it.each(EMPTY_WORDS)('never derives the empty word "%s"', (word) => {
    expect(alone(`Dropout ${word} zeroes.`).map((t) => t.term)).toEqual(['dropout', 'zeroes']);
  });

  it('never derives a single letter, a number, a negation or a word that makes a claim', () => {
    expect(alone('Dropout x 42 not never reduces because zeroes.').map((t) => t.term)).toEqual(['dropout', 'zeroes']);
    expect(alone('ab cd').map((t) => t.term)).toEqual(['ab', 'cd']);
  });

  it(`keeps at most ${MAX_DERIVED_TERMS}, the most specific`, () => {
    const terms = alone('alpha beta gamma delta epsilon zeta eta theta iota kappa. Lambda mu. Nu xi.');
    expect(terms).toHaveLength(8);
    expect(terms.map((t) => t.term)).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'eta', 'gamma', 'iota', 'kappa']);
  });

  it('derives nothing from an answer without content words', () => {
    expect(alone('It is what it is.')).toEqual([]);
  });
});

describe('withDerivedKeyTerms', () => {
  const q = (id: string, answer: string, keyTerms: Question['keyTerms'] = []) => ({ id, question: `${id}?`, answer, keyTerms, keyTermsDerived: false }) as unknown as Question;

  it('leaves a bank whose questions all have key terms as it is', () => {
    const bank = [q('a', 'Dropout zeroes units.', [{ term: 'dropout', aliases: [], weight: 1, core: true }])];
    expect(withDerivedKeyTerms(bank)).toBe(bank);
  });

  it('derives key terms for the questions without, from statistics of every answer', () => {
    const authored = q('a', 'Dropout zeroes units.', [{ term: 'dropout', aliases: [], weight: 1, core: true }]);
    const bare = q('b', 'Dropout scales weights.');
    const [first, second] = withDerivedKeyTerms([authored, bare]);
    expect(first).toBe(authored);
    expect(second).toMatchObject({ id: 'b', keyTermsDerived: true });
    // `dropout` is in both answers, so it ranks below the words only this answer has.
    expect(second!.keyTerms.map((t) => [t.term, t.weight])).toEqual([
      ['scales', 1],
      ['weights', 1],
      ['dropout', 0.71],
    ]);
  });
});
