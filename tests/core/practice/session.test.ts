import { describe, expect, it } from 'vitest';
import { followUpAllowance, orderQuestions, QuestionQueue, seededRandom, summarizeSession, type SessionResult } from '../../../src/core/practice/session.js';
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

describe('seededRandom', () => {
  // Pinned: a seed must give the same quiz in every version, so a user can repeat one.
  it.each([
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
    [1, [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]],
    [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]],
    [-1, [0.8964226141106337, 0.189478256739676, 0.7156526781618595]],
  ])('gives the same sequence for seed %i', (seed, expected) => {
    const random = seededRandom(seed);
    expect([random(), random(), random()]).toEqual(expected);
  });

  it('reads a seed as a 32-bit whole number', () => {
    const wrapped = seededRandom(2 ** 32 + 1);
    const one = seededRandom(1);
    expect([wrapped(), wrapped()]).toEqual([one(), one()]);
  });

  it('draws numbers from 0 up to, not including, 1, spread over the whole range', () => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 20_000 }, () => random());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const tenths = new Array<number>(10).fill(0);
    for (const x of draws) tenths[Math.floor(x * 10)]!++;
    for (const count of tenths) expect(count).toBeGreaterThan(1_800);
  });
});

describe('orderQuestions, the shuffle', () => {
  it('pins the order a seed gives', () => {
    const questions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => question(id));
    expect(ids(orderQuestions(questions, 'random', seededRandom(42)))).toEqual(['b', 'a', 'e', 'f', 'c', 'd']);
    expect(ids(orderQuestions(questions, 'random', seededRandom(1)))).toEqual(['e', 'b', 'f', 'c', 'a', 'd']);
  });

  it('can give every order, each about as often (a fair shuffle, where a question may stay in its place)', () => {
    const questions = ['a', 'b', 'c'].map((id) => question(id));
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 1_200; seed++) {
      const order = ids(orderQuestions(questions, 'random', seededRandom(seed))).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    for (const count of counts.values()) expect(count).toBeGreaterThan(140);
  });

  it('deals the topics in the order the shuffle first shows them, keeping each topic\'s shuffled order', () => {
    const mixed = [...['a1', 'a2', 'a3'].map((id) => question(id, 'a')), ...['b1', 'b2'].map((id) => question(id, 'b')), question('c1', 'c')];
    expect(ids(orderQuestions(mixed, 'random', seededRandom(42)))).toEqual(['a2', 'b2', 'c1', 'a1', 'b1', 'a3']);
    expect(ids(orderQuestions(mixed, 'random', seededRandom(3)))).toEqual(['a3', 'b1', 'c1', 'a2', 'b2', 'a1']);
  });

  it('leaves the list it was given as it was, and handles no questions or one', () => {
    const questions = ['a', 'b', 'c', 'd'].map((id) => question(id));
    const copy = [...questions];
    orderQuestions(questions, 'random', seededRandom(5));
    const bank = orderQuestions(questions, 'bank', seededRandom(5));
    expect(questions).toEqual(copy);
    expect(bank).not.toBe(questions);
    expect(orderQuestions([], 'random', seededRandom(1))).toEqual([]);
    expect(ids(orderQuestions([question('only')], 'random', seededRandom(1)))).toEqual(['only']);
  });

  it('keeps bank order even across topics, without dealing them', () => {
    const mixed = [question('a1', 'a'), question('a2', 'a'), question('b1', 'b')];
    expect(ids(orderQuestions(mixed, 'bank', seededRandom(1)))).toEqual(['a1', 'a2', 'b1']);
  });
});

describe('followUpAllowance', () => {
  it.each([
    [1, 1],
    [2, 1],
    [5, 1],
    [6, 2],
    [8, 2],
    [9, 3],
    [30, 10],
  ])('a quiz of %i may bring in %i follow-up(s)', (size, allowance) => {
    expect(followUpAllowance(size)).toBe(allowance);
  });
});

