import type { KeyTerm } from '../bank/question.js';
import { stem, tokenize } from '../normalize.js';
import { isTypo, KIND_RANK, type MatchKind } from './match.js';
import { isNegated } from './negation.js';
import { expandAbbreviation } from './text.js';

/** An answer read word by word, each word marked when a negation stands just before it. */
export interface AnswerWords {
  text: string;
  /** `fullStem`: the stem of the word an abbreviation stands for (`lr` → `learn`), if it is one. */
  words: Array<{ word: string; stem: string; fullStem: string | undefined; start: number; end: number; negated: boolean }>;
}

export function readAnswerWords(text: string): AnswerWords {
  const tokens = tokenize(text);
  const words: AnswerWords['words'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const { word, start, end } = tokens[i]!;
    const full = expandAbbreviation(word);
    words.push({ word, stem: stem(word), fullStem: full === undefined ? undefined : stem(full), start, end, negated: isNegated(tokens, i, text) });
  }
  return { text, words };
}

export interface DerivedHearing {
  heard?: { text: string; form: string; how: MatchKind };
  /** Where the word was said with the wrong polarity: under a negation, or without the one the model answer has. */
  wrongPolarity?: string;
}

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
  for (let i = 0; i <= term.aliases.length; i++) {
    const form = i === 0 ? term.term : term.aliases[i - 1]!;
    const formWord = form.toLowerCase();
    const formStem = stem(formWord);
    for (const w of answer.words) {
      const how: 'exact' | 'stem' | 'typo' | undefined =
        w.word === formWord ? 'exact' : w.stem === formStem || w.fullStem === formStem ? 'stem' : isTypo(formWord, w.word) ? 'typo' : undefined;
      if (!how) continue;
      if (w.negated !== (term.negated === true)) {
        wrongPolarity ??= answer.text.slice(w.start, w.end);
        continue;
      }
      // An alias ranks just behind the term's own word said the same way.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the term is read before its aliases and keeps a tie, so with whole-numbered kinds the half rank changes no choice
      const rank = KIND_RANK[how] + (i > 0 ? 0.5 : 0);
      if (!best || rank < best.rank) best = { text: answer.text.slice(w.start, w.end), form, how: how === 'exact' && i > 0 ? 'alias' : how, rank };
    }
  }
  if (best) return { heard: { text: best.text, form: best.form, how: best.how } };
  return wrongPolarity === undefined ? {} : { wrongPolarity };
}
