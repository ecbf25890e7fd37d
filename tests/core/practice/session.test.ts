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
});

describe('QuestionQueue', () => {
  const all = [question('a', 't', ['x', 'y']), question('b'), question('c'), question('x'), question('y', 't', ['a'])];
  const planned = all.slice(0, 3);

  it('asks follow-ups next after a correct answer, within the session size', () => {
    const queue = new QuestionQueue(planned, 3, all, true);
    const asked = [queue.next()!];
    queue.answered(asked[0]!, 'correct');
    asked.push(queue.next()!, queue.next()!);
    expect(queue.next()).toBeUndefined();
    expect(ids(asked)).toEqual(['a', 'x', 'y']);
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
    expect(ids([y, a, cycle.next()!])).toEqual(['y', 'a', 'x']);
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
    expect(summary).toMatchObject({ answered: 4, correct: 2, totalSeconds: 40, averageScore: 0.5, weakestTopics: ['rnn'] });
    expect(summary.topics.map((t) => [t.topic, t.share])).toEqual([
      ['rnn', 0],
      ['cnn', 0.5],
      ['gan', 1],
    ]);
  });
});
