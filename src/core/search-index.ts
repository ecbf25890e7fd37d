import { words as wordsOf } from './normalize.js';
import type { Question } from './bank/question.js';
import { grown } from './typed-array.js';

/** The fields search looks in, in a fixed order: counts and lengths are arrays in this order. */
export const SEARCH_FIELDS = ['id', 'question', 'terms', 'tags', 'topic', 'answer'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How often one word stands in each field of one question, in SEARCH_FIELDS order. */
export type FieldCounts = readonly number[];

/** Counts stop here (BM25 has long saturated), so that the six fit in one number: see unpackCounts. */
export const MAX_COUNT = 255;

/**
 * A word's six field counts, from the one number they are packed in: a byte each, in SEARCH_FIELDS
 * order, the answer's lowest, so that the common case (a word of the answer only) is a small number.
 */
export function unpackCounts(packed: number): number[] {
  // Stryker disable next-line ArrayDeclaration: every element is assigned below
  const counts = [0, 0, 0, 0, 0, 0];
  for (let f = SEARCH_FIELDS.length - 1; f >= 0; f--) {
    counts[f] = packed % 256;
    packed = Math.floor(packed / 256);
  }
  return counts;
}

export interface Posting {
  question: Question;
  counts: FieldCounts;
}

/**
 * What search needs to know of a set of questions, without their text: the words they hold, where,
 * and how long each field is. Built in memory from the questions (indexQuestions), or read from the
 * bank cache, which stores one per folder so that a search reads only the words it needs.
 */
export interface TermIndex {
  /** How many questions it covers. */
  readonly size: number;
  /** Per field, the sum of its lengths over every question (for the average length BM25 needs). */
  readonly totalLengths: readonly number[];
  /** Every distinct folded word, one per line, for the scan that finds the words a query word may stand for. */
  vocabulary(): string;
  postings(word: string): readonly Posting[];
  /** The question's field lengths, in characters; undefined for a question it does not cover. */
  lengthsOf(question: Question): readonly number[] | undefined;
}

export function fieldText(question: Question, field: SearchField): string {
  switch (field) {
    case 'id':
      return question.id;
    case 'question':
      return question.question;
    case 'terms':
      return question.keyTerms.flatMap((k) => [k.term, ...k.aliases]).join(' ; ');
    case 'tags':
      return question.tags.join(' ');
    case 'topic':
      return question.topic;
    case 'answer':
      return question.answer;
  }
}

// The packed count's unit for each field: the answer's is 1 (see unpackCounts).
const UNITS = SEARCH_FIELDS.map((_, f) => 256 ** (SEARCH_FIELDS.length - 1 - f));

export interface QuestionTerms {
  /** Each word with its six field counts packed into one number (see unpackCounts). */
  counts: Map<string, number>;
  lengths: number[];
}

/**
 * Words numbered in the order first met: small whole numbers, as an index of a whole bank numbers
 * its words. Plain ASCII text is read into numbers without a string made for each word it holds
 * (numberIn): a table by hash of the letters finds the number from the text itself, and a word's
 * string is made only the first time it is met. A first read of 10,000 files met some ten million
 * words, each a string, a match and a map lookup, the most of its main thread's time.
 */
export class WordNumbers {
  readonly words: string[] = [];
  readonly #byWord = new Map<string, number>();
  /** Open addressing by hash of the folded letters: a word number, or -1 for an empty slot. */
  #slots = new Int32Array(64).fill(-1);
  #used = 0;

  /** The number of a folded word, given it now if it has none. */
  numberOf(word: string): number {
    let number = this.#byWord.get(word);
    if (number === undefined) this.#byWord.set(word, (number = this.words.push(word) - 1));
    return number;
  }

  /** The number of a word if it has one. */
  get(word: string): number | undefined {
    return this.#byWord.get(word);
  }

  /** The number of the word text[start, end), ASCII letters and digits, folded to lower case: as numberOf(text.slice(start, end).toLowerCase()) gives. */
  numberIn(text: string, start: number, end: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = foldedHash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const number = this.#slots[slot]!;
      if (number === -1) {
        const found = this.numberOf(text.slice(start, end).toLowerCase());
        this.#slots[slot] = found;
        if (++this.#used * 2 > this.#slots.length) this.#rehash();
        return found;
      }
      if (sameFolded(this.words[number]!, text, start, end)) return number;
    }
  }

  #rehash(): void {
    const numbers = this.#slots.filter((number) => number !== -1);
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = this.#slots.length - 1;
    for (const number of numbers) {
      const word = this.words[number]!;
      let slot = foldedHash(word, 0, word.length) & mask;
      while (this.#slots[slot] !== -1) slot = (slot + 1) & mask;
      this.#slots[slot] = number;
    }
  }
}

/** An ASCII letter's lower-case code; any other code as it is. */
const lowerCode = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/** A 32-bit FNV-1a hash of text[start, end) folded to lower case. */
function foldedHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), 0x01000193);
  return hash;
}

/** Whether `word` is text[start, end) folded to lower case. */
function sameFolded(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lowerCode(text.charCodeAt(start + i))) return false;
  return true;
}

