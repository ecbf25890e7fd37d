import { isNegated, isNegationWord } from './negation.js';
import { stem, tokenize } from '../normalize.js';
import { isTypo, type MatchKind } from './match.js';
import { expandAbbreviation } from './text.js';
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

/** An answer read word by word, each word marked when a negation stands just before it. */
export interface AnswerWords {
  text: string;
  words: Array<{ word: string; stem: string; full?: string; start: number; end: number; negated: boolean }>;
}

export function readAnswerWords(text: string): AnswerWords {
  const tokens = tokenize(text);
  return {
    text,
    words: tokens.map((t, i) => {
      const full = expandAbbreviation(t.word);
      return { word: t.word, stem: stem(t.word), ...(full ? { full } : {}), start: t.start, end: t.end, negated: isNegated(tokens, i, text) };
    }),
  };
}

export interface DerivedHearing {
  heard?: { text: string; form: string; how: MatchKind };
  /** Where the word was said with the wrong polarity: under a negation, or without the one the model answer has. */
  wrongPolarity?: string;
}

const RANK: Record<string, number> = { exact: 0, stem: 1, typo: 2 };

/**
 * Hears a derived key term word by word, as a plain word list would: derived terms are single
 * content words of a model answer, not ideas, so the lexicon's families (`low` for `less`) and the
 * binding of negations to ideas would only blur them. Words are stemmed as the derivation stems
 * them, so a term is heard in the forms it was derived from. A term the model answer negates must
 * be negated here too.
 */
export function hearDerivedTerm(term: KeyTerm, answer: AnswerWords): DerivedHearing {
  let best: DerivedHearing['heard'] & { rank: number } | undefined;
  let wrongPolarity: string | undefined;
  for (const [i, form] of [term.term, ...term.aliases].entries()) {
    const formWord = form.toLowerCase();
    const formStem = stem(formWord);
    for (const w of answer.words) {
      const how: MatchKind | undefined =
        w.word === formWord ? 'exact' : w.stem === formStem || (w.full !== undefined && stem(w.full) === formStem) ? 'stem' : isTypo(formWord, w.word) ? 'typo' : undefined;
      if (!how) continue;
      if (w.negated !== (term.negated === true)) {
        wrongPolarity ??= answer.text.slice(w.start, w.end);
        continue;
      }
      const rank = RANK[how]! + (i > 0 ? 0.5 : 0);
      if (!best || rank < best.rank) best = { text: answer.text.slice(w.start, w.end), form, how: how === 'exact' && i > 0 ? 'alias' : how, rank };
    }
  }
  if (best) return { heard: { text: best.text, form: best.form, how: best.how } };
  return wrongPolarity === undefined ? {} : { wrongPolarity };
}
