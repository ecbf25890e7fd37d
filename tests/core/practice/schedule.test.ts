import { describe, expect, it } from 'vitest';
import { buildSchedule, nextDue, planCram, planReview } from '../../../src/core/practice/schedule.js';
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
  const schedule = buildSchedule([
    attempt('a', day(1).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 }),
    attempt('b', day(5).toISOString(), { rating: 'again', verdict: 'incorrect', score: 0 }),
    attempt('c', day(9).toISOString()),
  ]);

  it('takes due questions, most overdue first, then questions never seen, up to the limit', () => {
    const plan = planReview(questions, schedule, day(10), 20);
    expect(plan.questions.map((q) => q.id)).toEqual(['a', 'b', 'd']);
    expect(plan).toMatchObject({ dueCount: 2, newCount: 1 });
    expect(planReview(questions, schedule, day(10), 1).questions.map((q) => q.id)).toEqual(['a']);
  });

  it('says when the next question is due when nothing is', () => {
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