/** Whether a code is an ASCII letter or digit. */
const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** One question's words with their counts per field, and its field lengths: what an index stores of it. */
export function questionTerms(question: Question): QuestionTerms {
  const numbers = new WordNumbers();
  const counts = new Map<string, number>();
  const lengths = countTerms(question, numbers, (number, packed) => counts.set(numbers.words[number]!, packed));
  return { counts, lengths };
}

/** countTerms' working space: packed counts by word number, all zero between calls, and the numbers met in a call. */
let countsByNumber = new Float64Array(1 << 12);
let numbersMet = new Int32Array(1 << 10);

/**
 * One question's words as `words` (normalize.ts) finds them, each given to `emit` once with its
 * packed counts (in the order first met), by the number `numbers` gives it. The counts are kept in
 * an array by those numbers, not in a map by word made for each question: no map to build and
 * walk for each of thousands of questions. Returns the question's field lengths.
 */
export function countTerms(question: Question, numbers: WordNumbers, emit: (number: number, packed: number) => void): number[] {
  let met = 0;
  const count = (number: number, unit: number) => {
    if (number >= countsByNumber.length) countsByNumber = grown(countsByNumber, number);
    const packed = countsByNumber[number]!;
    if (packed === 0) {
      if (met === numbersMet.length) numbersMet = grown(numbersMet, met);
      numbersMet[met++] = number;
    }
    if (Math.floor(packed / unit) % 256 < MAX_COUNT) countsByNumber[number] = packed + unit;
  };
  const lengths = SEARCH_FIELDS.map((field, f) => {
    const text = fieldText(question, field);
    const unit = UNITS[f]!;
    // Runs of ASCII letters and digits are words as they stand, read without a string each; a run
    // that holds anything beyond ASCII is read by wordsOf (folded, split at symbols such as —),
    // which reads it within the whole text the same way.
    let start = -1;
    let plain = true;
    for (let i = 0; i <= text.length; i++) {
      // NaN one past the end, which is neither: it ends the last run.
      const code = text.charCodeAt(i);
      if (isWordCode(code) || code > 0x7f) {
        if (start === -1) [start, plain] = [i, true];
        if (code > 0x7f) plain = false;
      } else if (start !== -1) {
        if (plain) count(numbers.numberIn(text, start, i), unit);
        else for (const word of wordsOf(text.slice(start, i))) count(numbers.numberOf(word), unit);
        start = -1;
      }
    }
    return text.length;
  });
  for (let i = 0; i < met; i++) {
    const number = numbersMet[i]!;
    emit(number, countsByNumber[number]!);
    countsByNumber[number] = 0;
  }
  return lengths;
}

/** An index of questions held in memory. */
export function indexQuestions(questions: readonly Question[]): TermIndex {
  const postings = new Map<string, Array<Question | number>>();
  const lengths = new Map<Question, number[]>();
  const totalLengths = [0, 0, 0, 0, 0, 0];
  for (const question of questions) {
    const terms = questionTerms(question);
    lengths.set(question, terms.lengths);
    terms.lengths.forEach((length, f) => (totalLengths[f]! += length));
    for (const [word, packed] of terms.counts) {
      const list = postings.get(word);
      if (list) list.push(question, packed);
      else postings.set(word, [question, packed]);
    }
  }
  let vocabulary: string | undefined;
  return {
    size: questions.length,
    totalLengths,
    vocabulary: () => (vocabulary ??= [...postings.keys()].join('\n')),
    postings: (word) => {
      const list = postings.get(word) ?? [];
      const out: Posting[] = [];
      for (let i = 0; i < list.length; i += 2) out.push({ question: list[i] as Question, counts: unpackCounts(list[i + 1] as number) });
      return out;
    },
    lengthsOf: (question) => lengths.get(question),
  };
}

/** Several indexes over disjoint sets of questions, read as one. */
export function joinIndexes(indexes: readonly TermIndex[]): TermIndex {
  // Stryker disable next-line ConditionalExpression: a shortcut; one index joined alone reads the same
  if (indexes.length === 1) return indexes[0]!;
  let vocabulary: string | undefined;
  return {
    size: indexes.reduce((sum, index) => sum + index.size, 0),
    totalLengths: [0, 1, 2, 3, 4, 5].map((f) => indexes.reduce((sum, index) => sum + index.totalLengths[f]!, 0)),
    vocabulary: () => (vocabulary ??= [...new Set(indexes.flatMap((index) => index.vocabulary().split('\n')))].join('\n')),
    postings: (word) => indexes.flatMap((index) => index.postings(word)),
    lengthsOf: (question) => {
      for (const index of indexes) {
        const lengths = index.lengthsOf(question);
        if (lengths) return lengths;
      }
      return undefined;
    },
  };
}

/** One index over a bank: the indexes a cache kept, and one built in memory for the questions they leave out. */
export function bankIndex(questions: readonly Question[], kept: readonly TermIndex[]): TermIndex {
  if (kept.length === 0) return indexQuestions(questions);
  const rest = questions.filter((question) => kept.every((index) => index.lengthsOf(question) === undefined));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; an index of no questions adds nothing
  return joinIndexes(rest.length > 0 ? [...kept, indexQuestions(rest)] : kept);
}
