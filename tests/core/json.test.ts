import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/bank/question.js';
import { toListEntry, toQuestionJson } from '../../src/core/json.js';

const question: Question = {
  id: 'dropout',
  question: 'What is dropout?',
  topic: 'regularization',
  tags: ['overfitting'],
  difficulty: 'easy',
  keyTerms: [
    { term: 'randomly zeroes units', aliases: ['drops neurons'], weight: 2, core: true },
    { term: 'memorise', aliases: [], weight: 1, core: false, negated: true },
    { term: 'ensemble', aliases: [], weight: 1, core: false, negated: false },
  ],
  misconceptions: [{ claim: 'dropout is used at test time', aliases: ['drops at inference'], why: 'It is turned off at inference.' }],
  keyTermsDerived: false,
  rubricProposed: true,
  passMark: 0.7,
  followUps: ['What is inverted dropout?'],
  formerIds: ['drop-out'],
  answer: 'Dropout randomly zeroes units.',
  answerLine: 9,
  file: 'regularization/dropout.md',
  bundled: true,
  defaulted: ['passMark'],
  extra: { source: 'notes' },
};

describe('toListEntry', () => {
  it('gives the fields a list shows, and nothing else', () => {
    expect(toListEntry(question)).toStrictEqual({
      id: 'dropout',
      question: 'What is dropout?',
      topic: 'regularization',
      tags: ['overfitting'],
      difficulty: 'easy',
      file: 'regularization/dropout.md',
    });
  });
});

describe('toQuestionJson', () => {
  const json = toQuestionJson(question);

  it("uses the file format's field names for the whole question", () => {
    expect(json).toStrictEqual({
      id: 'dropout',
      question: 'What is dropout?',
      topic: 'regularization',
      tags: ['overfitting'],
      difficulty: 'easy',
      key_terms: [
        { term: 'randomly zeroes units', aliases: ['drops neurons'], weight: 2, core: true },
        { term: 'memorise', aliases: [], weight: 1, core: false, negated: true },
        { term: 'ensemble', aliases: [], weight: 1, core: false },
      ],
      key_terms_derived: false,
      rubric_proposed: true,
      misconceptions: [{ claim: 'dropout is used at test time', aliases: ['drops at inference'], why: 'It is turned off at inference.' }],
      pass_mark: 0.7,
      follow_ups: ['What is inverted dropout?'],
      former_ids: ['drop-out'],
      answer: 'Dropout randomly zeroes units.',
      file: 'regularization/dropout.md',
      extra: { source: 'notes' },
    });
  });

  it('writes negated only on a key term that is negated, and leaves out loading details', () => {
    expect(json.key_terms.map((k) => 'negated' in k)).toEqual([false, true, false]);
    expect(Object.keys(json)).not.toContain('answerLine');
    expect(Object.keys(json)).not.toContain('bundled');
    expect(Object.keys(json)).not.toContain('defaulted');
  });
});
