import { isNegated, isNegationWord } from './negation.js';
import { stem, tokenize } from '../normalize.js';
import { keyTermCount, withChanges, type KeyTerm, type Question } from '../bank/question.js';
import { isStopword } from '../stopwords.js';
import { isClaimWord } from './keyword-list.js';
import { compareText } from '../locale-free.js';

/** At most this many key terms are derived from one answer: an interviewer listens for a handful of ideas. */
export const MAX_DERIVED_TERMS = 8;
/** A word the question itself uses shows little when the answer repeats it. */
const QUESTION_WORD_DISCOUNT = 0.35;

/** A word in the lead (the first paragraph, or the first two sentences) counts this many times: answers state the core there. */
const LEAD_WEIGHT = 3;

/** Where an answer's lead ends: its first paragraph, or its first two sentences when it is one paragraph. */
function leadLength(answer: string): number {
  const paragraph = answer.search(/\n\s*\n/);
  if (paragraph !== -1) return paragraph;
  const sentences = [...answer.matchAll(/[.!?](\s|$)/g)];
  return sentences.length > 2 ? sentences[1]!.index! + 1 : answer.length;
}

const ANALOGY = /\b(?:akin to|similar to how|analogous to|is like an?|imagine|think of it as|just as|much like)\b/i;

/** Sentences that illustrate by analogy ("This is akin to a team rotating players") say nothing an answer must. */
function asideSpans(answer: string): Array<[number, number]> {
  if (!ANALOGY.test(answer)) return [];
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const sentence of answer.split(/(?<=[.!?\n])/)) {
    if (ANALOGY.test(sentence)) spans.push([start, start + sentence.length]);
    start += sentence.length;
  }
  return spans;
}

/**
 * Words of explanatory prose that name no idea ("common", "allowing", "crucial"), and prefixes left
 * by splitting hyphenated words ("non-linear"): no derived key term is one of them.
 */
const EMPTY_WORDS = new Set(
  'common commonly allowing allow allows enabling enable enables ensuring ensure ensures various crucial essential important importance significant significantly overall effective effectively typically usually often specific particular particularly practice practical widely generally several certain different way ways thing things lot kind type types example examples instance including include includes involves involve involving known called able refers refer term terms concept approach technique techniques method methods non pre post sub multi semi self co re'.split(' '),
);

/** In how many of a bank's model answers each word stem occurs. */
export interface TermStatistics {
  documents: number;
  frequency: Map<string, number>;
}

const isContentWord = (word: string) => word.length >= 2 && !isStopword(word) && !isNegationWord(word) && !/^\d+$/.test(word) && !isClaimWord(word) && !EMPTY_WORDS.has(word);

/** The content words of a text with their stems and places; whether each is negated only when asked (it costs most). */
function contentStems(text: string, withNegation: boolean) {
  const tokens = tokenize(text);
  const out: Array<{ word: string; stem: string; negated: boolean; start: number }> = [];
  tokens.forEach((t, index) => {
    if (isContentWord(t.word)) out.push({ word: t.word, stem: stem(t.word), negated: withNegation && isNegated(tokens, index, text), start: t.start });
  });
  return out;
}

export function termStatistics(answers: readonly string[]): TermStatistics {
  const frequency = new Map<string, number>();
  for (const answer of answers) {
    for (const s of new Set(contentStems(answer, false).map((c) => c.stem))) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  }
  return { documents: answers.length, frequency };
}

/**
 * Derives key terms from a model answer: its content words, ranked by how specific they are to
 * this answer within the bank (rarer across the bank ranks higher, words the question already
 * uses rank lower) and by where they stand (the lead counts more; analogies not at all), weighted
 * by that specificity. Words that only make claims of other words (`is`, `reduces`, `when`) are
 * never terms, so a list of the terms reads as the bare list it is.
 */
export function deriveKeyTerms(question: Pick<Question, 'question' | 'answer'>, statistics: TermStatistics): KeyTerm[] {
  const questionStems = new Set(contentStems(question.question, false).map((c) => c.stem));
  const candidates = new Map<string, { count: number; negated: number; forms: Map<string, number> }>();
  const leadEnd = leadLength(question.answer);
  const asides = asideSpans(question.answer);
  for (const { word, stem: s, negated, start } of contentStems(question.answer, true)) {
    if (asides.some(([from, to]) => start >= from && start < to)) continue;
    const entry = candidates.get(s) ?? { count: 0, negated: 0, forms: new Map<string, number>() };
    entry.count += start < leadEnd ? LEAD_WEIGHT : 1;
    if (negated) entry.negated += start < leadEnd ? LEAD_WEIGHT : 1;
    entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
    candidates.set(s, entry);
  }
  const ranked = [...candidates].map(([s, entry]) => {
    const idf = Math.log((statistics.documents + 1) / ((statistics.frequency.get(s) ?? 0) + 1)) + 1;
    const specificity = idf * Math.sqrt(entry.count) * (questionStems.has(s) ? QUESTION_WORD_DISCOUNT : 1);
    const forms = [...entry.forms].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([form]) => form);
    return { forms, specificity, negated: entry.negated === entry.count };
  });
  ranked.sort((a, b) => b.specificity - a.specificity || compareText(a.forms[0]!, b.forms[0]!));
  const chosen = ranked.slice(0, MAX_DERIVED_TERMS);
  const top = chosen[0]?.specificity ?? 1;
  return chosen.map(({ forms, specificity, negated }) => ({
    term: forms[0]!,
    aliases: forms.slice(1),
    weight: Math.max(0.1, Math.round((specificity / top) * 100) / 100),
    core: false,
    ...(negated ? { negated } : {}),
  }));
}

/** Gives every question that lists no key terms a set derived from its model answer. */
export function withDerivedKeyTerms(questions: Question[]): Question[] {
  if (questions.every((q) => keyTermCount(q) > 0)) return questions;
  const statistics = termStatistics(questions.map((q) => q.answer));
  return questions.map((q) => (keyTermCount(q) > 0 ? q : withChanges(q, { keyTerms: deriveKeyTerms(q, statistics), keyTermsDerived: true })));
}
