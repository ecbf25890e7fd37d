import { describe, expect, it } from 'vitest';
import { creditedAttempts, effectiveRating, effectiveVerdict, suggestRating } from '../../../src/core/practice/progress.js';
import { attempt } from './practice-fixtures.js';

const at = '2026-01-01T10:00:00.000Z';

describe('creditedAttempts', () => {
  it('keeps the attempts of loaded questions, in log order, and drops the others', () => {
    const attempts = [attempt('b', at), attempt('gone', at), attempt('a', at), attempt('b', at)];
    expect(creditedAttempts(attempts, [{ id: 'a' }, { id: 'b' }])).toEqual([attempts[0], attempts[2], attempts[3]]);
    expect(creditedAttempts(attempts, [])).toEqual([]);
  });

  it.each([
    // question bundled?, attempt bundled?, counts?
    [undefined, undefined, true],
    [undefined, false, true],
    [undefined, true, false],
    [false, false, true],
    [false, true, false],
    [true, true, true],
    [true, false, false],
    [true, undefined, true],
  ] as const)('a question bundled: %s credits an attempt bundled: %s → %s', (questionBundled, attemptBundled, counts) => {
    const saved = attempt('dropout', at, attemptBundled === undefined ? {} : { bundled: attemptBundled });
    const loaded = [{ id: 'dropout', ...(questionBundled === undefined ? {} : { bundled: questionBundled }) }];
    expect(creditedAttempts([saved], loaded)).toEqual(counts ? [saved] : []);
  });

  it('credits an attempt under a former id to the question it was merged into, leaving the log entry as it was', () => {
    const saved = attempt('old-name', at, { bundled: true });
    const credited = creditedAttempts([saved], [{ id: 'new-name', bundled: true, formerIds: ['old-name'] }]);
    expect(credited).toEqual([{ ...saved, question: 'new-name' }]);
    expect(saved.question).toBe('old-name');
  });

  it('checks a renamed attempt against the bank of the question it now counts for', () => {
    const saved = attempt('old-name', at, { bundled: false });
    expect(creditedAttempts([saved], [{ id: 'new-name', bundled: true, formerIds: ['old-name'] }])).toEqual([]);
  });

  it('keeps an attempt with the question of its own id when another question lists that id as former', () => {
    const saved = attempt('shared', at);
    expect(creditedAttempts([saved], [{ id: 'shared' }, { id: 'merged', formerIds: ['shared'] }])).toEqual([saved]);
  });
});

describe('effectiveVerdict', () => {
  it.each([
    ['incorrect', undefined, 'incorrect'],
    ['partial', 'correct', 'correct'],
    ['correct', 'incorrect', 'incorrect'],
    ['correct', 'partial', 'partial'],
  ] as const)('graded %s, overridden %s: %s', (verdict, override, expected) => {
    expect(effectiveVerdict(attempt('a', at, { verdict, ...(override ? { override } : {}) }))).toBe(expected);
  });
});

describe('suggestRating', () => {
  it.each([
    ['correct', 'good'],
    ['partial', 'hard'],
    ['incorrect', 'again'],
  ] as const)('%s suggests %s', (verdict, rating) => {
    expect(suggestRating(verdict)).toBe(rating);
  });
});

describe('effectiveRating', () => {
  it.each([
    ['the saved suggestion when nothing was changed', {}, 'hard'],
    ['the one the override suggests', { override: 'correct' }, 'good'],
    ['again for an override to incorrect', { override: 'incorrect' }, 'again'],
    ['hard for an override to partial', { override: 'partial', rating: 'good' }, 'hard'],
    ['the rating chosen, over the suggestion', { ratingChosen: 'easy' }, 'easy'],
    ['the rating chosen, over an override', { override: 'incorrect', ratingChosen: 'good' }, 'good'],
  ] as const)('is %s', (_, extra, expected) => {
    expect(effectiveRating(attempt('a', at, { verdict: 'partial', rating: 'hard', ...extra }))).toBe(expected);
  });
});
