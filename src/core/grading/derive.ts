import { isNegated, isNegationWord } from './negation.js';
import { stem, tokenize } from '../normalize.js';
import type { KeyTerm, Question } from '../bank/question.js';
import { isStopword } from '../stopwords.js';

/** At most this many key terms are derived from one answer: an interviewer listens for a handful of ideas. */
export const MAX_DERIVED_TERMS = 8;
/** A word the question itself uses shows little when the answer repeats it. */
const QUESTION_WORD_DISCOUNT = 0.35;

/** In how many of a bank's model answers each word stem occurs. */
export interface TermStatistics {
  documents: number;
  frequency: Map<string, number>;
}

const contentStems = (text: string) => {
  const tokens = tokenize(text);
  return tokens
    .map((t, index) => ({ word: t.word, stem: stem(t.word), negated: isNegated(tokens, index, text) }))
    .filter((t) => t.word.length >= 2 && !isStopword(t.word) && !isNegationWord(t.word) && !/^\d+$/.test(t.word));
};

export function termStatistics(answers: readonly string[]): TermStatistics {
  const frequency = new Map<string, number>();
  for (const answer of answers) {
    for (const s of new Set(contentStems(answer).map((c) => c.stem))) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  }
  return { documents: answers.length, frequency };
}

/**
 * Derives key terms from a model answer: its content words, ranked by how specific they are to
 * this answer within the bank (rarer across the bank ranks higher, words the question already
 * uses rank lower), weighted by that specificity.
 */
export function deriveKeyTerms(question: Pick<Question, 'question' | 'answer'>, statistics: TermStatistics): KeyTerm[] {
  const questionStems = new Set(contentStems(question.question).map((c) => c.stem));
  const candidates = new Map<string, { count: number; negated: number; forms: Map<string, number> }>();
  for (const { word, stem: s, negated } of contentStems(question.answer)) {
    const entry = candidates.get(s) ?? { count: 0, negated: 0, forms: new Map<string, number>() };
    entry.count++;
    if (negated) entry.negated++;
    entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
    candidates.set(s, entry);
  }
  const ranked = [...candidates].map(([s, entry]) => {
    const idf = Math.log((statistics.documents + 1) / ((statistics.frequency.get(s) ?? 0) + 1)) + 1;
    const specificity = idf * Math.sqrt(entry.count) * (questionStems.has(s) ? QUESTION_WORD_DISCOUNT : 1);
    const forms = [...entry.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([form]) => form);
    return { forms, specificity, negated: entry.negated === entry.count };
  });
  ranked.sort((a, b) => b.specificity - a.specificity || a.forms[0]!.localeCompare(b.forms[0]!));
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
  if (questions.every((q) => q.keyTerms.length > 0)) return questions;
  const statistics = termStatistics(questions.map((q) => q.answer));
  return questions.map((q) => (q.keyTerms.length > 0 ? q : { ...q, keyTerms: deriveKeyTerms(q, statistics), keyTermsDerived: true }));
}
