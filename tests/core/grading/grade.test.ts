import { describe, expect, it } from 'vitest';
import { deriveKeyTerms, termStatistics } from '../../../src/core/grading/derive.js';
import { DERIVED_TERMS_COVERAGE, gradeAnswer, typoBudget, type GradableQuestion } from '../../../src/core/grading/grade.js';
import type { KeyTerm } from '../../../src/core/bank/question.js';

const term = (name: string, aliases: string[] = [], extra: Partial<KeyTerm> = {}): KeyTerm => ({ term: name, aliases, weight: 1, required: false, ...extra });
const question = (keyTerms: KeyTerm[], passMark = 0.6): GradableQuestion => ({ keyTerms, passMark });
const one = (t: KeyTerm, answer: string) => gradeAnswer(question([t]), answer);

describe('gradeAnswer: what counts as saying a key term', () => {
  it.each([
    ['Batch-Norm layers help', 'Batch-Norm'],
    ['use batchnorm after each conv', 'batchnorm'],
    ['BATCH NORMALIZATION!', 'BATCH NORMALIZATION'],
    ['add a batch norm layer', 'batch norm'],
    ['Ｂａｔｃｈ normalization', 'Ｂａｔｃｈ normalization'],
  ])('ignores case, punctuation, hyphens and Unicode forms: %s', (answer, text) => {
    const grade = one(term('batch normalization', ['batch norm']), answer);
    expect(grade.matched).toHaveLength(1);
    expect(grade.matched[0]?.text).toBe(text);
  });

  it.each([
    ['we normalise the inputs', 'normalise', 'stem'],
    ['normalizing the inputs', 'normalizing', 'stem'],
    ['normalised inputs', 'normalised', 'stem'],
    ['input normalisation', 'normalisation', 'alias'],
  ])('matches inflections by stem: %s', (answer, text, how) => {
    const grade = one(term('normalization', ['normalisation']), answer);
    expect(grade.matched[0]).toMatchObject({ text, how });
  });

  it('reports the word form a stem matched', () => {
    expect(one(term('gradient'), 'the gradients vanish').matched[0]).toMatchObject({ term: 'gradient', text: 'gradients', how: 'stem' });
  });

  it.each([
    ['the gradeints vanish', 'gradient', 'gradeints'],
    ['apply dropuot', 'dropout', 'dropuot'],
    ['use backpropogation', 'backpropagation', 'backpropogation'],
    ['vanishing gradinet problem', 'vanishing gradient', 'vanishing gradinet'],
  ])('forgives typos in longer words: %s', (answer, name, text) => {
    expect(one(term(name), answer).matched[0]).toMatchObject({ text, how: 'typo' });
  });

  it.each([
    ['RNN', 'a CNN reads images'],
    ['SGD', 'we used SDG'],
    ['ReLU', 'rely on it'],
    ['overfitting', 'underfitting is the problem'],
    ['weight', 'the height of the image'],
    ['Luong', 'long sentences'],
    ['minimax', 'minimise the loss'],
    ['leaking', 'machine learning'],
    ['unlabelled', 'we use labelled data'],
    ['Luong', 'long'],
  ])('never lets short words or different first letters match as typos: %s', (name, answer) => {
    expect(one(term(name), answer).matched).toEqual([]);
  });

  it('scales the typo budget with the length of the word', () => {
    expect([3, 4, 5, 7, 8, 12].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('matches a multi-word term reordered or with a filler word', () => {
    expect(one(term('learning rate'), 'the rate of learning was too high').matched[0]).toMatchObject({ text: 'rate of learning' });
    expect(one(term('learning rate'), 'tune the learning rate').matched[0]).toMatchObject({ text: 'learning rate', how: 'exact' });
    expect(one(term('learning rate'), 'learning is slow when the rate is tiny').matched).toEqual([]);
  });

  it('does not count function words as fillers in a loose phrase', () => {
    expect(one(term('turned off at inference'), 'at inference time it is turned off').matched).toHaveLength(1);
  });

  it('reads coordinated modifiers as sharing their head noun', () => {
    const grade = gradeAnswer(question([term('forget gate'), term('input gate'), term('output gate')]), 'it has forget, input and output gates');
    expect(grade.matched.map((m) => [m.term, m.text])).toEqual([
      ['forget gate', 'forget, input and output gates'],
      ['input gate', 'input and output gates'],
      ['output gate', 'output gates'],
    ]);
    expect(one(term('forget gate'), 'we forget. The gates').matched).toEqual([]);
    // Found by the case-insensitivity property: `AND` is a conjunction too.
    expect(one(term('forget gate'), 'FORGET AND INPUT GATES').matched).toHaveLength(1);
  });

  it('reads common abbreviations as the words they stand for, and still matches them as written', () => {
    expect(one(term('validation loss'), 'the val loss goes up').matched[0]).toMatchObject({ text: 'val loss', how: 'stem' });
    expect(one(term('clip gradients'), 'clip the grads').matched).toHaveLength(1);
    expect(one(term('val'), 'val split').matched[0]).toMatchObject({ how: 'exact' });
  });

  it('matches a single-word term written as two words', () => {
    expect(one(term('backpropagation'), 'we use back propagation').matched[0]).toMatchObject({ text: 'back propagation', how: 'exact' });
  });

  it('counts an alias as its term and says which alias', () => {
    expect(one(term('rectified linear unit', ['ReLU']), 'use ReLU').matched[0]).toMatchObject({ term: 'rectified linear unit', form: 'ReLU', how: 'alias', text: 'ReLU' });
  });

  it('counts a term once however often it appears', () => {
    const grade = gradeAnswer(question([term('dropout'), term('weight decay')]), 'dropout, dropout and more dropout');
    expect(grade.score).toBe(0.5);
    expect(grade.matched).toHaveLength(1);
  });

  it('prefers the term itself over an alias, and an exact match over a typo', () => {
    expect(one(term('dropout', ['drop out']), 'drop out, i.e. dropout').matched[0]).toMatchObject({ how: 'exact', form: 'dropout' });
    expect(one(term('gradient'), 'gradeint or gradient').matched[0]).toMatchObject({ how: 'exact', text: 'gradient' });
  });
});

describe('gradeAnswer: negation', () => {
  it.each([
    'we train without dropout',
    'this model does not use dropout',
    "it doesn't need dropout",
    'never apply dropout here',
    'no dropout was used',
    'use weight decay instead of dropout',
  ])('does not count a term under a nearby negation, and says why: %s', (answer) => {
    const grade = one(term('dropout'), answer);
    expect(grade.matched).toEqual([]);
    expect(grade.notes).toEqual([expect.stringMatching(/^"dropout" appears only under a negation \(".*dropout"\), so it does not count$/)]);
  });

  it('counts the term when the negation is far away or in another clause', () => {
    expect(one(term('dropout'), 'not great. Dropout helps').matched).toHaveLength(1);
    expect(one(term('dropout'), 'it is not, in my experience with large models, dropout').matched).toHaveLength(1);
    expect(one(term('dropout'), 'we do not overfit because of dropout').matched).toHaveLength(1);
  });

  it('ends a negation at "and", "but" and "while"', () => {
    expect(one(term('patterns'), "unsupervised learning doesn't use labels and looks for patterns").matched).toHaveLength(1);
    expect(one(term('patterns'), 'no labels, but it finds patterns').matched).toHaveLength(1);
  });

  it('counts the term when one of its mentions is not negated', () => {
    expect(one(term('dropout'), 'not dropout alone: dropout with weight decay').matched).toHaveLength(1);
  });

  it('requires a negation where the model answer negates a derived term', () => {
    const negated = term('return', [], { negated: true });
    expect(one(negated, 'a constructor cannot return a value').matched).toHaveLength(1);
    const plain = one(negated, 'a constructor can return a value');
    expect(plain.matched).toEqual([]);
    expect(plain.notes[0]).toMatch(/"return" is negated in the model answer but not here/);
  });
});

describe('gradeAnswer: score and verdict', () => {
  const terms = [term('vanishing gradient', [], { weight: 2 }), term('ReLU'), term('batch normalization', ['BN']), term('residual connections', [], { required: true })];

  it('scores the weighted share of key terms expressed', () => {
    expect(gradeAnswer(question(terms), 'vanishing gradient; use ReLU').score).toBe(0.6);
  });

  it('is correct at the pass mark with every required term, partial from half of it, incorrect below', () => {
    expect(gradeAnswer(question(terms), 'vanishing gradient, ReLU, BN, residual connections').verdict).toBe('correct');
    expect(gradeAnswer(question(terms), 'vanishing gradient, ReLU and residual connections').verdict).toBe('correct');
    expect(gradeAnswer(question(terms), 'just BN').verdict).toBe('incorrect');
    expect(gradeAnswer(question(terms), 'ReLU and residual connections').verdict).toBe('partial');
  });

  it('is never correct without a required term, and says so', () => {
    const grade = gradeAnswer(question(terms), 'vanishing gradient with ReLU and BN');
    expect(grade.score).toBe(0.8);
    expect(grade.verdict).toBe('partial');
    expect(grade.missing).toEqual([{ term: 'residual connections', weight: 1, required: true }]);
    expect(grade.notes).toContain('a required key term is missing, so the answer cannot be fully correct');
  });

  it('honours the pass mark of the question', () => {
    expect(gradeAnswer(question(terms, 0.9), 'vanishing gradient, ReLU and residual connections').verdict).toBe('partial');
  });

  it('gives an empty answer 0 and says it was empty', () => {
    const grade = gradeAnswer(question(terms), '   ');
    expect(grade).toMatchObject({ score: 0, verdict: 'incorrect', matched: [] });
    expect(grade.notes).toContain('the answer is empty');
  });

  it('never throws on odd input and stays deterministic', () => {
    for (const answer of ['', '\u0000\u001b[2J', '🙂'.repeat(1000), 'not '.repeat(500), 'a'.repeat(100_000)]) {
      const grade = gradeAnswer(question(terms), answer);
      expect(grade.score).toBeGreaterThanOrEqual(0);
      expect(grade.score).toBeLessThanOrEqual(1);
      expect(gradeAnswer(question(terms), answer)).toEqual(grade);
    }
  });
});

describe('derived key terms', () => {
  const answers = [
    'Dropout randomly zeroes activations during training, which reduces overfitting.',
    'Weight decay adds a penalty on large weights during training.',
    'Early stopping halts training when the validation loss stops improving.',
  ];
  const statistics = termStatistics(answers);

  it('picks content words, most specific first, and discounts words of the question', () => {
    const terms = deriveKeyTerms({ question: 'What is dropout?', answer: answers[0]! }, statistics);
    expect(terms.map((t) => [t.term, t.weight])).toEqual([
      ['activations', 1],
      ['overfitting', 1],
      ['randomly', 1],
      ['reduces', 1],
      ['zeroes', 1],
      ['training', 0.59],
      ['dropout', 0.35],
    ]);
    expect(terms[0]?.weight).toBe(1);
    expect(terms.at(-1)!.weight).toBeLessThan(terms[0]!.weight);
  });

  it('keeps at most eight terms', () => {
    const long = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda';
    expect(deriveKeyTerms({ question: 'Q?', answer: long }, termStatistics([long]))).toHaveLength(8);
  });

  it('marks a term the model answer negates', () => {
    const terms = deriveKeyTerms({ question: 'Can constructors return values?', answer: 'A constructor cannot return a value.' }, statistics);
    expect(terms.find((t) => t.term === 'return')).toMatchObject({ negated: true });
  });

  it(`gives full marks for ${DERIVED_TERMS_COVERAGE * 100}% of the derived weight, and says the terms were derived`, () => {
    const keyTerms = [term('alpha'), term('beta'), term('gamma'), term('delta')];
    const grade = gradeAnswer({ keyTerms, passMark: 0.6, keyTermsDerived: true }, 'alpha and beta');
    expect(grade.score).toBe(1);
    expect(grade.derivedTerms).toBe(true);
    expect(grade.notes).toContain('key terms were derived from the model answer, as the question lists none');
    expect(gradeAnswer({ keyTerms, passMark: 0.6, keyTermsDerived: true }, 'alpha').score).toBe(0.5);
  });
});
