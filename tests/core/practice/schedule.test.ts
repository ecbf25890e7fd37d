import { describe, expect, it } from 'vitest';
import { buildSchedule, nextDue, planCram, planReview, previewRatings } from '../../../src/core/practice/schedule.js';
import { attempt, question } from './practice-fixtures.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));

describe('buildSchedule', () => {
  it('replays attempts through FSRS, the same history always giving the same dates', () => {
    const attempts = [attempt('dropout', day(1).toISOString()), attempt('dropout', day(2).toISOString())];
    const first = buildSchedule(attempts).get('dropout')!;
    expect(buildSchedule(attempts).get('dropout')!.due).toEqual(first.due);
    expect(first.attempts).toHaveLength(2);
    expect(first.due.getTime()).toBeGreaterThan(day(3).getTime());
  });

  it('brings a failed question back sooner than a passed one', () => {
    const passed = buildSchedule([attempt('a', day(1).toISOString(), { rating: 'good' })]).get('a')!.due;
    const failed = buildSchedule([attempt('a', day(1).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 })]).get('a')!.due;
    expect(failed.getTime()).toBeLessThan(passed.getTime());
  });

  it('schedules by the user override and the chosen rating, not by the grader alone', () => {
    const graderOnly = attempt('a', day(1).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 });
    const overridden = { ...graderOnly, override: 'correct' as const };
    const chosen = { ...graderOnly, ratingChosen: 'easy' as const };
    const due = (a: typeof graderOnly) => buildSchedule([a]).get('a')!.due.getTime();
    expect(due(overridden)).toBeGreaterThan(due(graderOnly));
    expect(due(chosen)).toBeGreaterThan(due(overridden));
  });

  it('previews later due dates for better ratings', () => {
    const order = (['again', 'hard', 'good', 'easy'] as const).map((r) => nextDue(undefined, day(1), r).getTime());
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('planReview', () => {
  const questions = ['a', 'b', 'c', 'd'].map((id) => question(id));
  // Built in each test, not as the file loads: a mutation run then knows which tests reach the code.
  const scheduled = () => buildSchedule([
    attempt('a', day(1).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 }),
    attempt('b', day(5).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 }),
    attempt('c', day(9).toISOString()),
  ]);

  it('takes due questions, most overdue first, then questions never seen, up to the limit', () => {
    const schedule = scheduled();
    const plan = planReview(questions, schedule, day(10), 20);
    expect(plan.questions.map((q) => q.id)).toEqual(['a', 'b', 'd']);
    expect(plan).toMatchObject({ dueCount: 2, newCount: 1 });
    expect(planReview(questions, schedule, day(10), 1).questions.map((q) => q.id)).toEqual(['a']);
  });

  it('says when the next question is due when nothing is', () => {
    const schedule = scheduled();
    const plan = planReview([questions[2]!], schedule, day(10), 20);
    expect(plan.questions).toEqual([]);
    expect(plan.nextDueAt).toEqual(schedule.get('c')!.due);
    expect(plan.nextDueAt!.getTime()).toBeGreaterThan(day(10).getTime());
  });
});

