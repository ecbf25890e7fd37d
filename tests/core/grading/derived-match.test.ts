import { describe, expect, it } from 'vitest';
import type { KeyTerm } from '../../../src/core/bank/question.js';
import { hearDerivedTerm, readAnswerWords } from '../../../src/core/grading/derived-match.js';
import { gradeAnswer, type GradableQuestion } from '../../../src/core/grading/index.js';

const term = (name: string, aliases: string[] = [], extra: Partial<KeyTerm> = {}): KeyTerm => ({ term: name, aliases, weight: 1, core: false, ...extra });
const hear = (t: KeyTerm, answer: string) => hearDerivedTerm(t, readAnswerWords(answer));
const derived = (keyTerms: KeyTerm[], extra: Partial<GradableQuestion> = {}): GradableQuestion => ({ keyTerms, passMark: 0.6, keyTermsDerived: true, ...extra });

describe('readAnswerWords', () => {
  it('reads each word with its stem, place, abbreviation and negation', () => {
    const answer = readAnswerWords('No grads flow');
    expect(answer.text).toBe('No grads flow');
    expect(answer.words).toEqual([
      { word: 'no', stem: 'no', fullStem: undefined, start: 0, end: 2, negated: false },
      { word: 'grads', stem: 'grad', fullStem: 'gradient', start: 3, end: 8, negated: true },
      { word: 'flow', stem: 'flow', fullStem: undefined, start: 9, end: 13, negated: true },
    ]);
  });
});

describe('hearDerivedTerm', () => {
  it.each([
    ['Dropout helps', 'dropout', 'Dropout', 'exact'],
    ['the activations are zeroed', 'activation', 'activations', 'stem'],
    ['the grads vanish', 'gradients', 'grads', 'stem'],
    ['apply dropuot', 'dropout', 'dropuot', 'typo'],
  ])('hears in "%s" the term "%s" as "%s" (%s)', (answer, name, text, how) => {
    expect(hear(term(name), answer)).toEqual({ heard: { text, form: name, how } });
  });

  it('hears nothing in an answer without the word, and says nothing of polarity', () => {
    expect(hear(term('dropout'), 'weight decay helps')).toStrictEqual({});
    expect(hear(term('gradients'), 'grades fall')).toStrictEqual({});
    // An abbreviation stands only for its own word.
    expect(hear(term('dropout'), 'the val split')).toStrictEqual({});
  });

  it('names an alias said as written, and ranks it just behind the term itself', () => {
    expect(hear(term('activations', ['relu']), 'a ReLU')).toEqual({ heard: { text: 'ReLU', form: 'relu', how: 'alias' } });
    // The alias said exactly beats the term's stem; the term's own word beats the alias.
    expect(hear(term('activations', ['activation']), 'each activation')).toEqual({ heard: { text: 'activation', form: 'activation', how: 'alias' } });
    expect(hear(term('zeroed', ['zeroes']), 'zeroes, or zeroed')).toEqual({ heard: { text: 'zeroed', form: 'zeroed', how: 'exact' } });
    // An alias's stem ranks behind the term's stem.
    expect(hear(term('normalizes', ['activations']), 'activation, normalized')).toEqual({ heard: { text: 'normalized', form: 'normalizes', how: 'stem' } });
    // A stem of an alias still beats a typo of the term.
    expect(hear(term('dropout', ['regularizers']), 'dropuot, a regularizer')).toEqual({ heard: { text: 'regularizer', form: 'regularizers', how: 'stem' } });
  });

  it('hears a term written with capitals in any case', () => {
    expect(hear(term('ReLU'), 'a relu layer')).toEqual({ heard: { text: 'relu', form: 'ReLU', how: 'exact' } });
  });

  it('keeps the first of equally good places', () => {
    expect(hear(term('dropout'), 'Dropout, then dropout again')).toEqual({ heard: { text: 'Dropout', form: 'dropout', how: 'exact' } });
  });

  it('does not hear a term under a negation, and says where it was negated', () => {
    expect(hear(term('dropout'), 'train without Dropout')).toEqual({ wrongPolarity: 'Dropout' });
    expect(hear(term('dropout'), 'not Dropout, never dropout')).toEqual({ wrongPolarity: 'Dropout' });
    expect(hear(term('dropout'), 'not dropout. Dropout helps')).toEqual({ heard: { text: 'Dropout', form: 'dropout', how: 'exact' } });
  });

  it('hears a term the model answer negates only under a negation', () => {
    const negated = term('labels', [], { negated: true });
    expect(hear(negated, 'it needs no labels')).toEqual({ heard: { text: 'labels', form: 'labels', how: 'exact' } });
    expect(hear(negated, 'it needs Labels')).toEqual({ wrongPolarity: 'Labels' });
    expect(hear(term('labels', [], { negated: false }), 'it needs no labels')).toEqual({ wrongPolarity: 'labels' });
  });
});