describe('QuestionQueue, the allowance and the plan', () => {
  const drain = (queue: QuestionQueue, verdict: SessionResult['verdict'] = 'correct') => {
    const asked: string[] = [];
    for (let q = queue.next(); q; q = queue.next()) {
      asked.push(q.id);
      queue.answered(q, verdict);
    }
    return asked;
  };

  it('spends the allowance once: a later correct answer brings no more follow-ups', () => {
    const all = [question('a', 't', ['x']), question('b', 't', ['y']), ...['c', 'd', 'e', 'x', 'y'].map((id) => question(id))];
    const queue = new QuestionQueue(all.slice(0, 5), 5, all, true);
    expect(drain(queue)).toEqual(['a', 'x', 'b', 'c', 'd']);
    expect(queue.askedCount).toBe(5);
  });

  it('counts what was asked, and stops at the size of the session', () => {
    const all = ['a', 'b', 'c'].map((id) => question(id));
    const queue = new QuestionQueue(all, 2, all, false);
    expect(queue.askedCount).toBe(0);
    queue.next();
    expect(queue.askedCount).toBe(1);
    queue.next();
    expect(queue.next()).toBeUndefined();
    expect(queue.askedCount).toBe(2);
  });

  it('asks a question planned twice once, and stops when the plan runs out', () => {
    const all = ['a', 'b'].map((id) => question(id));
    const queue = new QuestionQueue([all[0]!, all[0]!, all[1]!, all[0]!], 10, all, false);
    expect(drain(queue)).toEqual(['a', 'b']);
    expect(queue.askedCount).toBe(2);
  });

  it('passes over follow-ups that are not loaded or were asked already', () => {
    const all = [question('a', 't', ['missing', 'b', 'x']), question('b'), question('x')];
    const queue = new QuestionQueue([all[1]!, all[0]!], 9, all, true);
    expect(drain(queue)).toEqual(['b', 'a', 'x']);
    expect(queue.isFollowUp(all[1]!)).toBe(false);
    expect(queue.isFollowUp(all[2]!)).toBe(true);
  });

  it('brings in a follow-up once though two answers name it, using the allowance once', () => {
    // A quiz of 6 allows two follow-ups: x for a, and (x being taken) y for b.
    const all = [question('a', 't', ['x']), question('b', 't', ['x', 'y']), question('c'), question('d'), question('x'), question('y')];
    const queue = new QuestionQueue(all.slice(0, 4), 6, all, true);
    const a = queue.next()!;
    const b = queue.next()!;
    queue.answered(a, 'correct');
    queue.answered(b, 'correct');
    expect(drain(queue)).toEqual(['y', 'x', 'c', 'd']);
  });

  it('asks no follow-ups after incorrect answers, and none when the allowance is turned off', () => {
    const all = [question('a', 't', ['x']), question('b'), question('x')];
    expect(drain(new QuestionQueue(all.slice(0, 2), 5, all, true), 'incorrect')).toEqual(['a', 'b']);
    expect(drain(new QuestionQueue(all.slice(0, 2), 5, all, false))).toEqual(['a', 'b']);
  });
});

describe('summarizeSession, edge cases', () => {
  const result = (id: string, topic: string, verdict: SessionResult['verdict'], extra: Partial<SessionResult> = {}): SessionResult => ({
    question: question(id, topic),
    answer: 'x',
    score: verdict === 'correct' ? 1 : 0,
    verdict,
    seconds: 4,
    late: false,
    skipped: false,
    missing: [],
    ...extra,
  });

  it('sorts topics of the same share by name, and counts each topic\'s questions', () => {
    const summary = summarizeSession([result('a', 'rnn', 'correct'), result('b', 'cnn', 'correct'), result('c', 'cnn', 'correct'), result('d', 'att', 'incorrect'), result('e', 'bay', 'incorrect')]);
    expect(summary.topics).toEqual([
      { topic: 'att', asked: 1, correct: 0, share: 0 },
      { topic: 'bay', asked: 1, correct: 0, share: 0 },
      { topic: 'cnn', asked: 2, correct: 2, share: 1 },
      { topic: 'rnn', asked: 1, correct: 1, share: 1 },
    ]);
    expect(summary.weakestTopics).toEqual(['att', 'bay']);
  });

  it('counts a topic at exactly one half as not weak, and one just below as weak', () => {
    const summary = summarizeSession([
      result('a', 'half', 'correct'),
      result('b', 'half', 'partial'),
      result('c', 'third', 'correct'),
      result('d', 'third', 'incorrect'),
      result('e', 'third', 'partial'),
    ]);
    expect(summary.weakestTopics).toEqual(['third']);
    expect(summary.topics.map((t) => t.topic)).toEqual(['third', 'half']);
  });

  it('gives an average of 0 when every question was skipped, and sums no time when none was taken', () => {
    const summary = summarizeSession([result('a', 't', 'incorrect', { skipped: true, score: 0.3 }), result('b', 't', 'incorrect', { skipped: true })]);
    expect(summary).toMatchObject({ asked: 2, answered: 0, skipped: 2, correct: 0, overridden: 0, averageScore: 0, totalSeconds: 8 });
    expect(summarizeSession([], 0)).toEqual({ asked: 0, answered: 0, skipped: 0, correct: 0, overridden: 0, totalSeconds: 0, averageScore: 0, topics: [], weakestTopics: [] });
    expect(summarizeSession([result('a', 't', 'correct')], 0).totalSeconds).toBe(0);
  });

  it('averages the scores of the answered questions only, and counts every override', () => {
    const summary = summarizeSession([
      result('a', 't', 'correct', { score: 0.9 }),
      result('b', 't', 'incorrect', { score: 0.3, gradedVerdict: 'partial' }),
      result('c', 't', 'correct', { score: 0.5, gradedVerdict: 'incorrect' }),
      result('d', 't', 'incorrect', { score: 0.7, skipped: true }),
    ]);
    expect(summary.averageScore).toBeCloseTo(0.5667, 4);
    expect(summary).toMatchObject({ correct: 2, overridden: 2, answered: 3, skipped: 1, totalSeconds: 16 });
  });
});
