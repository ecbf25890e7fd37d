import { describe, expect, it } from 'vitest';
import { creditedAttempts } from '../../../src/core/practice/progress.js';
import { computeStats, dayKey, HISTORY_DAYS, RECENT_ATTEMPTS } from '../../../src/core/practice/stats.js';
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
  // Computed in each test, not as the file loads: a mutation run then knows which tests reach the code.
  const statsOfTheLog = () => computeStats(attempts, [{ question: 'adam', at: at(0), note: 'typo' }], questions, now);

  it('counts attempts, answers and the share correct, with overrides counting as the verdict', () => {
    const stats = statsOfTheLog();
    expect(stats).toMatchObject({ attempts: 5, answered: 4, correct: 3, shareCorrect: 0.75 });
  });

  it('counts the streak of study days up to today', () => {
    const stats = statsOfTheLog();
    expect(stats.streakDays).toBe(2);
    expect(computeStats(attempts.slice(0, 2), [], questions, now).streakDays).toBe(1);
  });

  it('reports per topic what was seen and the share correct of the latest attempts', () => {
    const stats = statsOfTheLog();
    expect(stats.topics).toEqual([
      { topic: 'optimization', questions: 2, seen: 1, recentAttempts: 1, recentCorrect: 1, shareCorrect: 1 },
      { topic: 'regularization', questions: 1, seen: 1, recentAttempts: 2, recentCorrect: 1, shareCorrect: 0.5 },
    ]);
  });

  it('keeps a daily history, the most missed ideas, overrides with the words used, flags and orphans', () => {
    const stats = statsOfTheLog();
    expect(stats.history).toHaveLength(14);
    expect(stats.history.at(-1)).toEqual({ day: dayKey(now), attempts: 3 });
    expect(stats.missedTerms[0]).toEqual({ term: 'co-adaptation', misses: 2, questions: ['dropout'] });
    expect(stats.overrides).toEqual([{ question: 'dropout', count: 1, toCorrect: 1, toIncorrect: 0, answers: ['units stop relying on each other'] }]);
    expect(stats.flagged).toEqual([{ question: 'adam', count: 1, last: at(0), notes: ['typo'], orphaned: false }]);
    expect(stats.orphaned).toBe(1);
  });

  it('counts questions due today and this week', () => {
    const stats = statsOfTheLog();
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

describe('dayKey', () => {
  it.each([
    [new Date(2026, 0, 5, 0, 0), '2026-01-05'],
    [new Date(2026, 8, 9, 23, 59), '2026-09-09'],
    [new Date(2026, 11, 31, 12), '2026-12-31'],
    [new Date(2026, 9, 10), '2026-10-10'],
  ])('%s is %s', (date, key) => {
    expect(dayKey(date)).toBe(key);
  });
});

describe('computeStats, figure by figure', () => {
  const now = new Date(2026, 10, 25, 18, 0);
  const at = (daysAgo: number, hour = 10) => new Date(2026, 10, 25 - daysAgo, hour).toISOString();

  it('gives zeros, an empty history and no share for each topic when nothing was attempted', () => {
    const stats = computeStats([], [], [question('dropout', 'regularization')], now);
    expect(stats).toEqual({
      attempts: 0,
      answered: 0,
      correct: 0,
      shareCorrect: 0,
      streakDays: 0,
      dueToday: 0,
      dueThisWeek: 0,
      topics: [{ topic: 'regularization', questions: 1, seen: 0, recentAttempts: 0, recentCorrect: 0, shareCorrect: null }],
      history: stats.history,
      missedTerms: [],
      overrides: [],
      flagged: [],
      orphaned: 0,
    });
    expect(stats.history.every((d) => d.attempts === 0)).toBe(true);
  });

  it('gives a share correct of 0 when every attempt was skipped', () => {
    const stats = computeStats([attempt('dropout', at(0), { skipped: true })], [], [question('dropout')], now);
    expect(stats).toMatchObject({ attempts: 1, answered: 0, correct: 0, shareCorrect: 0 });
  });

  it.each([
    ['today and the two days before', [0, 1, 2, 4], 3],
    ['yesterday back, nothing yet today', [1, 2, 5], 2],
    ['nothing today or yesterday', [2, 3], 0],
    ['today only', [0, 0], 1],
  ] as const)('counts a streak of %s', (_, days, streak) => {
    const stats = computeStats(days.map((d) => attempt('dropout', at(d))), [], [question('dropout')], now);
    expect(stats.streakDays).toBe(streak);
  });

  it('counts skips and attempts of removed questions as study days', () => {
    const stats = computeStats([attempt('gone', at(0)), attempt('dropout', at(1), { skipped: true })], [], [question('dropout')], now);
    expect(stats.streakDays).toBe(2);
  });

  it('keeps a history of the last fourteen days, oldest first, counting every attempt of each day', () => {
    expect(HISTORY_DAYS).toBe(14);
    const attempts = [attempt('dropout', at(13)), attempt('dropout', at(13, 11)), attempt('gone', at(2)), attempt('dropout', at(0), { skipped: true }), attempt('dropout', at(14))];
    const stats = computeStats(attempts, [], [question('dropout')], now);
    expect(stats.history).toEqual(
      Array.from({ length: 14 }, (_, i) => ({
        day: dayKey(new Date(2026, 10, 12 + i)),
        attempts: { 0: 2, 11: 1, 13: 1 }[i] ?? 0,
      })),
    );
  });

  it('takes the share correct of a topic over its latest ten answers, skips left out', () => {
    expect(RECENT_ATTEMPTS).toBe(10);
    const attempts = [
      attempt('dropout', at(5), { verdict: 'incorrect' }),
      ...Array.from({ length: 9 }, (_, i) => attempt('dropout', at(4, i), { verdict: i < 6 ? 'correct' : 'partial' })),
      attempt('batch-norm', at(1), { verdict: 'incorrect', override: 'correct' }),
      attempt('batch-norm', at(0), { skipped: true, verdict: 'incorrect' }),
    ];
    const stats = computeStats(attempts, [], [question('dropout', 'regularization'), question('batch-norm', 'regularization'), question('unseen', 'regularization')], now);
    expect(stats.topics).toEqual([{ topic: 'regularization', questions: 3, seen: 2, recentAttempts: 10, recentCorrect: 7, shareCorrect: 0.7 }]);
  });

  it('counts a question seen when it was only skipped, and lists the topics by name', () => {
    const stats = computeStats([attempt('b', at(0), { skipped: true })], [], [question('b', 'zeta'), question('a', 'alpha'), question('c', 'mid')], now);
    expect(stats.topics).toEqual([
      { topic: 'alpha', questions: 1, seen: 0, recentAttempts: 0, recentCorrect: 0, shareCorrect: null },
      { topic: 'mid', questions: 1, seen: 0, recentAttempts: 0, recentCorrect: 0, shareCorrect: null },
      { topic: 'zeta', questions: 1, seen: 1, recentAttempts: 0, recentCorrect: 0, shareCorrect: null },
    ]);
  });

  it('counts a question due at the last moment of today as due today, and one due a moment later not', () => {
    const lastMoment = new Date(2026, 10, 24, 23, 59, 59, 999).toISOString();
    const midnight = new Date(2026, 10, 25, 0, 0, 0, 0).toISOString();
    const missed = { verdict: 'incorrect', rating: 'again', score: 0 } as const;
    // A miss comes back a day later, to the millisecond.
    const stats = computeStats([attempt('a', lastMoment, missed), attempt('b', midnight, missed)], [], [question('a'), question('b')], new Date(2026, 10, 25, 1));
    expect(stats).toMatchObject({ dueToday: 1, dueThisWeek: 2 });
  });

  it('counts a question due seven days from now to the millisecond as due this week, and one due a moment later not', () => {
    const start = new Date(2026, 10, 1, 9, 0);
    const easy = { rating: 'easy' } as const;
    // A first answer rated easy comes back eight days later.
    const attempts = [attempt('a', start.toISOString(), easy), attempt('b', new Date(start.getTime() + 1).toISOString(), easy)];
    const stats = computeStats(attempts, [], [question('a'), question('b')], new Date(start.getTime() + 86_400_000));
    expect(stats).toMatchObject({ dueToday: 0, dueThisWeek: 1 });
  });

  it('counts no question due that was never attempted, nor one attempted only under another bank', () => {
    const stats = computeStats([attempt('gone', at(5), { rating: 'again' })], [], [question('dropout')], now);
    expect(stats).toMatchObject({ dueToday: 0, dueThisWeek: 0, orphaned: 1 });
  });

  it('lists the ten most missed ideas, most missed first then by name, case aside, from answers only', () => {
    const terms = ['kappa', 'iota', 'theta', 'eta', 'zeta', 'epsilon', 'delta', 'gamma', 'beta', 'alpha', 'lambda'];
    const attempts = [
      attempt('q2', at(1), { verdict: 'incorrect', missing: ['Softmax', ...terms] }),
      attempt('q1', at(1), { verdict: 'incorrect', missing: ['softmax', 'mu'] }),
      attempt('q1', at(0), { verdict: 'incorrect', skipped: true, missing: ['mu', 'mu', 'nu'] }),
      attempt('gone', at(0), { verdict: 'incorrect', missing: ['kappa'] }),
    ];
    const stats = computeStats(attempts, [], [question('q1'), question('q2')], now);
    expect(stats.missedTerms).toEqual([
      { term: 'kappa', misses: 2, questions: ['gone', 'q2'] },
      { term: 'softmax', misses: 2, questions: ['q1', 'q2'] },
      ...['alpha', 'beta', 'delta', 'epsilon', 'eta', 'gamma', 'iota', 'lambda'].map((term) => ({ term, misses: 1, questions: ['q2'] })),
    ]);
  });

  it('lists overrides per question, most overridden first then by id, with the last three answers', () => {
    const attempts = [
      attempt('b', at(3), { override: 'incorrect', answer: 'b1' }),
      attempt('a', at(3), { override: 'correct', answer: 'a1' }),
      attempt('c', at(3), { answer: 'not overridden' }),
      attempt('c', at(2), { override: 'correct', answer: 'c1' }),
      attempt('c', at(2, 11), { override: 'incorrect', answer: 'c2' }),
      attempt('c', at(1), { override: 'partial', answer: 'c3' }),
      attempt('c', at(0), { override: 'correct', answer: 'c4' }),
      attempt('gone', at(0), { override: 'correct', answer: 'g1' }),
    ];
    const stats = computeStats(attempts, [], [question('a'), question('b'), question('c')], now);
    expect(stats.overrides).toEqual([
      { question: 'c', count: 4, toCorrect: 2, toIncorrect: 1, answers: ['c2', 'c3', 'c4'] },
      { question: 'a', count: 1, toCorrect: 1, toIncorrect: 0, answers: ['a1'] },
      { question: 'b', count: 1, toCorrect: 0, toIncorrect: 1, answers: ['b1'] },
      { question: 'gone', count: 1, toCorrect: 1, toIncorrect: 0, answers: ['g1'] },
    ]);
  });

  it('lists flags per question, latest first, with their notes, the last time, and whether the question is gone', () => {
    const flags = [
      { question: 'a', at: '2026-11-20T10:00:00.000Z', note: 'first' },
      { question: 'gone', at: '2026-11-22T10:00:00.000Z' },
      { question: 'a', at: '2026-11-23T10:00:00.000Z' },
      { question: 'a', at: '2026-11-21T10:00:00.000Z', note: 'third' },
      { question: 'b', at: '2026-11-24T10:00:00.000Z', note: '' },
    ];
    const stats = computeStats([], flags, [question('a'), question('b')], now);
    expect(stats.flagged).toEqual([
      { question: 'b', count: 1, last: '2026-11-24T10:00:00.000Z', notes: [], orphaned: false },
      { question: 'a', count: 3, last: '2026-11-23T10:00:00.000Z', notes: ['first', 'third'], orphaned: false },
      { question: 'gone', count: 1, last: '2026-11-22T10:00:00.000Z', notes: [], orphaned: true },
    ]);
  });

  it('keeps the first of two flags at the same moment as the last one', () => {
    const flags = [
      { question: 'a', at: '2026-11-20T10:00:00.000Z' },
      { question: 'a', at: '2026-11-20T12:00:00.000+02:00' },
    ];
    expect(computeStats([], flags, [question('a')], now).flagged[0]!.last).toBe('2026-11-20T10:00:00.000Z');
  });

  it('keeps a flag under a current id even when another question lists it as a former id', () => {
    const merged = [question('a'), { ...question('b'), formerIds: ['a'] }];
    expect(computeStats([], [{ question: 'a', at: at(0) }], merged, now).flagged.map((f) => f.question)).toEqual(['a']);
  });
});
