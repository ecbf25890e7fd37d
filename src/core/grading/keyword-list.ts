import { tokenize } from '../normalize.js';

/** Words that make a statement of a list of terms: verbs of being and doing, connectives, comparisons. */
const CLAIM_WORDS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must',
  'because', 'so', 'since', 'which', 'that', 'when', 'if', 'then', 'by', 'to', 'into', 'than', 'where', 'while', 'whereas', 'but', 'not', 'no', 'never', 'without',
  'means', 'makes', 'lets', 'keeps', 'uses', 'gives', 'helps', 'stops', 'causes', 'reduces', 'increases', 'learns', 'turns', 'becomes', 'gets',
  'use', 'add', 'apply', 'keep', 'make', 'let', 'help', 'stop', 'avoid', 'prevent', 'reduce', 'increase', 'train', 'learn', 'compute', 'shrink', 'grow',
  'vanish', 'explode', 'remove', 'drop', 'scale', 'clip', 'normalize', 'normalise', 'stays', 'remain', 'remains', 'via', 'for', 'from', 'with', 'of', 'per',
]);
/** Whether a word makes a claim of a list of terms (a verb of being or doing, a connective): no derived key term is one. */
export const isClaimWord = (word: string) => CLAIM_WORDS.has(word) || FUNCTION_WORDS.has(word);

/** Symbols that state a relation between terms in terse notes: `->`, `=`, `<`, `:`. */
const RELATION_SYMBOLS = /->|→|=>|=|<|>|:|≈|\(|\+|\*/;

/**
 * Whether an answer is a bare list of terms with nothing said about them ("pruning,
 * quantization, distillation, INT8"): four or more short items, no verbs or connectives that
 * would make a claim, and none of the arrows or equals signs of terse notes.
 */
export function isKeywordList(text: string): boolean {
  const words = tokenize(text).map((t) => t.word);
  return isCommaList(text, words) || isWordSalad(text, words);
}

/**
 * Seven or more words strung together with no function word at all: `Clipping normalization LSTM
 * NaN chain-rule`. Two or three phrases (`He init, also called Kaiming, suits ReLU`; `He init
 * suits ReLU. Xavier suits tanh.`) are terse statements, whose verbs no closed list of words can
 * name: a salad is one run of words, or a list of four or more.
 */
function isWordSalad(text: string, words: readonly string[]): boolean {
  if (words.length < 7 || RELATION_SYMBOLS.test(text)) return false;
  // Most answers hold a function word, which settles it before the phrases are counted.
  if (words.some((w) => CLAIM_WORDS.has(w) || FUNCTION_WORDS.has(w))) return false;
  const phrases = text.split(PHRASE_BREAK).filter((phrase) => /[\p{L}\p{N}]/u.test(phrase)).length;
  return phrases !== 2 && phrases !== 3;
}

/** Where a phrase ends: a comma, a semicolon, or a sentence's end (a full stop before a space or the end, not a decimal point). */
const PHRASE_BREAK = /[,;!?]|\.(?=\s|$)/;

const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'at', 'it', 'its', 'they', 'this', 'as', 'like', 'each', 'every', 'all', 'more', 'less', 'too', 'very', 'and', 'or']);

function isCommaList(text: string, words: readonly string[]): boolean {
  const items = text.split(/[,\n•·|]+|\band\b|\bor\b/i).map((item) => item.trim()).filter((item) => /[\p{L}\p{N}]/u.test(item));
  if (items.length < 4) return false;
  if (words.some((w) => CLAIM_WORDS.has(w))) return false;
  // Stryker disable next-line StringLiteral: any replacement without a relation sign reads the same
  if (RELATION_SYMBOLS.test(text.replace(/\b\d+:\d+\b/g, ''))) return false;
  const sizes = items.map((item) => tokenize(item).length);
  return sizes.filter((n) => n <= 4).length >= items.length * 0.8 && words.length / items.length <= 3.5;
}

/** Whether a question asks for a list ("What are some applications…?", "Name three…"), where a list is the answer. */
export function asksForList(question: string): boolean {
  return /\b(?:list|name|examples?|applications?|what are some|give some)\b/i.test(question);
}
