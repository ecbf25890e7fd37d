import { describe, expect, it } from 'vitest';
import { gradeAnswer, toGradeJson, type Grade, type GradableQuestion } from '../../../src/core/grading/index.js';

describe('toGradeJson', () => {
  it('writes every field of a grade under its snake_case name, and nothing else', () => {
    const grade: Grade = {
      score: 0.4,
      verdict: 'partial',
      passMark: 0.6,
      matched: [{ term: 'dropout', text: 'Dropout', form: 'dropout', how: 'exact', weight: 2, core: true }],
      missing: [{ term: 'weight decay', weight: 1, core: false }],
      misconceptions: [{ claim: 'dropout stays on at test time', text: 'on at test time', why: 'It is switched off.' }],
      notes: ['a note'],
      derivedTerms: true,
    };
    expect(toGradeJson(grade)).toEqual({
      score: 0.4,
      verdict: 'partial',
      pass_mark: 0.6,
      matched: [{ term: 'dropout', text: 'Dropout', form: 'dropout', how: 'exact', weight: 2, core: true }],
      missing: [{ term: 'weight decay', weight: 1, core: false }],
      misconceptions: [{ claim: 'dropout stays on at test time', text: 'on at test time', why: 'It is switched off.' }],
      notes: ['a note'],
      derived_terms: true,
    });
  });

  it('copies only the documented fields of each entry', () => {
    const extra = { term: 't', text: 'x', form: 't', how: 'typo' as const, weight: 1, core: false, secret: 1 };
    const grade: Grade = { score: 0, verdict: 'incorrect', passMark: 1, matched: [extra], missing: [{ term: 'm', weight: 1, core: true, secret: 2 } as never], misconceptions: [{ claim: 'c', text: 'x', why: 'w', secret: 3 } as never], notes: [], derivedTerms: false };
    const json = toGradeJson(grade);
    expect(json.matched).toEqual([{ term: 't', text: 'x', form: 't', how: 'typo', weight: 1, core: false }]);
    expect(json.missing).toEqual([{ term: 'm', weight: 1, core: true }]);
    expect(json.misconceptions).toEqual([{ claim: 'c', text: 'x', why: 'w' }]);
    expect(json).toMatchObject({ pass_mark: 1, derived_terms: false, notes: [] });
  });

  it('writes a real grade as JSON that reads back the same', () => {
    const q: GradableQuestion = { passMark: 0.6, keyTerms: [{ term: 'dropout', aliases: [], weight: 1, core: true }] };
    const json = toGradeJson(gradeAnswer(q, 'use dropout'));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json).toMatchObject({ score: 1, verdict: 'correct', derived_terms: false });
  });
});
