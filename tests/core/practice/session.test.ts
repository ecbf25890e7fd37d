import { describe, expect, it } from 'vitest';
import { orderQuestions, QuestionQueue, seededRandom, summarizeSession, type SessionResult } from '../../../src/core/practice/session.js';
import { question } from './practice-fixtures.js';

const ids = (list: Array<{ id: string }>) => list.map((q) => q.id);

describe('orderQuestions', () => {
  const questions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => question(id));

  it('keeps bank order, or shuffles reproducibly by seed', () => {
    expect(ids(orderQuestions(questions, 'bank', seededRandom(1)))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const once = ids(orderQuestions(questions, 'random', seededRandom(42)));
    expect(ids(orderQuestions(questions, 'random', seededRandom(42)))).toEqual(once);
    expect(ids(orderQuestions(questions, 'random', seededRandom(7)))).not.toEqual(once);
    expect([...once].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('spreads a random order over the topics: every topic once before any twice', () => {
    const mixed = [...['a1', 'a2', 'a3', 'a4'].map((id) => question(id, 'a')), ...['b1', 'b2'].map((id) => question(id, 'b')), question('c1', 'c')];
    for (let seed = 1; seed <= 20; seed++) {
      const topics = orderQuestions(mixed, 'random', seededRandom(seed)).map((q) => q.topic);
      expect(new Set(topics.slice(0, 3))).toEqual(new Set(['a', 'b', 'c']));
      expect(new Set(topics.slice(3, 5))).toEqual(new Set(['a', 'b']));
      expect(topics.slice(5)).toEqual(['a', 'a']);
    }
  });
});

describe('QuestionQueue', () => {
  const all = [question('a', 't', ['x', 'y']), question('b'), question('c'), question('x'), question('y', 't', ['a'])];
  const planned = all.slice(0, 3);

  it('asks a follow-up next after a correct answer, one in a quiz of five or fewer', () => {
    const queue = new QuestionQueue(planned, 3, all, true);
    const asked = [queue.next()!];
    queue.answered(asked[0]!, 'correct');
    asked.push(queue.next()!, queue.next()!);
    expect(queue.next()).toBeUndefined();
    expect(ids(asked)).toEqual(['a', 'x', 'b']);
  });

  it('lets follow-ups take up to a third of a longer quiz, and never follows up a follow-up', () => {
    const many = [question('p', 't', ['f1', 'f2', 'f3', 'f4']), question('f1', 't', ['g']), question('f2'), question('f3'), question('f4'), question('g'), ...['q1', 'q2', 'q3', 'q4'].map((id) => question(id))];
    const queue = new QuestionQueue([many[0]!, ...many.slice(6)], 9, many, true);
    const asked: string[] = [];
    for (let q = queue.next(); q; q = queue.next()) {
      asked.push(q.id);
      queue.answered(q, 'correct');
    }
    expect(asked).toEqual(['p', 'f1', 'f2', 'f3', 'q1', 'q2', 'q3', 'q4']);
    expect(queue.isFollowUp(many[1]!)).toBe(true);
  });

  it('asks no follow-ups after a wrong answer or when they are turned off, and never repeats a question', () => {
    const wrong = new QuestionQueue(planned, 5, all, true);
    wrong.answered(wrong.next()!, 'partial');
    expect(ids([wrong.next()!, wrong.next()!])).toEqual(['b', 'c']);
    const off = new QuestionQueue(planned, 5, all, false);
    off.answered(off.next()!, 'correct');
    expect(off.next()?.id).toBe('b');
    const cycle = new QuestionQueue([all[4]!, all[0]!], 5, all, true);
    const y = cycle.next()!;
    cycle.answered(y, 'correct');
    const a = cycle.next()!;
    cycle.answered(a, 'correct');
    expect(ids([y, a])).toEqual(['y', 'a']);
    expect(cycle.next()).toBeUndefined();
  });
});

describe('summarizeSession', () => {
  it('gives per-topic shares and the weakest topics', () => {
    const result = (id: string, topic: string, verdict: SessionResult['verdict'], score: number): SessionResult => ({
      question: question(id, topic),
      answer: '',
      score,
      verdict,
      seconds: 10,
      late: false,
      skipped: false,
      missing: [],
    });
    const summary = summarizeSession([result('a', 'cnn', 'correct', 1), result('b', 'cnn', 'incorrect', 0), result('c', 'rnn', 'incorrect', 0.2), result('d', 'gan', 'correct', 0.8)]);
    expect(summary).toMatchObject({ asked: 4, answered: 4, skipped: 0, correct: 2, totalSeconds: 40, averageScore: 0.5, weakestTopics: ['rnn'] });
    expect(summary.topics.map((t) => [t.topic, t.share])).toEqual([
      ['rnn', 0],
      ['cnn', 0.5],
      ['gan', 1],
    ]);
  });
});

describe('summarizeSession with skips, overrides and wall time', () => {
  it('leaves skips out of the average, counts overrides, and takes the wall time when given', () => {
    const base = { answer: 'x', seconds: 5, late: false, missing: [] };
    const results: SessionResult[] = [
      { ...base, question: question('a'), score: 0.8, verdict: 'correct', skipped: false },
      { ...base, question: question('b'), score: 0, verdict: 'incorrect', skipped: true, answer: '' },
      { ...base, question: question('c'), score: 0.4, verdict: 'correct', gradedVerdict: 'partial', skipped: false },
    ];
    const summary = summarizeSession(results, 95);
    expect(summary).toMatchObject({ asked: 3, answered: 2, skipped: 1, correct: 2, overridden: 1, totalSeconds: 95 });
    expect(summary.averageScore).toBeCloseTo(0.6);
    expect(summarizeSession(results).totalSeconds).toBe(15);
  });
});
