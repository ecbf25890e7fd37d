import { stem, words as wordsOf } from './normalize.js';
import type { Question } from './bank/question.js';
import { indexQuestions, SEARCH_FIELDS, type FieldCounts, type SearchField, type TermIndex } from './search-index.js';
import { compareText } from './locale-free.js';
import { substringEditDistance } from './fuzzy-match.js';

export type { SearchField } from './search-index.js';

export interface SearchHit {
  question: Question;
  /** Relevance in [0, 1): higher is better; depends on the query and the whole bank searched, never on `within`. */
  score: number;
  /** The words of the bank that the query matched (folded), for highlighting. */
  words: string[];
  /** Fields in which a query word was found. */
  fields: SearchField[];
}

const FIELD_WEIGHTS: Record<SearchField, number> = { id: 8, question: 10, terms: 5, tags: 3, topic: 2, answer: 1 };

/** How close a bank word is to a query word, in (0, 1]. */
type WordMatches = Map<string, number>;

/**
 * The words of the bank that could stand for a query word, found by one native regular-expression
 * scan of the bank's vocabulary (one folded word a line): words that begin like its stem (or like
 * the word itself), and, for words of five letters or more, words of about its length with the
 * same first letter (typo candidates).
 */
function candidateWords(vocabulary: string, queryWord: string): Set<string> {
  const queryStem = stem(queryWord);
  const stemPrefix = queryStem.slice(0, Math.max(1, queryStem.length - 1));
  const branches = [`${escapeRegExp(stemPrefix)}${WORD_CHAR}*`, `${escapeRegExp(queryWord)}${WORD_CHAR}*`];
  if (queryWord.length >= 5) {
    const errors = typoErrors(queryWord);
    branches.push(`${escapeRegExp(queryWord[0]!)}${WORD_CHAR}{${queryWord.length - 1 - errors},${queryWord.length - 1 + errors}}`);
  }
  const pattern = new RegExp(`^(?:${branches.join('|')})$`, 'gmu');
  return new Set(Array.from(vocabulary.matchAll(pattern), (match) => match[0]));
}

const WORD_CHAR = '[\\p{L}\\p{N}]';
const typoErrors = (queryWord: string) => (queryWord.length >= 7 ? 2 : 1);

/**
 * How close each candidate is to a query word: the same word, the same stem, a longer word it
 * begins (`norm` → `normalization`), or, for words of five letters or more, a near spelling
 * (`dropuot` → `dropout`): one that holds the query within one edit, two from seven letters,
 * closer the fewer the edits (errors per letter, at least 0.001, as fuse.js scored it when it did
 * this). Short words match only exactly, so `rnn` never finds `cnn`.
 */
function matchQueryWord(queryWord: string, candidates: Iterable<string>): WordMatches {
  const matches: WordMatches = new Map();
  const queryStem = stem(queryWord);
  const errors = typoErrors(queryWord);
  for (const word of candidates) {
    if (word === queryWord) matches.set(word, 1);
    else if (stem(word) === queryStem) matches.set(word, 0.85);
    else if (queryWord.length >= 4 && word.startsWith(queryWord)) matches.set(word, 0.8);
    else if (queryWord.length >= 5 && Math.abs(word.length - queryWord.length) <= errors) {
      const distance = substringEditDistance(queryWord, word, errors);
      if (distance <= errors) matches.set(word, 0.9 * (1 - Math.max(0.001, distance / queryWord.length)));
    }
  }
  return matches;
}

const K1 = 1.2;
const B = 0.75;
const PHRASE_BONUS = 1.5;

/** Escapes a word for use inside a regular expression. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether consecutive query words stand next to each other (one filler word allowed) in a phrase. */
function hasPhrase(phrases: string[][], wordMatches: WordMatches[]): boolean {
  if (wordMatches.length < 2) return false;
  return phrases.some((words) =>
    words.some((_, start) => {
      let position = start;
      for (const [i, matches] of wordMatches.entries()) {
        if (i === 0) {
          if (!matches.has(words[position] ?? '')) return false;
          continue;
        }
        if (matches.has(words[position + 1] ?? '')) position += 1;
        else if (matches.has(words[position + 2] ?? '')) position += 2;
        else return false;
      }
      return true;
    }),
  );
}

// Keyed by the list itself: a list searched must not change afterwards (the CLI loads a fresh one per run).
const indexes = new WeakMap<readonly Question[], TermIndex>();
/** The in-memory index of a list of questions, built once per list (a bank is searched again and again in a session). */
function memoizedIndex(questions: readonly Question[]): TermIndex {
  let index = indexes.get(questions);
  // Stryker disable next-line ConditionalExpression: a cache; building the index again gives the same index
  if (!index) indexes.set(questions, (index = indexQuestions(questions)));
  return index;
}

