import { describe, expect, it } from 'vitest';
import { parseQuestion, type Question } from '../../src/core/bank/question.js';
import { bankIndex, indexQuestions, joinIndexes, MAX_COUNT, questionTerms, unpackCounts } from '../../src/core/search-index.js';

function make(id: string, question: string, answer: string, tags = '[]'): Question {
  const result = parseQuestion(`---\nid: ${id}\nquestion: ${question}\ntags: ${tags}\nkey_terms: [hidden state]\n---\n${answer}\n`, { file: `${id}.md`, defaultId: id });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

describe('unpackCounts', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0], 0],
    [[0, 0, 0, 0, 0, 1], 1],
    [[0, 1, 0, 0, 0, 2], 256 ** 4 + 2],
    [[MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT], 256 ** 6 - 1],
  ])('reads %j from %d', (counts, packed) => {
    expect(unpackCounts(packed)).toEqual(counts);
  });
});

describe('questionTerms', () => {
  it('counts each word per field (id, question, terms, tags, topic, answer) and measures each field', () => {
    const q = make('rnn', 'What is an RNN?', 'An RNN keeps a hidden state; the state is updated.', '[sequence]');
    const terms = questionTerms(q);
    expect(unpackCounts(terms.counts.get('rnn')!)).toEqual([1, 1, 0, 0, 0, 1]);
    expect(unpackCounts(terms.counts.get('state')!)).toEqual([0, 0, 1, 0, 0, 2]);
    expect(unpackCounts(terms.counts.get('sequence')!)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(terms.lengths).toEqual(['rnn'.length, 'What is an RNN?'.length, 'hidden state'.length, 'sequence'.length, q.topic.length, q.answer.length]);
  });

  it(`stops counting at ${MAX_COUNT} in every field, so that the counts never spill into the next`, () => {
    const q = make('many', `${'word '.repeat(MAX_COUNT + 10)}?`, 'word '.repeat(MAX_COUNT + 10));
    expect(unpackCounts(questionTerms(q).counts.get('word')!)).toEqual([0, MAX_COUNT, 0, 0, 0, MAX_COUNT]);
  });

  it('keeps key terms, aliases and tags apart: each is its own words, and the field length counts the separators', () => {
    const result = parseQuestion(`---\nid: sep\nquestion: Q?\ntags: [alpha, beta]\nkey_terms:\n  - term: hidden\n    aliases: [state]\n  - gate\n---\nA.\n`, { file: 'sep.md', defaultId: 'sep' });
    const terms = questionTerms(result.question!);
    for (const word of ['hidden', 'state', 'gate', 'alpha', 'beta']) expect(terms.counts.has(word), word).toBe(true);
    expect(terms.lengths[2]).toBe('hidden ; state ; gate'.length);
    expect(terms.lengths[3]).toBe('alpha beta'.length);
  });
});

describe('indexes', () => {
  const a = make('a', 'What is dropout?', 'Dropout zeroes units.');
  const b = make('b', 'What is attention?', 'Attention weighs tokens; dropout too.');
  const c = make('c', 'What is a GAN?', 'Two networks compete.');

  it('lists postings, lengths and the vocabulary of the questions held in memory', () => {
    const index = indexQuestions([a, b]);
    expect(index.size).toBe(2);
    expect(index.postings('dropout').map((p) => p.question.id)).toEqual(['a', 'b']);
    expect(index.postings('absent')).toEqual([]);
    expect(index.vocabulary().split('\n')).toContain('attention');
    expect(index.lengthsOf(c)).toBeUndefined();
    expect(index.totalLengths[5]).toBe(a.answer.length + b.answer.length);
  });

  it('reads several indexes as one', () => {
    const joined = joinIndexes([indexQuestions([a]), indexQuestions([b, c])]);
    expect(joined.size).toBe(3);
    expect(joined.postings('dropout').map((p) => p.question.id)).toEqual(['a', 'b']);
    expect(joined.lengthsOf(c)).toEqual(questionTerms(c).lengths);
    expect(joined.vocabulary().split('\n').filter((w) => w === 'what')).toHaveLength(1);
  });

  it('adds up the field lengths of the indexes it joins', () => {
    const joined = joinIndexes([indexQuestions([a]), indexQuestions([b, c])]);
    expect(joined.totalLengths).toEqual(indexQuestions([a, b, c]).totalLengths);
  });

  it('covers the questions a kept index leaves out with one built in memory', () => {
    const index = bankIndex([a, b, c], [indexQuestions([a])]);
    expect(index.size).toBe(3);
    expect(index.postings('networks').map((p) => p.question.id)).toEqual(['c']);
    expect(index.postings('dropout').map((p) => p.question.id)).toEqual(['a', 'b']);
  });

  it('uses a kept index alone when it covers every question, and builds one when none is kept', () => {
    const kept = indexQuestions([a, b]);
    const alone = bankIndex([a, b], [kept]);
    expect(alone.size).toBe(2);
    expect(alone.postings('dropout').map((p) => p.question.id)).toEqual(['a', 'b']);
    const built = bankIndex([a, b, c], []);
    expect(built.size).toBe(3);
    expect(built.postings('networks').map((p) => p.question.id)).toEqual(['c']);
  });
});