describe('planCram', () => {
  it('puts the lowest recent scores first, then the most missed, and unseen questions last', () => {
    const questions = ['a', 'b', 'c', 'd'].map((id) => question(id));
    const schedule = buildSchedule([
      attempt('a', day(1).toISOString(), { score: 0.9 }),
      attempt('b', day(1).toISOString(), { score: 0.2, verdict: 'incorrect' }),
      attempt('c', day(1).toISOString(), { score: 0.2, verdict: 'incorrect' }),
      attempt('c', day(2).toISOString(), { score: 0.2, verdict: 'incorrect' }),
    ]);
    expect(planCram(questions, schedule, 10).map((q) => q.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('buildSchedule and odd clocks', () => {
  it('replays attempts in the order of the time they name, whatever their text (an offset, a clock that jumped)', () => {
    // 09:30 UTC, though its text sorts after 10:00Z: replayed by text, FSRS saw time go backwards.
    const attempts = [attempt('a', '2026-01-01T10:00:00.000Z'), attempt('a', '2026-01-01T23:30:00.000+14:00'), attempt('a', '2026-01-05T10:00:00.000Z')];
    const state = buildSchedule(attempts).get('a')!;
    expect(state.attempts.map((a) => a.at)).toEqual(['2026-01-01T23:30:00.000+14:00', '2026-01-01T10:00:00.000Z', '2026-01-05T10:00:00.000Z']);
    expect(state.due.getTime()).toBeGreaterThan(Date.parse('2026-01-06T00:00:00Z'));
  });

  it('skips an attempt whose time cannot be read rather than failing', () => {
    const state = buildSchedule([attempt('a', day(1).toISOString()), attempt('a', 'not a time'), attempt('a', day(3).toISOString())]).get('a')!;
    expect(state.attempts).toHaveLength(2);
  });

  it('previews ratings for a question last answered in the future (the clock went back) without failing', () => {
    const state = buildSchedule([attempt('a', day(10).toISOString())]).get('a');
    expect(() => nextDue(state, day(1), 'good')).not.toThrow();
    expect(nextDue(state, day(1), 'good').getTime()).toBeGreaterThan(day(10).getTime());
  });
});

describe('planReview, whatever the order of the bank', () => {
  const missed = { rating: 'again', verdict: 'incorrect', score: 0 } as const;
  // Listed least overdue first and unseen first: the plan must reorder them.
  const questions = ['new', 'c', 'b', 'a'].map((id) => question(id));
  // Built in each test, not as the file loads: a mutation run then knows which tests reach the code.
  const scheduled = () => buildSchedule([
    attempt('b', day(5).toISOString(), missed),
    attempt('c', day(7).toISOString(), missed),
    attempt('a', day(1).toISOString(), missed),
  ]);

  it('puts the most overdue first and questions never seen after every due one', () => {
    const schedule = scheduled();
    const plan = planReview(questions, schedule, day(20), 20);
    expect(plan.questions.map((q) => q.id)).toEqual(['a', 'b', 'c', 'new']);
    expect(plan).toMatchObject({ dueCount: 3, newCount: 1 });
    expect(plan.nextDueAt).toBeUndefined();
  });

  it('counts every due question even when the limit keeps fewer', () => {
    const schedule = scheduled();
    const plan = planReview(questions, schedule, day(20), 2);
    expect(plan.questions.map((q) => q.id)).toEqual(['a', 'b']);
    expect(plan).toMatchObject({ dueCount: 3, newCount: 1 });
  });

  it('takes a question due at this very moment, and not one due a moment later', () => {
    const schedule = scheduled();
    const due = schedule.get('b')!.due;
    expect(planReview([question('b')], schedule, due, 20).questions.map((q) => q.id)).toEqual(['b']);
    const before = new Date(due.getTime() - 1);
    const plan = planReview([question('b')], schedule, before, 20);
    expect(plan.questions).toEqual([]);
    expect(plan.nextDueAt).toEqual(due);
  });

  it('names the soonest of the questions due later when nothing is due', () => {
    const schedule = scheduled();
    const plan = planReview(['c', 'b', 'a'].map((id) => question(id)), schedule, day(1), 20);
    expect(plan).toMatchObject({ questions: [], dueCount: 0, newCount: 0 });
    expect(plan.nextDueAt).toEqual(schedule.get('a')!.due);
  });

  it('names no next date when nothing was ever scheduled, or a question is chosen', () => {
    const schedule = scheduled();
    expect('nextDueAt' in planReview([], schedule, day(1), 20)).toBe(false);
    expect('nextDueAt' in planReview([question('new')], schedule, day(1), 20)).toBe(false);
  });
});

describe('planCram, whatever the order of the bank', () => {
  it('puts unseen questions last even when the bank lists them first', () => {
    const schedule = buildSchedule([attempt('seen', day(1).toISOString(), { score: 1 })]);
    expect(planCram(['unseen', 'seen'].map((id) => question(id)), schedule, 10).map((q) => q.id)).toEqual(['seen', 'unseen']);
  });

  it('counts an override as a score of 1 (correct) or 0 (incorrect), over the grader\'s score', () => {
    const schedule = buildSchedule([
      attempt('graded-high', day(1).toISOString(), { score: 0.9, override: 'incorrect' }),
      attempt('middling', day(1).toISOString(), { score: 0.5, verdict: 'partial' }),
      attempt('graded-low', day(1).toISOString(), { score: 0.1, verdict: 'incorrect', override: 'correct' }),
    ]);
    expect(planCram(['graded-low', 'middling', 'graded-high'].map((id) => question(id)), schedule, 10).map((q) => q.id)).toEqual(['graded-high', 'middling', 'graded-low']);
  });

  it('averages the last three attempts only, oldest first by time', () => {
    const schedule = buildSchedule([
      // Given out of time order: the two failures are the oldest, so they no longer count.
      attempt('recovered', day(5).toISOString(), { score: 1 }),
      attempt('recovered', day(1).toISOString(), { score: 0, verdict: 'incorrect' }),
      attempt('recovered', day(4).toISOString(), { score: 1 }),
      attempt('recovered', day(2).toISOString(), { score: 0, verdict: 'incorrect' }),
      attempt('recovered', day(3).toISOString(), { score: 1 }),
      attempt('steady', day(1).toISOString(), { score: 0.8 }),
    ]);
    expect(planCram(['recovered', 'steady'].map((id) => question(id)), schedule, 10).map((q) => q.id)).toEqual(['steady', 'recovered']);
  });

  it('breaks a tie of scores by the most misses (overrides counted), then by id', () => {
    const schedule = buildSchedule([
      attempt('once', day(1).toISOString(), { score: 0.5, verdict: 'partial' }),
      attempt('twice', day(1).toISOString(), { score: 0.5, verdict: 'incorrect' }),
      attempt('twice', day(2).toISOString(), { score: 0.5, verdict: 'correct', override: 'incorrect' }),
      attempt('never', day(1).toISOString(), { score: 0.5, verdict: 'incorrect', override: 'correct' }),
      attempt('b-same', day(1).toISOString(), { score: 0.5, verdict: 'partial' }),
    ]);
    expect(planCram(['never', 'b-same', 'once', 'twice'].map((id) => question(id)), schedule, 10).map((q) => q.id)).toEqual(['twice', 'b-same', 'once', 'never']);
    expect(planCram(['never', 'b-same', 'once', 'twice'].map((id) => question(id)), schedule, 2).map((q) => q.id)).toEqual(['twice', 'b-same']);
  });
});

describe('buildSchedule, attempts out of order', () => {
  it('gives the same cards whatever the order the attempts come in', () => {
    const inOrder = [attempt('a', day(1).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 }), attempt('b', day(2).toISOString()), attempt('a', day(3).toISOString()), attempt('a', day(8).toISOString(), { rating: 'hard' })];
    const shuffled = [inOrder[3]!, inOrder[1]!, inOrder[0]!, inOrder[2]!];
    const a = buildSchedule(shuffled).get('a')!;
    expect(a.attempts).toEqual([inOrder[0], inOrder[2], inOrder[3]]);
    expect(a.due).toEqual(buildSchedule(inOrder).get('a')!.due);
    expect(a.card).toEqual(buildSchedule(inOrder).get('a')!.card);
    expect(a.question).toBe('a');
    expect(buildSchedule(shuffled).get('b')!.attempts).toEqual([inOrder[1]]);
  });

  it('schedules each rating by its own FSRS grade: a better rating, a later date', () => {
    const dues = (['again', 'hard', 'good', 'easy'] as const).map((rating) => buildSchedule([attempt('a', day(1).toISOString(), { rating })]).get('a')!.due.getTime());
    for (let i = 1; i < dues.length; i++) expect(dues[i]).toBeGreaterThan(dues[i - 1]!);
  });

  it('previews from today for a question never answered, and from its card otherwise', () => {
    const fresh = nextDue(undefined, day(1), 'good');
    const state = buildSchedule([attempt('a', day(1).toISOString()), attempt('a', day(4).toISOString())]).get('a');
    expect(nextDue(state, day(4), 'good').getTime()).toBeGreaterThan(fresh.getTime() + 3 * 86_400_000);
    expect(fresh.getTime()).toBeGreaterThan(day(1).getTime());
    const preview = previewRatings(state, day(4));
    expect(Object.keys(preview)).toEqual(['again', 'hard', 'good', 'easy']);
    for (const rating of ['again', 'hard', 'good', 'easy'] as const) expect(preview[rating]).toEqual(nextDue(state, day(4), rating));
  });
});

describe('the intervals the schedule gives', () => {
  const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

  it.each([
    ['again', 1],
    ['hard', 2],
    ['good', 3],
    ['easy', 8],
  ] as const)('brings a first answer rated %s back %i day(s) later, to the minute (no fuzz, no same-day steps)', (rating, interval) => {
    expect(days(day(1), buildSchedule([attempt('a', day(1).toISOString(), { rating })]).get('a')!.due)).toBe(interval);
  });

  it('pins the interval after a second good answer and the previews of a later review', () => {
    const state = buildSchedule([attempt('a', day(1).toISOString()), attempt('a', day(4).toISOString())]).get('a')!;
    expect(days(day(4), state.due)).toBe(14);
    const preview = previewRatings(state, day(10));
    expect(Object.fromEntries(Object.entries(preview).map(([rating, due]) => [rating, days(day(10), due)]))).toEqual({ again: 2, hard: 27, good: 36, easy: 56 });
  });

  it('previews a question never answered as a first answer made now', () => {
    const preview = previewRatings(undefined, day(3));
    expect([preview.again, preview.hard, preview.good, preview.easy].map((due) => days(day(3), due))).toEqual([1, 2, 3, 8]);
  });
});

describe('planReview, the next date', () => {
  const missed = { rating: 'again', verdict: 'incorrect', score: 0 } as const;

  it('names no next date when a question is chosen, though another falls due later', () => {
    const schedule = buildSchedule([attempt('due', day(1).toISOString(), missed), attempt('later', day(9).toISOString())]);
    const plan = planReview(['due', 'later'].map((id) => question(id)), schedule, day(5), 20);
    expect(plan.questions.map((q) => q.id)).toEqual(['due']);
    expect('nextDueAt' in plan).toBe(false);
  });

  it('names a date still to come, never one already due, when the limit leaves nothing chosen', () => {
    const schedule = buildSchedule([attempt('overdue', day(1).toISOString(), missed), attempt('now', day(4).toISOString(), missed), attempt('later', day(9).toISOString())]);
    const now = schedule.get('now')!.due;
    const plan = planReview(['overdue', 'now', 'later', 'new'].map((id) => question(id)), schedule, now, 0);
    expect(plan).toMatchObject({ questions: [], dueCount: 2, newCount: 1 });
    expect(plan.nextDueAt).toEqual(schedule.get('later')!.due);
  });
});

describe('planCram, seen and missed', () => {
  it('puts a question never attempted after one answered perfectly, whatever their ids', () => {
    const schedule = buildSchedule([attempt('z-seen', day(1).toISOString(), { score: 1 })]);
    expect(planCram(['a-unseen', 'z-seen'].map((id) => question(id)), schedule, 10).map((q) => q.id)).toEqual(['z-seen', 'a-unseen']);
  });

  it('counts as misses only the attempts whose verdict is not correct', () => {
    const schedule = buildSchedule([
      attempt('a-right-twice', day(1).toISOString(), { score: 0.5, verdict: 'correct' }),
      attempt('a-right-twice', day(2).toISOString(), { score: 0.5, verdict: 'correct' }),
      attempt('b-partial-once', day(1).toISOString(), { score: 0.5, verdict: 'partial' }),
    ]);
    expect(planCram(['a-right-twice', 'b-partial-once'].map((id) => question(id)), schedule, 10).map((q) => q.id)).toEqual(['b-partial-once', 'a-right-twice']);
  });
});
