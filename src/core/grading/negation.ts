import type { Token } from '../normalize.js';

/** A negation this close before a word (in words, within one clause) negates it. */
export const NEGATION_REACH = 3;
const NEGATION_WORDS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'cannot', 'none', 'lack', 'lacks', 'lacking']);
/** `doesn't` is tokenised as `doesn` + `t`. */
const CONTRACTIONS = new Set(['don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'can', 'couldn', 'won', 'wouldn', 'shouldn', 'hasn', 'haven', 'hadn', 'mustn', 'needn', 'ain']);
/** Whether a folded word is itself a negation (`not`, `cannot`, …), which is no idea of its own. */
export const isNegationWord = (word: string) => NEGATION_WORDS.has(word);

/** Two-word negations: `instead of X`, `rather than X`. */
const NEGATION_PAIRS: Record<string, string> = { instead: 'of', rather: 'than' };
// Stryker disable next-line ConditionalExpression,EqualityOperator: a prefilter for isNegated, whose own loop decides; letting more words through changes no result
const mightNegate = (word: string) => NEGATION_WORDS.has(word) || word === 't' || word === 'instead' || word === 'rather';
const CLAUSE_BREAK_MARK = /[.;:!?\n]/;
// Words that start a new clause; `and` often starts a new statement ("it doesn't use labels and looks for patterns").
const CLAUSE_BREAK_WORDS = new Set(['but', 'however', 'and', 'while', 'whereas']);

/**
 * Whether a negation (`not`, `no`, `never`, `doesn't`, `without`, `instead of`, …) stands within
 * NEGATION_REACH words before the token at `index`, with no clause break between them.
 */
export function isNegated(tokens: readonly Token[], index: number, text: string): boolean {
  // Most words have no negation in reach: say so before looking for clause breaks, which costs more.
  // Stryker disable next-line BooleanLiteral: skipping the prefilter changes no result, only the cost
  let candidate = false;
  // Stryker disable next-line EqualityOperator: the word itself let through the prefilter changes no result; the loop below decides
  for (let i = Math.max(0, index - NEGATION_REACH); i < index && !candidate; i++) candidate = mightNegate(tokens[i]!.word);
  // Stryker disable next-line ConditionalExpression: a shortcut; without a candidate the loop below finds no negation either
  if (!candidate) return false;
  for (let i = index - 1; i >= Math.max(0, index - NEGATION_REACH); i--) {
    if (CLAUSE_BREAK_MARK.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) return false;
    const word = tokens[i]!.word;
    if (CLAUSE_BREAK_WORDS.has(word)) return false;
    if (NEGATION_WORDS.has(word)) return true;
    if (word === 't' && i > 0 && CONTRACTIONS.has(tokens[i - 1]!.word)) return true;
    const pair = NEGATION_PAIRS[word];
    // Stryker disable next-line ConditionalExpression,OptionalChaining: an undefined pair never equals a word, and tokens[i + 1] exists since i < index
    if (pair !== undefined && tokens[i + 1]?.word === pair && i + 1 < index) return true;
  }
  return false;
}