/**
 * Fuzzy search over question text, key terms, tags, topic and model answer, best first.
 * Each query word is matched on its own (typos forgiven), then questions are ranked with BM25 per field:
 * rare words count more, a word in the question text counts more than one in the answer, a
 * question holding the query as a phrase gets a bonus, and a question that contains every query
 * word outranks one that contains only some.
 *
 * `within` (the questions a --topic, --tag or --difficulty filter keeps) limits which questions are
 * returned, not how they are scored: word rarity and field lengths are those of the whole bank, so
 * a question's score is the same with or without a filter. `index` is the bank's term index, if
 * one is at hand (the bank cache keeps one); otherwise one is built from the questions.
 */
export function searchQuestions(questions: readonly Question[], query: string, limit = 10, within?: Iterable<Question>, index?: TermIndex): SearchHit[] {
  const queryWords = [...new Set(wordsOf(query))];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; with no query word or no question nothing below matches
  if (queryWords.length === 0 || questions.length === 0) return [];
  const kept = within === undefined ? undefined : new Set(within);
  const terms = index ?? memoizedIndex(questions);

  const vocabulary = terms.vocabulary();
  const wordMatches = queryWords.map((word) => matchQueryWord(word, candidateWords(vocabulary, word)));
  const matched = new Set(wordMatches.flatMap((matches) => [...matches.keys()]));
  // Stryker disable next-line ConditionalExpression: a shortcut; with no word matched no question has a posting
  if (matched.size === 0) return [];

  // Per question, the counts of each matched word in each field.
  const counts = new Map<Question, Map<string, FieldCounts>>();
  const documentFrequency = new Map<string, number>();
  for (const word of matched) {
    const postings = terms.postings(word);
    documentFrequency.set(word, postings.length);
    for (const { question, counts: perField } of postings) {
      let perWord = counts.get(question);
      if (!perWord) counts.set(question, (perWord = new Map()));
      perWord.set(word, perField);
    }
  }

  const total = terms.size;
  const averageLength = terms.totalLengths.map((sum) => sum / total || 1);
  const idf = (word: string) => {
    const df = documentFrequency.get(word) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
  const hits: Array<SearchHit & { raw: number; covered: number }> = [];
  for (const [question, perWord] of counts) {
    if (kept && !kept.has(question)) continue;
    const lengths = terms.lengthsOf(question)!;
    let raw = 0;
    let covered = 0;
    const words = new Set<string>();
    const fields = new Set<SearchField>();
    for (const matches of wordMatches) {
      let best = 0;
      for (const [word, closeness] of matches) {
        const entry = perWord.get(word);
        if (!entry) continue;
        words.add(word);
        let fieldScores = 0;
        SEARCH_FIELDS.forEach((field, f) => {
          let tf = entry[f]!;
          if (!tf) return;
          fields.add(field);
          // Key terms, tags, id and topic repeat words across aliases: count presence, not frequency.
          if (field !== 'question' && field !== 'answer') tf = 1;
          const lengthNorm = 1 - B + (B * lengths[f]!) / averageLength[f]!;
          fieldScores += (FIELD_WEIGHTS[field] * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
        });
        best = Math.max(best, closeness * idf(word) * fieldScores);
      }
      if (best > 0) covered++;
      raw += best;
    }
    if (raw === 0) continue;
    // A question named exactly what was searched for (its id) is the one meant.
    if (question.id.toLowerCase() === query.trim().toLowerCase().split(/\s+/).join('-')) raw *= PHRASE_BONUS;
    hits.push({ question, score: 0, words: [...words], fields: SEARCH_FIELDS.filter((f) => fields.has(f)), raw, covered });
  }
  const byRank = (a: (typeof hits)[number], b: (typeof hits)[number]) => b.covered - a.covered || b.raw - a.raw || compareText(a.question.id, b.question.id);
  hits.sort(byRank);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut; one query word makes no phrase, and no hit has none to look for
  if (wordMatches.length > 1 && hits.length > 0) {
    // The phrase bonus needs a question's key terms, which a cached question reads from its file:
    // look for phrases only in hits that the bonus could lift into the results. Bonuses only
    // raise scores, so a hit whose raise cannot pass the one now last in the results never will.
    // Read before any bonus: the last hit may earn one in the loop.
    const { covered: lastCovered, raw: lastRaw } = hits[Math.min(limit, hits.length) - 1]!;
    for (const hit of hits) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a bound on the work; looking in more hits gives the same results (a test compares with looking in all)
      if (hit.covered < lastCovered || (hit.covered === lastCovered && hit.raw * PHRASE_BONUS < lastRaw)) break;
      const phrases = [hit.question.question, ...hit.question.keyTerms.flatMap((k) => [k.term, ...k.aliases])].map(wordsOf);
      if (hasPhrase(phrases, wordMatches)) hit.raw *= PHRASE_BONUS;
    }
    hits.sort(byRank);
  }
  return hits.slice(0, limit).map(({ raw, covered, ...hit }) => ({
    ...hit,
    score: Math.round(((covered / queryWords.length) * raw) / (raw + 20) * 1000) / 1000,
  }));
}
