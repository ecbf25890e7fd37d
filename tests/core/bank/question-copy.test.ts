import { describe, expect, it } from 'vitest';
import { canBeGraded, KEY_TERM_COUNT, keyTermCount, parseQuestion, withChanges, type Question } from '../../../src/core/bank/question.js';

const parsed = (text: string): Question => {
  const result = parseQuestion(text, { file: 'bank/training/dropout.md', defaultId: 'dropout', defaultTopic: 'training' });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
};
// Parsed inside each test, so that parsing counts toward the tests that reach it (no static coverage).
const question = () =>
  parsed(`---
question: What is dropout?
tags: [regularisation]
difficulty: easy
key_terms: [{term: zeroed at random, core: true}, ensemble]
misconceptions: [{claim: used at test time, why: it is switched off at inference}]
pass_mark: 0.7
follow_ups: [batch-norm]
former_ids: [dropout-basics]
rubric: proposed
source: notes
---
Units are zeroed at random.
`);
/** A question as the bank cache gives it: answer and rubric behind getters, read on first use. */
const lazy = (q: Question): Question => {
  const { answer, keyTerms, misconceptions, ...rest } = q;
  const copy = { ...rest } as Question;
  Object.defineProperty(copy, 'answer', { get: () => answer, enumerable: false });
  Object.defineProperty(copy, 'keyTerms', { get: () => keyTerms, enumerable: false });
  Object.defineProperty(copy, 'misconceptions', { get: () => misconceptions, enumerable: false });
  return copy;
};

describe('withChanges', () => {
  it('copies every field, and only the fields, of a question with no changes', () => {
    const full = question();
    const copy = withChanges({ ...full, bundled: true }, {});
    expect(copy).toStrictEqual({ ...full, bundled: true });
    expect(copy).not.toBe(full);
  });

  it('copies the fields a question holds behind getters (a question from the bank cache)', () => {
    const full = question();
    const copy = withChanges(lazy(full), {});
    expect(copy).toStrictEqual(full);
    expect(Object.keys(copy)).toEqual(expect.arrayContaining(['answer', 'keyTerms', 'misconceptions']));
  });

  it('leaves out answerLine and bundled when the question has none, rather than setting them to undefined', () => {
    const { answerLine: _line, ...withoutLine } = question();
    const copy = withChanges(withoutLine as Question, {});
    expect(Object.keys(copy)).not.toContain('answerLine');
    expect(Object.keys(copy)).not.toContain('bundled');
  });

  it('keeps bundled when it is false', () => {
    expect(withChanges({ ...question(), bundled: false }, {})).toHaveProperty('bundled', false);
  });

  it('applies the changes over the copy and leaves the original as it was', () => {
    const full = question();
    const copy = withChanges(full, { id: 'dropout-2', bundled: true, keyTermsDerived: true });
    expect(copy).toStrictEqual({ ...full, id: 'dropout-2', bundled: true, keyTermsDerived: true });
    expect(full.id).toBe('dropout');
    expect(full).not.toHaveProperty('bundled');
  });
});

describe('keyTermCount and canBeGraded', () => {
  const none = () => parsed('---\nquestion: What is dropout?\n---\n');

  it('counts the key terms a question lists', () => {
    expect(keyTermCount(question())).toBe(2);
    expect(keyTermCount(none())).toBe(0);
  });

  it("takes the count its loader recorded over the list, which need not be loaded", () => {
    const cached = { ...none(), [KEY_TERM_COUNT]: 3 } as Question;
    expect(keyTermCount(cached)).toBe(3);
    expect(canBeGraded(cached)).toBe(true);
  });

  it('trusts a recorded count of 0 over a list', () => {
    const cached = { ...question(), [KEY_TERM_COUNT]: 0 } as Question;
    expect(keyTermCount(cached)).toBe(0);
    expect(canBeGraded(cached)).toBe(false);
  });

  it.each([
    ['with one key term', '---\nquestion: Q?\nkey_terms: [dropout]\n---\n', true],
    ['with no key terms', '---\nquestion: Q?\n---\nAn answer, but nothing to listen for.', false],
  ])('grades a question %s: %s', (_name, text, expected) => {
    expect(canBeGraded(parsed(text))).toBe(expected);
  });
});