describe('gradeAnswer with derived key terms', () => {
  it('matches word by word, with weights and the derived flag', () => {
    const grade = gradeAnswer(derived([term('dropout', [], { weight: 2, core: true }), term('overfitting')]), 'Dropout prevents it');
    expect(grade.matched).toEqual([{ term: 'dropout', text: 'Dropout', form: 'dropout', how: 'exact', weight: 2, core: true }]);
    expect(grade.missing).toEqual([{ term: 'overfitting', weight: 1, core: false }]);
    expect(grade).toMatchObject({ derivedTerms: true, passMark: 0.6, misconceptions: [] });
    expect(grade.notes).toEqual(['key terms were derived from the model answer, as the question lists none']);
  });

  it('grades a proposed rubric by its derived terms and says they are a proposal', () => {
    const grade = gradeAnswer({ keyTerms: [term('dropout')], passMark: 0.6, rubricProposed: true }, 'dropout');
    expect(grade).toMatchObject({ derivedTerms: true, score: 1, verdict: 'correct' });
    expect(grade.notes).toEqual(["key terms are a proposal derived from the model answer, not yet reviewed by the bank's author"]);
  });

  it('says why a negated or unnegated word did not count', () => {
    expect(gradeAnswer(derived([term('dropout')]), 'no dropout').notes).toContain('"dropout" appears only under a negation ("dropout"), so it does not count');
    expect(gradeAnswer(derived([term('return', [], { negated: true })]), 'it can Return').notes).toContain('"return" is negated in the model answer but not here ("Return"), so it does not count');
    expect(gradeAnswer(derived([term('dropout')]), 'weight decay').notes).toEqual(['key terms were derived from the model answer, as the question lists none']);
  });

  it('says when the answer is empty, and when there is nothing to grade against', () => {
    expect(gradeAnswer(derived([term('dropout')]), ' ... ').notes).toEqual(['the answer is empty', 'key terms were derived from the model answer, as the question lists none']);
    const nothing = gradeAnswer(derived([]), 'dropout');
    expect(nothing.notes).toEqual(['the question has no model answer or key terms yet, so there is nothing to grade against']);
    expect(nothing.matched).toEqual([]);
  });

  it('keeps a bare list of derived terms at partial, unless the question asks for a list', () => {
    const keyTerms = ['pruning', 'quantization', 'distillation', 'sparsity'].map((w) => term(w));
    const list = gradeAnswer(derived(keyTerms), 'pruning, quantization, distillation, sparsity');
    expect(list.verdict).toBe('partial');
    expect(list.notes).toContain('the answer lists terms without saying anything about them, so it is at most partial');
    expect(gradeAnswer(derived(keyTerms, { question: 'Name some compression methods.' }), 'pruning, quantization, distillation, sparsity').verdict).toBe('correct');
    expect(gradeAnswer(derived(keyTerms), 'pruning removes weights and quantization uses fewer bits').verdict).toBe('correct');
  });

  it('does not call an answer that hears no term a bare list', () => {
    const grade = gradeAnswer(derived([term('dropout')]), 'alpha, beta, gamma, delta');
    expect(grade.notes).not.toContain('the answer lists terms without saying anything about them, so it is at most partial');
  });
});
