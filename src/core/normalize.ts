import { stemmer } from 'stemmer';

/** Folds one word for comparison: compatibility forms, accents and case. */
export function foldWord(word: string): string {
  // Most words are plain ASCII, where Unicode normalisation changes nothing.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Folds text for comparing words: Unicode compatibility forms, case, accents, and every run of
 * punctuation or hyphens becomes one space. `Batch-Norm` and `batch norm` both become `batch norm`.
 */
export function normalizeWords(text: string): string {
  return foldWord(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a phrase occurs in already-normalised text as whole words. */
export function containsPhrase(normalizedText: string, phrase: string): boolean {
  const needle = normalizeWords(phrase);
  return needle !== '' && ` ${normalizedText} `.includes(` ${needle} `);
}

export interface Token {
  /** The folded word. */
  word: string;
  /** Offsets of the word in the original text: start inclusive, end exclusive. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into folded words, keeping where each stands in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Most text is ASCII, where a plain character class finds the same words several times faster.
  // Stryker disable next-line ConditionalExpression: a fast path; the general one below reads ASCII text the same
  if (!hasNonAsciiLetters(text)) {
    // A loop over the characters finds the runs of ASCII letters and digits without a match object
    // each: grading tokenizes every answer several times, and that garbage was a tenth of a batch.
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      // NaN one past the end, which is no letter: it ends the last word.
      const code = text.charCodeAt(i);
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
        if (start === -1) start = i;
      } else if (start !== -1) {
        tokens.push({ word: text.slice(start, i).toLowerCase(), start, end: i });
        start = -1;
      }
    }
    return tokens;
  }
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: foldWord(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_LETTER = /(?![\x00-\x7f])[\p{L}\p{N}]/u;
/** A run of lower-case ASCII letters and digits and of anything outside ASCII: a word, or several around symbols such as — or →. */
const WORD_OR_NON_ASCII_RUN = /(?:[a-z0-9]|[^\x00-\x7f])+/g;

/**
 * Whether text has a letter or digit outside ASCII (symbols such as — or → do not count). A plain
 * scan for any non-ASCII character comes first: five times faster than the \p{…} test, and enough for most text.
 */
export const hasNonAsciiLetters = (text: string) => NON_ASCII.test(text) && NON_ASCII_LETTER.test(text);

/** The folded words of a text, without positions: the fast path for indexing many documents. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  // Most bank text is ASCII, where a plain character class is several times faster than \p{…}.
  if (!hasNonAsciiLetters(lower)) return lower.match(ASCII_WORD) ?? [];
  // Text with a few non-ASCII letters (β₁, naïve): plain classes find the runs, and only a run
  // holding a non-ASCII character is split into words by \p{…} and folded.
  const out: string[] = [];
  for (const run of lower.match(WORD_OR_NON_ASCII_RUN) ?? []) {
    if (!NON_ASCII.test(run)) out.push(run);
    else for (const part of run.split(NON_WORD)) if (part !== '') out.push(ASCII.test(part) ? part : foldWord(part));
  }
  return out;
}

const stems = new Map<string, string>();

/** The Porter stem of a folded word (`normalizing` → `normal`), memoised: banks repeat words a lot. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = stemmer(word);
    if (stems.size < 200_000) stems.set(word, result);
  }
  return result;
}
