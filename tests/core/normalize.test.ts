import { stemmer } from 'stemmer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { containsPhrase, foldWord, hasNonAsciiLetters, normalizeWords, stem, tokenize, words } from '../../src/core/normalize.js';

// The real stemmer, watched: stem() must ask it once per word.
vi.mock('stemmer', async (importOriginal) => {
  const actual = await importOriginal<typeof import('stemmer')>();
  return { stemmer: vi.fn(actual.stemmer) };
});

describe('foldWord', () => {
  it.each([
    ['Dropout', 'dropout'],
    ['ReLU', 'relu'],
    ['Café', 'cafe'],
    ['NAÏVE', 'naive'],
    ['ﬁne', 'fine'],
    ['Ⅻ', 'xii'],
    ['Ångström', 'angstrom'],
    ['', ''],
  ])('folds %j to %j', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});

describe('normalizeWords', () => {
  it.each([
    ['Batch-Norm', 'batch norm'],
    ['batch norm', 'batch norm'],
    ['  --Hello,   World!! ', 'hello world'],
    ['GPT-4o', 'gpt 4o'],
    ['Café au lait', 'cafe au lait'],
    ['ﬁne-tuning', 'fine tuning'],
    ['x → y — z', 'x y z'],
    ['---', ''],
    ['', ''],
  ])('normalises %j to %j', (text, normalized) => {
    expect(normalizeWords(text)).toBe(normalized);
  });
});

describe('containsPhrase', () => {
  const text = normalizeWords('Batch norm helps deep networks train faster');

  it.each([
    ['Batch-Norm', true],
    ['batch norm', true],
    ['faster', true],
    ['deep networks', true],
    ['NORM, helps', true],
    ['batch normalization', false],
    ['norm help', false],
    ['atch', false],
    ['networks deep', false],
    ['', false],
    ['--', false],
  ])('finds %j as whole words: %s', (phrase, found) => {
    expect(containsPhrase(text, phrase)).toBe(found);
  });

  it('finds nothing in empty text', () => {
    expect(containsPhrase('', 'norm')).toBe(false);
    expect(containsPhrase('', '')).toBe(false);
  });
});

describe('tokenize', () => {
  it('splits ASCII text into lower-case words with their offsets', () => {
    expect(tokenize('Hello, World 42!')).toEqual([
      { word: 'hello', start: 0, end: 5 },
      { word: 'world', start: 7, end: 12 },
      { word: '42', start: 13, end: 15 },
    ]);
    expect(tokenize('x → y')).toEqual([
      { word: 'x', start: 0, end: 1 },
      { word: 'y', start: 4, end: 5 },
    ]);
  });

  it('folds non-ASCII words, keeping their offsets in the original text', () => {
    expect(tokenize('ﬁne Café, x')).toEqual([
      { word: 'fine', start: 0, end: 3 },
      { word: 'cafe', start: 4, end: 8 },
      { word: 'x', start: 10, end: 11 },
    ]);
    expect(tokenize('Ünïcode—Straße ٣')).toEqual([
      { word: 'unicode', start: 0, end: 7 },
      { word: 'straße', start: 8, end: 14 },
      { word: '٣', start: 15, end: 16 },
    ]);
  });

  it('reads ASCII text as the runs of /[A-Za-z0-9]+/, at the edges of the text and of each class too', () => {
    // Every class boundary: digits, capitals and small letters, and their neighbours ('/', ':', '@', '[', '`', '{').
    const alphabet = ['a', 'z', 'A', 'Z', '0', '9', '/', ':', '@', '[', '`', '{', ' ', '-', '\n', '—'];
    const texts = [''];
    // Every text of up to three of them, then longer ones from a fixed pseudo-random sequence.
    for (let length = 1; length <= 3; length++) {
      for (let n = 0; n < alphabet.length ** length; n++) {
        texts.push(Array.from({ length }, (_, i) => alphabet[Math.floor(n / alphabet.length ** i) % alphabet.length]).join(''));
      }
    }
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    for (let n = 0; n < 500; n++) texts.push(Array.from({ length: 4 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join(''));
    for (const text of texts) {
      const expected = Array.from(text.matchAll(/[A-Za-z0-9]+/g), (m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
      expect(tokenize(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(texts.length).toBe(1 + 16 + 256 + 4096 + 500);
    expect(new Set(texts.slice(-500).join(''))).toEqual(new Set(alphabet));
  });

  it('finds no words in text without letters or digits', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- !')).toEqual([]);
    expect(tokenize('— → …')).toEqual([]);
  });
});

describe('hasNonAsciiLetters', () => {
  it.each([
    ['plain ascii 123', false],
    ['', false],
    ['x — y → z …', false],
    ['café', true],
    ['é', true],
    ['Straße', true],
    ['digit ٣', true],
    ['Ⅻ', true],
  ])('%j: %s', (text, expected) => {
    expect(hasNonAsciiLetters(text)).toBe(expected);
  });
});

describe('words', () => {
  it.each([
    ['Hello, world 42', ['hello', 'world', '42']],
    ['  Batch-Norm!  ', ['batch', 'norm']],
    ['x → y — z', ['x', 'y', 'z']],
    ['Ça va, NAÏVE—test', ['ca', 'va', 'naive', 'test']],
    [' ﬁne-tuning, GPT ', ['fine', 'tuning', 'gpt']],
    ['—Straße—', ['straße']],
    ['', []],
    ['---', []],
    ['— → …', []],
    ['β₁→x, naïve', ['β1', 'x', 'naive']],
    ['a\u0301b', ['a', 'b']],
    ['x\u00a0y z', ['x', 'y', 'z']],
    ['a😀b 日本語 text', ['a', 'b', '日本語', 'text']],
    ['Ⅻ—ok', ['xii', 'ok']],
  ])('gives the folded words of %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('gives the same words as tokenize', () => {
    for (const text of ['Hello, World 42!', 'ﬁne Café, x', 'Ünïcode—Straße ٣', 'β₁→x a\u0301b', 'x\u00a0y 😀日本語—ﬂow', 'Adam (β₁ = 0.9, β₂ = 0.999)']) {
      expect(words(text)).toEqual(tokenize(text).map((t) => t.word));
    }
  });
});

describe('stem', () => {
  beforeEach(() => vi.mocked(stemmer).mockClear());

  it.each([
    ['normalizing', 'normal'],
    ['networks', 'network'],
    ['running', 'run'],
    ['dropout', 'dropout'],
  ])('stems %s to %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it('asks the stemmer once per word and remembers the stem', () => {
    expect(stem('regularization')).toBe('regular');
    expect(stem('regularization')).toBe('regular');
    expect(stem('regularizing')).toBe('regular');
    expect(vi.mocked(stemmer).mock.calls).toEqual([['regularization'], ['regularizing']]);
  });
});
