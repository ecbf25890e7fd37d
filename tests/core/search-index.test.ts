import { describe, expect, it } from 'vitest';
import { parseQuestion, withChanges, type Question } from '../../src/core/bank/question.js';
import { words as wordsOf } from '../../src/core/normalize.js';
import { bankIndex, countTerms, fieldText, indexQuestions, joinIndexes, MAX_COUNT, questionTerms, SEARCH_FIELDS, unpackCounts, WordNumbers } from '../../src/core/search-index.js';

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

describe('WordNumbers', () => {
  it('gives a word read from text the number its string has, whichever way it was met first, and keeps them through the table growing', () => {
    const numbers = new WordNumbers();
    const text = Array.from({ length: 3_000 }, (_, i) => `Word${i} ${i % 7 === 0 ? 'SHARED' : 'shared'}`).join(', ');
    expect(numbers.numberOf('word17')).toBe(0);
    const read: number[] = [];
    for (const match of text.matchAll(/[A-Za-z0-9]+/g)) read.push(numbers.numberIn(text, match.index, match.index + match[0].length));
    // One number per distinct folded word, the same as numberOf gives its string.
    expect(new Set(read).size).toBe(3_001);
    expect(numbers.words).toHaveLength(3_001);
    expect(read[0]).toBe(numbers.numberOf('word0'));
    expect(read[34]).toBe(0);
    expect(read.filter((_, i) => i % 2 === 1).every((n) => n === numbers.get('shared'))).toBe(true);
    for (const [i, word] of numbers.words.entries()) expect(numbers.numberOf(word)).toBe(i);
    expect(numbers.get('unseen')).toBeUndefined();
  });
});

describe('countTerms', () => {
  it('counts what words (normalize.ts) reads from the whole text, for plain ASCII (read without a string a word) and any other text', () => {
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['Drop', 'drop', 'DROPOUT', 'out', 'x1', '42', 'naïve', 'β', '—', ' ', ', ', '-', '\n', '**', 'a_b', 'ReLU', 'relu', '→', 'Ⅱ', 'İ', '\u212a', 'ΣΑΣ', '𝑥', 'ﬁ'];
    const text = () => Array.from({ length: random(60) }, () => pieces[random(pieces.length)]).join(random(2) ? ' ' : '');
    const numbers = new WordNumbers();
    for (let round = 0; round < 300; round++) {
      // Half the rounds plain ASCII, so both ways of reading are compared with words().
      const plain = round % 2 === 0;
      const field = () => (plain ? text().replace(/[^\x00-\x7f]/g, ' ') : text());
      const q = withChanges(make('q', 'Q?', 'A.'), { question: field(), answer: field(), tags: [field(), field()], keyTerms: [{ term: field(), aliases: [field()], weight: 1, core: false }] });
      const counted = new Map<string, number[]>();
      const lengths = countTerms(q, numbers, (number, packed) => counted.set(numbers.words[number]!, unpackCounts(packed)));
      const expected = new Map<string, number[]>();
      SEARCH_FIELDS.forEach((field, f) => {
        for (const word of wordsOf(fieldText(q, field))) {
          const counts = expected.get(word) ?? [0, 0, 0, 0, 0, 0];
          counts[f] = Math.min(MAX_COUNT, counts[f]! + 1);
          expected.set(word, counts);
        }
      });
      expect(counted).toEqual(expected);
      expect(lengths).toEqual(SEARCH_FIELDS.map((field) => fieldText(q, field).length));
    }
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
