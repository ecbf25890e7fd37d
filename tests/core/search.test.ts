import { describe, expect, it } from 'vitest';
import { readBank } from '../../src/core/bank/read.js';
import { parseQuestion, type Question } from '../../src/core/bank/question.js';
import { searchQuestions } from '../../src/core/search.js';
import { bundledBank, inMutationRun } from '../helpers.js';

const bank = readBank([bundledBank]).questions;
const topIds = (query: string, limit = 3) => searchQuestions(bank, query, limit).map((hit) => hit.question.id);

function make(id: string, question: string, answer: string, terms = ''): Question {
  const result = parseQuestion(`---\nid: ${id}\nquestion: ${question}\n${terms}---\n${answer}\n`, { file: `${id}.md`, defaultId: id });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

describe('searchQuestions on the bundled bank', () => {
  it.each([
    ['dropout', 'dropout'],
    ['dropuot', 'dropout'],
    ['vanishing gradient', 'vanishing-gradient'],
    ['vanishing gradeint', 'vanishing-gradient'],
    ['exploding gradients', 'exploding-gradient'],
    ['learnig rate', 'learning-rate'],
    ['transformer', 'transformer-architecture'],
    ['lstm gates', 'lstm-gates'],
    ['mode collapse', 'gan-training-problems'],
    ['backpropogation', 'backpropagation'],
    ['overfiting', 'overfitting'],
  ])('%s finds %s among the top three', (query, id) => {
    expect(topIds(query)).toContain(id);
  });

  it('puts the exact question first for a distinctive query', () => {
    expect(topIds('dropout', 1)).toEqual(['dropout']);
    expect(topIds('softmax', 1)).toEqual(['softmax']);
  });

  it('respects the limit and returns scores in [0, 1), best first', () => {
    const hits = searchQuestions(bank, 'gradient', 5);
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.score).toBeLessThan(1);
  });

  it('finds nothing for an empty query or words the bank does not hold', () => {
    expect(searchQuestions(bank, '   ')).toEqual([]);
    expect(searchQuestions(bank, 'zzqxv')).toEqual([]);
  });
});

describe('searchQuestions ranking', () => {
  const questions = [
    make('rnn', 'What is an RNN?', 'A recurrent network keeps a hidden state.'),
    make('cnn', 'What is a CNN?', 'A convolutional network shares filters.'),
    make('both', 'How does a learning rate schedule work?', 'The learning rate decays over time.'),
    make('one', 'What is a learning curve?', 'Loss against epochs.'),
    make('answer-only', 'What is weight decay?', 'An L2 penalty, also called ridge; it shrinks weights.'),
  ];

  it('matches short words exactly, so rnn never finds cnn', () => {
    expect(searchQuestions(questions, 'rnn').map((h) => h.question.id)).toEqual(['rnn']);
  });

  it('ranks a question holding every query word above one holding some', () => {
    expect(searchQuestions(questions, 'learning rate').map((h) => h.question.id)).toEqual(['both', 'one']);
  });

  it('reports the matched words and fields for highlighting', () => {
    const [hit] = searchQuestions(questions, 'ridge');
    expect(hit?.question.id).toBe('answer-only');
    expect(hit?.words).toEqual(['ridge']);
    expect(hit?.fields).toEqual(['answer']);
  });

  it('matches word forms by stem and by prefix', () => {
    expect(searchQuestions(questions, 'decaying').map((h) => h.question.id)).toContain('both');
    expect(searchQuestions(questions, 'convol').map((h) => h.question.id)).toEqual(['cnn']);
  });
});

describe('searchQuestions within a filter', () => {
  it.skipIf(inMutationRun).each(['gradient', 'dropuot', 'learning rate', 'attention heads'])('gives %s the scores of the whole bank, only for the questions kept', (query) => {
    const everywhere = new Map(searchQuestions(bank, query, bank.length).map((hit) => [hit.question.id, hit.score]));
    const topic = bank.find((q) => q.id === searchQuestions(bank, query, 1)[0]?.question.id)!.topic;
    const kept = bank.filter((q) => q.topic === topic);
    const within = searchQuestions(bank, query, bank.length, kept);
    expect(within.length).toBeGreaterThan(0);
    for (const hit of within) {
      expect(hit.question.topic).toBe(topic);
      expect(hit.score, hit.question.id).toBe(everywhere.get(hit.question.id));
    }
    expect(within.map((h) => h.question.id)).toEqual([...everywhere.keys()].filter((id) => kept.some((q) => q.id === id)));
  });

  it('applies the limit after the filter', () => {
    const kept = bank.filter((q) => q.topic === 'training');
    const hits = searchQuestions(bank, 'gradient', 2, kept);
    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.question.topic === 'training')).toBe(true);
  });

  it('returns nothing when the filter keeps no question that matches', () => {
    expect(searchQuestions(bank, 'dropout', 10, [])).toEqual([]);
  });
});

describe('searchQuestions looks for phrases only where they could change the results', () => {
  it.each(['learning rate', 'attention heads', 'batch norm', 'vanishing gradient', 'weight decay regularization', 'kv cache'])('ranks the top hits of "%s" as a search for every hit does', (query) => {
    const every = searchQuestions(bank, query, bank.length);
    for (const limit of [1, 3, 10]) expect(searchQuestions(bank, query, limit)).toEqual(every.slice(0, limit));
  });
});
