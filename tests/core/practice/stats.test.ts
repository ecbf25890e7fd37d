import { describe, expect, it } from 'vitest';
import { creditedAttempts } from '../../../src/core/practice/progress.js';
import { computeStats, dayKey } from '../../../src/core/practice/stats.js';
import { attempt, question } from './practice-fixtures.js';

describe('computeStats', () => {
  const now = new Date(2026, 10, 25, 18, 0);
  const at = (daysAgo: number, hour = 10) => new Date(2026, 10, 25 - daysAgo, hour).toISOString();
  const questions = [question('dropout', 'regularization'), question('momentum', 'optimization'), question('adam', 'optimization')];
  const attempts = [
    attempt('dropout', at(3), { verdict: 'incorrect', score: 0.2, rating: 'again', missing: ['co-adaptation', 'inverted dropout'] }),
    attempt('dropout', at(1), { verdict: 'partial', score: 0.5, missing: ['co-adaptation'], override: 'correct', answer: 'units stop relying on each other' }),
    attempt('momentum', at(0), { verdict: 'correct' }),
    attempt('momentum', at(0, 11), { skipped: true, verdict: 'incorrect', score: 0, rating: 'again', answer: '' }),
    attempt('removed-question', at(0), { verdict: 'correct' }),
  ];
  const stats = computeStats(attempts, [{ question: 'adam', at: at(0), note: 'typo' }], questions, now);

  it('counts attempts, answers and the share correct, with overrides counting as the verdict', () => {
    expect(stats).toMatchObject({ attempts: 5, answered: 4, correct: 3, shareCorrect: 0.75 });
  });

  it('counts the streak of study days up to today', () => {
    expect(stats.streakDays).toBe(2);
    expect(computeStats(attempts.slice(0, 2), [], questions, now).streakDays).toBe(1);
  });

  it('reports per topic what was seen and the share correct of the latest attempts', () => {
    expect(stats.topics).toEqual([
      { topic: 'optimization', questions: 2, seen: 1, recentAttempts: 1, recentCorrect: 1, shareCorrect: 1 },
      { topic: 'regularization', questions: 1, seen: 1, recentAttempts: 2, recentCorrect: 1, shareCorrect: 0.5 },
    ]);
  });

  it('keeps a daily history, the most missed ideas, overrides with the words used, flags and orphans', () => {
    expect(stats.history).toHaveLength(14);
    expect(stats.history.at(-1)).toEqual({ day: dayKey(now), attempts: 3 });
    expect(stats.missedTerms[0]).toEqual({ term: 'co-adaptation', misses: 2, questions: ['dropout'] });
    expect(stats.overrides).toEqual([{ question: 'dropout', count: 1, toCorrect: 1, toIncorrect: 0, answers: ['units stop relying on each other'] }]);
    expect(stats.flagged).toEqual([{ question: 'adam', count: 1, last: at(0), notes: ['typo'], orphaned: false }]);
    expect(stats.orphaned).toBe(1);
  });

  it('counts questions due today and this week', () => {
    // A miss three days ago comes back the next day: due today.
    expect(computeStats([attempt('dropout', at(3), { verdict: 'incorrect', rating: 'again' })], [], questions, now)).toMatchObject({ dueToday: 1, dueThisWeek: 1 });
    // A skip today comes back tomorrow: due this week, not today.
    expect(stats).toMatchObject({ dueToday: 0, dueThisWeek: 2 });
  });
});

describe('computeStats and odd clocks', () => {
  it('finds the latest flag by the time it names, not by its text', () => {
    const questions = [question('adam', 'optimization'), question('dropout', 'regularization')];
    const flags = [
      { question: 'adam', at: '2026-01-01T23:30:00.000+14:00', note: 'older, though its text sorts later' },
      { question: 'adam', at: '2026-01-01T10:00:00.000Z', note: 'newer' },
      { question: 'dropout', at: '2026-01-01T09:45:00.000Z' },
    ];
    const stats = computeStats([], flags, questions, new Date(Date.UTC(2026, 0, 2)));
    expect(stats.flagged.map((f) => [f.question, f.last])).toEqual([
      ['adam', '2026-01-01T10:00:00.000Z'],
      ['dropout', '2026-01-01T09:45:00.000Z'],
    ]);
  });
});

describe("attempts of a bundled question and of the user's own with the same id", () => {
  it('count only for the question of their own bank; older attempts count by id', () => {
    const now = new Date(2026, 10, 25, 18, 0);
    const at = new Date(2026, 10, 25, 10).toISOString();
    const own = [{ ...question('dropout', 'regularization'), bundled: false }];
    const attempts = [attempt('dropout', at, { verdict: 'correct', bundled: true }), attempt('dropout', at, { verdict: 'incorrect', bundled: false }), attempt('dropout', at, { verdict: 'incorrect' })];
    expect(creditedAttempts(attempts, own)).toEqual([attempts[1], attempts[2]]);
    expect(creditedAttempts(attempts, [{ ...own[0]!, bundled: true }])).toEqual([attempts[0], attempts[2]]);
    const stats = computeStats(attempts, [], own, now);
    expect(stats.orphaned).toBe(1);
    expect(stats.topics).toEqual([{ topic: 'regularization', questions: 1, seen: 1, recentAttempts: 2, recentCorrect: 0, shareCorrect: 0 }]);
  });
});

describe('attempts and flags saved under a former id', () => {
  it('count for the question that id was merged into', () => {
    const now = new Date(2026, 10, 25, 18, 0);
    const at = new Date(2026, 10, 25, 10).toISOString();
    const merged = [{ ...question('adam-optimizer', 'optimization'), formerIds: ['adaptive-learning-rates'] }];
    const attempts = [attempt('adaptive-learning-rates', at, { verdict: 'correct' }), attempt('adam-optimizer', at, { verdict: 'incorrect' })];
    expect(creditedAttempts(attempts, merged).map((a) => a.question)).toEqual(['adam-optimizer', 'adam-optimizer']);
    const stats = computeStats(attempts, [{ question: 'adaptive-learning-rates', at, note: 'old flag' }], merged, now);
    expect(stats.orphaned).toBe(0);
    expect(stats.topics[0]).toMatchObject({ seen: 1, recentAttempts: 2, recentCorrect: 1 });
    expect(stats.flagged).toEqual([{ question: 'adam-optimizer', count: 1, last: at, notes: ['old flag'], orphaned: false }]);
  });
});
