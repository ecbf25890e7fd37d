import { describe, expect, it } from 'vitest';
import { CAPPED_SHARE, DERIVED_TERMS_COVERAGE, scoreIdeas, type IdeaResult } from '../../../src/core/grading/score.js';

/** Ideas of weight 1: `heard` of them heard out of `total`, core or not. */
const ideas = (heard: number, total: number, core = false): IdeaResult[] => Array.from({ length: total }, (_, i) => ({ weight: 1, core, heard: i < heard }));

describe('scoreIdeas', () => {
  it('gives a rubric with no ideas 0', () => {
    expect(scoreIdeas([], 0.6)).toEqual({ score: 0, verdict: 'incorrect' });
  });

  it.each([
    // Without core ideas: the share of weight heard, judged against the pass mark and half of it.
    [6, 10, 'correct', 0.6],
    [5, 10, 'partial', 0.5],
    [3, 10, 'partial', 0.3],
    [2, 10, 'incorrect', 0.2],
    [10, 10, 'correct', 1],
    [0, 10, 'incorrect', 0],
  ] as const)('scores %i of %i ideas heard (no core) as %s', (heard, total, verdict, score) => {
    expect(scoreIdeas(ideas(heard, total), 0.6)).toEqual({ score, verdict });
  });

  it('passes an answer at exactly the pass mark, and is partial at exactly half of it', () => {
    expect(scoreIdeas(ideas(7, 10), 0.7)).toEqual({ score: 0.7, verdict: 'correct' });
    expect(scoreIdeas(ideas(35, 100), 0.7)).toEqual({ score: 0.35, verdict: 'partial' });
    expect(scoreIdeas(ideas(69, 100), 0.7)).toEqual({ score: 0.69, verdict: 'partial' });
    expect(scoreIdeas(ideas(34, 100), 0.7)).toEqual({ score: 0.34, verdict: 'incorrect' });
  });

  it('weighs ideas by their weight', () => {
    expect(scoreIdeas([{ weight: 3, core: false, heard: true }, { weight: 1, core: false, heard: false }], 0.6)).toEqual({ score: 0.75, verdict: 'correct' });
    expect(scoreIdeas([{ weight: 1, core: false, heard: true }, { weight: 3, core: false, heard: false }], 0.6)).toEqual({ score: 0.25, verdict: 'incorrect' });
  });

  it('gives full marks for derived terms once the coverage share is heard, never more than 1', () => {
    expect(DERIVED_TERMS_COVERAGE).toBe(0.5);
    expect(scoreIdeas(ideas(5, 10), 0.6, { derived: true })).toEqual({ score: 1, verdict: 'correct' });
    expect(scoreIdeas(ideas(8, 10), 0.6, { derived: true }).score).toBe(1);
    expect(scoreIdeas(ideas(2, 10), 0.6, { derived: true })).toEqual({ score: 0.4, verdict: 'partial' });
  });

  it.each([
    ['every core idea and no depth idea', [...ideas(2, 2, true)], 1, 'correct'],
    ['every core idea, half the depth', [...ideas(2, 2, true), ...ideas(1, 2)], 0.8, 'correct'],
    ['every core idea, no depth heard', [...ideas(2, 2, true), ...ideas(0, 2)], 0.6, 'correct'],
    ['half the core, no depth idea', [...ideas(1, 2, true)], 0.33, 'partial'],
    ['half the core, all the depth', [...ideas(1, 2, true), ...ideas(2, 2)], 0.42, 'partial'],
    ['half the core, no depth heard', [...ideas(1, 2, true), ...ideas(0, 2)], 0.33, 'partial'],
    ['no core, all the depth', [...ideas(0, 2, true), ...ideas(2, 2)], 0.09, 'incorrect'],
    ['nothing at all', [...ideas(0, 2, true), ...ideas(0, 2)], 0, 'incorrect'],
  ] as const)('scores %s', (_, list, score, verdict) => {
    expect(scoreIdeas(list, 0.6)).toEqual({ score, verdict });
  });

  it('never passes with a core idea missing, even at the pass mark', () => {
    // A pass mark of 0 puts every score at or above it: the missing core idea still decides.
    expect(scoreIdeas([...ideas(1, 2, true)], 0).verdict).toBe('partial');
    expect(scoreIdeas([...ideas(2, 2, true)], 0).verdict).toBe('correct');
  });

  it('holds a capped answer at a share of the pass mark, partial at best', () => {
    expect(CAPPED_SHARE).toBe(0.75);
    expect(scoreIdeas(ideas(2, 2, true), 0.6, { capped: true })).toEqual({ score: 0.45, verdict: 'partial' });
    expect(scoreIdeas(ideas(10, 10), 0.8, { capped: true })).toEqual({ score: 0.6, verdict: 'partial' });
    expect(scoreIdeas(ideas(1, 10), 0.6, { capped: true })).toEqual({ score: 0.1, verdict: 'incorrect' });
  });

  it('counts ideas that weigh nothing as no loss, never as a score that is not a number', () => {
    expect(scoreIdeas([{ weight: 1, core: true, heard: true }, { weight: 0, core: false, heard: false }], 0.6)).toEqual({ score: 1, verdict: 'correct' });
    expect(scoreIdeas([{ weight: 0, core: false, heard: false }], 0.6)).toEqual({ score: 1, verdict: 'correct' });
  });

  it('rounds the score to three decimals', () => {
    expect(scoreIdeas(ideas(1, 3), 0.6).score).toBe(0.333);
    expect(scoreIdeas(ideas(2, 3), 0.6).score).toBe(0.667);
  });
});
