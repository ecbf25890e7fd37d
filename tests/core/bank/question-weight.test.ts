import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/core/bank/question.js';
import { gradeAnswer } from '../../../src/core/grading/index.js';

const context = { file: 'bank/training/example.md', defaultId: 'example', defaultTopic: 'training' };
const withWeights = (a: number | string, b: number | string) =>
  parseQuestion(`---\nquestion: What is dropout?\nkey_terms:\n  - {term: units are zeroed at random, core: true}\n  - {term: inverted dropout scaling, weight: ${a}}\n  - {term: an ensemble of thinned networks, weight: ${b}}\n---\nUnits are zeroed at random.\n`, context);

describe('key-term weights are bounded, so a score is always a finite number', () => {
  it('refuses a weight too large to add up (two weights of 1e308 made a score of NaN)', () => {
    const result = withWeights('1e308', '1e308');
    expect(result.question).toBeUndefined();
    expect(result.problems[0]!.message).toMatch(/'weight' must be a positive number up to 100, e.g. 'weight: 2'; found number 1e\+308/);
  });

  it('accepts the largest weight, and grades to a finite score', () => {
    const result = withWeights(100, 100);
    expect(result.problems).toEqual([]);
    for (const answer of ['', 'units are zeroed at random', 'units are zeroed at random, inverted dropout scaling, an ensemble of thinned networks']) {
      expect(Number.isFinite(gradeAnswer(result.question!, answer).score)).toBe(true);
    }
  });
});
