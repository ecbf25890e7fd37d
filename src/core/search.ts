import Fuse from 'fuse.js';
import { stem, words as wordsOf } from './normalize.js';
import type { Question } from './bank/question.js';

export type SearchField = 'id' | 'question' | 'tags' | 'terms' | 'topic' | 'answer';

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
const FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];

function fieldText(question: Question, field: SearchField): string {
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

/** How close a bank word is to a query word, in (0, 1]. */
type WordMatches = Map<string, number>;

/**
 * The words of the bank that could stand for a query word, found by one native regular-expression
 * scan rather than by building a vocabulary of every word in the bank: words that begin like its
 * stem (or like the word itself), and, for words of five letters or more, words of about its
 * length with the same first letter (typo candidates).
 */
function candidateWords(corpus: string, queryWord: string): Map<string, Set<string>> {
  const queryStem = stem(queryWord);
  const stemPrefix = queryStem.slice(0, Math.max(1, queryStem.length - 1));
  const branches = [`${escapeRegExp(stemPrefix)}${WORD_CHAR}*`, `${escapeRegExp(queryWord)}${WORD_CHAR}*`];
  if (queryWord.length >= 5) {
    const errors = typoErrors(queryWord);
    branches.push(`${escapeRegExp(queryWord[0]!)}${WORD_CHAR}{${queryWord.length - 1 - errors},${queryWord.length - 1 + errors}}`);
  }
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${branches.join('|')})(?!${WORD_CHAR})`, 'giu');
  const found = new Set<string>();
  for (const match of corpus.matchAll(pattern)) found.add(match[0].toLowerCase());
  // Folded word → the spellings it had in the bank (accents and case aside, they are the same word).
  const words = new Map<string, Set<string>>();
  for (const surface of found) {
    const word = wordsOf(surface)[0] ?? surface;
    words.set(word, (words.get(word) ?? new Set()).add(surface));
  }
  return words;
}

const WORD_CHAR = '[\\p{L}\\p{N}]';
const typoErrors = (queryWord: string) => (queryWord.length >= 7 ? 2 : 1);

/**
 * How close each candidate is to a query word: the same word, the same stem, a longer word it
 * begins (`norm` → `normalization`), or, for words of five letters or more, a near spelling found
 * by fuse.js (`dropuot` → `dropout`). Short words match only exactly, so `rnn` never finds `cnn`.
 */
function matchQueryWord(queryWord: string, candidates: Iterable<string>): WordMatches {
  const matches: WordMatches = new Map();
  const queryStem = stem(queryWord);
  const typoCandidates: string[] = [];
  for (const word of candidates) {
    if (word === queryWord) matches.set(word, 1);
    else if (stem(word) === queryStem) matches.set(word, 0.85);
    else if (queryWord.length >= 4 && word.startsWith(queryWord)) matches.set(word, 0.8);
    else if (queryWord.length >= 5 && Math.abs(word.length - queryWord.length) <= typoErrors(queryWord)) typoCandidates.push(word);
  }
  if (typoCandidates.length > 0) {
    const threshold = (typoErrors(queryWord) + 0.5) / queryWord.length;
    const fuse = new Fuse(typoCandidates, { includeScore: true, ignoreLocation: true, threshold, isCaseSensitive: true });
    for (const result of fuse.search(queryWord)) matches.set(result.item, 0.9 * (1 - (result.score ?? 1)));
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

/**
 * Fuzzy search over question text, key terms, tags, topic and model answer, best first.
 * Each query word is matched on its own (typos forgiven), then questions are ranked with BM25 per field:
 * rare words count more, a word in the question text counts more than one in the answer, a
 * question holding the query as a phrase gets a bonus, and a question that contains every query
 * word outranks one that contains only some.
 *
 * `within` (the questions a --topic, --tag or --difficulty filter keeps) limits which questions are
 * returned, not how they are scored: word rarity and field lengths are those of the whole bank, so
 * a question's score is the same with or without a filter.
 */
export function searchQuestions(questions: readonly Question[], query: string, limit = 10, within?: Iterable<Question>): SearchHit[] {
  const queryWords = [...new Set(wordsOf(query))];
  if (queryWords.length === 0 || questions.length === 0) return [];
  const kept = within === undefined ? undefined : new Set(within);

  // Pass 1: every field's length (in characters: only its ratio to the average matters) and the
  // bank words each query word may stand for.
  const texts = questions.map((question) => FIELDS.map((field) => fieldText(question, field)));
  const lengths = FIELDS.map((_, f) => Float64Array.from(texts, (fields) => fields[f]!.length));
  const averageLength = lengths.map((values) => values.reduce((sum, v) => sum + v, 0) / questions.length || 1);
  // One scan of the whole bank per query word is much faster than one per field.
  const corpus = texts.flat().join('\n');
  const candidates = queryWords.map((word) => candidateWords(corpus, word));
  const wordMatches = queryWords.map((word, i) => matchQueryWord(word, candidates[i]!.keys()));
  const matched = new Set(wordMatches.flatMap((matches) => [...matches.keys()]));
  if (matched.size === 0) return [];

  // Pass 2: count only the matched words, with one native regular-expression scan per field.
  const spellings = [...new Set(candidates.flatMap((words) => [...words].filter(([word]) => matched.has(word)).flatMap(([, surfaces]) => [...surfaces])))];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${spellings.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const counts: Array<Map<string, Partial<Record<SearchField, number>>>> = [];
  const documentFrequency = new Map<string, number>();
  questions.forEach((question, index) => {
    let perWord: Map<string, Partial<Record<SearchField, number>>> | undefined;
    for (const [f, field] of FIELDS.entries()) {
      for (const match of texts[index]![f]!.matchAll(pattern)) {
        const word = wordsOf(match[0])[0]!;
        perWord ??= new Map();
        const entry = perWord.get(word) ?? {};
        if (!perWord.has(word)) {
          perWord.set(word, entry);
          documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
        }
        entry[field] = (entry[field] ?? 0) + 1;
      }
    }
    if (perWord) counts[index] = perWord;
  });

  const total = questions.length;
  const idf = (word: string) => {
    const df = documentFrequency.get(word) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
  const hits: Array<SearchHit & { raw: number; covered: number }> = [];
  questions.forEach((question, index) => {
    const perWord = counts[index];
    if (!perWord || (kept && !kept.has(question))) return;
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
        FIELDS.forEach((field, f) => {
          let tf = entry[field];
          if (!tf) return;
          fields.add(field);
          // Key terms, tags, id and topic repeat words across aliases: count presence, not frequency.
          if (field !== 'question' && field !== 'answer') tf = 1;
          const lengthNorm = 1 - B + (B * lengths[f]![index]!) / averageLength[f]!;
          fieldScores += (FIELD_WEIGHTS[field] * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
        });
        best = Math.max(best, closeness * idf(word) * fieldScores);
      }
      if (best > 0) covered++;
      raw += best;
    }
    if (raw === 0) return;
    const phrases = [question.question, ...question.keyTerms.flatMap((k) => [k.term, ...k.aliases])].map(wordsOf);
    if (hasPhrase(phrases, wordMatches)) raw *= PHRASE_BONUS;
    // A question named exactly what was searched for (its id) is the one meant.
    if (question.id.toLowerCase() === query.trim().toLowerCase().split(/\s+/).join('-')) raw *= PHRASE_BONUS;
    hits.push({ question, score: 0, words: [...words], fields: FIELDS.filter((f) => fields.has(f)), raw, covered });
  });
  hits.sort((a, b) => b.covered - a.covered || b.raw - a.raw || a.question.id.localeCompare(b.question.id));
  return hits.slice(0, limit).map(({ raw, covered, ...hit }) => ({
    ...hit,
    score: Math.round(((covered / queryWords.length) * raw) / (raw + 20) * 1000) / 1000,
  }));
}
