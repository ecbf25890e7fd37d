import { stem, words } from '../normalize.js';
import { SYNONYM_TABLE } from './synonym-table.js';
import { EQUIVALENT_PHRASES, GENERAL_FAMILIES, GLUE_WORDS, LIGHT_VERBS, NEGATED_FAMILIES, NOUN_NEGATIONS, OPPOSITE_FAMILIES, VERB_NEGATIONS } from './lexicon-data.js';

/** A family key: `~less` for the family named `less`; `~not` and `~no` for negations. */
export type FamilyKey = string;
export const VERB_NEGATION: FamilyKey = '~not';
export const NOUN_NEGATION: FamilyKey = '~no';

interface LexiconPhrase {
  stems: string[];
  key: FamilyKey;
}

/**
 * British spellings folded to American before stemming, so `normalise`, `labelled` and `colour`
 * compare equal to `normalize`, `labeled` and `color` without a typo allowance.
 */
const americanized = new Map<string, string>();

export function americanize(word: string): string {
  // No British spelling it changes is shorter than `odour`.
  // Stryker disable next-line ConditionalExpression: a shortcut; no pattern below matches a word of under five letters
  if (word.length < 5) return word;
  let result = americanized.get(word);
  // Stryker disable next-line ConditionalExpression: a memo; spelling the word again gives the same result
  if (result !== undefined) return result;
  result = word
    .replace(/^(.{4,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2')
    .replace(/^(.{3,})ys(e|es|ed|ing|er|ers)$/, '$1yz$2')
    .replace(/^(.{3,}e)ll(ed|ing|er|ers)$/, '$1l$2')
    // The -our words by their roots, with the prefixes and endings they take (`misbehaviour`, `behavioural`, `odourless`).
    .replace(
      /^((?:dis|un|mis)?(?:col|behavi|fav|neighb|lab|flav|hon|hum|rum|vap|harb|od|arm|endeav|sav))our(s|ed|ing|ite|ites|ful|able|ably|al|ally|less|er|ers|ist|ists|ism|hood|hoods|y)?$/,
      '$1or$2',
    );
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound on the memo's size; remembering more or fewer words changes no result
  if (americanized.size < 200_000) americanized.set(word, result);
  return result;
}

/** Irregular forms Porter leaves apart (`goes`, `went`, `broken`), read as their base verb. */
const IRREGULAR = new Map<string, string>(
  Object.entries({
    go: 'goes went gone going',
    do: 'does did done doing',
    have: 'has had having',
    break: 'broke broken',
    grow: 'grew grown',
    shrink: 'shrank shrunk shrunken',
    blow: 'blew blown',
    rise: 'rose risen',
    fall: 'fell fallen',
    take: 'took taken',
    give: 'gave given',
    make: 'made',
    keep: 'kept',
    get: 'got gotten',
    become: 'became',
    lose: 'lost',
    find: 'found',
    hold: 'held',
    show: 'shown',
    know: 'knew known',
    bring: 'brought',
    feed: 'fed',
    lead: 'led',
    speed: 'sped',
    draw: 'drew drawn',
    stick: 'stuck',
    choose: 'chose chosen',
    begin: 'began begun',
    run: 'ran running',
    learn: 'learnt',
    spill: 'spilt',
    see: 'saw seen',
    write: 'wrote written',
    drive: 'drove driven',
    bias: 'biases',
    add: 'adding added adds',
    slide: 'slid',
    die: 'dies died dying',
  }).flatMap(([base, forms]) => forms.split(' ').map((form): [string, string] => [form, base])),
);

/**
 * Words Porter stems together although they mean different things: `generalize`, `generate`
 * and `general` all become `gener`, `normalize` and `normal` both `normal`.
 */
const SPLIT_STEMS: readonly [RegExp, string][] = [
  [/^generali[sz]/, 'generaliz'],
  [/^generator/, 'generator'],
  [/^generat/, 'generat'],
  [/^general(?:ly)?$/, 'general'],
  [/^normali[sz]/, 'normaliz'],
  [/^supervi[sz]/, 'supervis'],
];

const stems = new Map<string, string>();

/** The stem a word is compared by: British spelling folded, then Porter-stemmed (memoised: answers repeat words). */
export function wordStem(word: string): string {
  let result = stems.get(word);
  // Stryker disable next-line ConditionalExpression: a memo; stemming the word again gives the same result
  if (result === undefined) {
    result = SPLIT_STEMS.find(([pattern]) => pattern.test(word))?.[1] ?? stem(IRREGULAR.get(word) ?? americanize(word));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound on the memo's size; remembering more or fewer stems changes no result
    if (stems.size < 200_000) stems.set(word, result);
  }
  return result;
}

let index: Map<string, LexiconPhrase[]> | undefined;
const familyOfPhrase = new Map<string, FamilyKey>();

function lexiconIndex(): Map<string, LexiconPhrase[]> {
  // Stryker disable next-line ConditionalExpression: a memo; building the index again gives the same index
  if (index) return index;
  index = new Map();
  const add = (phrase: string, key: FamilyKey) => {
    // Stryker disable next-line Regex,MethodExpression: no phrase of lexicon-data.ts starts or ends with a separator or has two in a row, so no empty word to drop
    const stems = phrase.split(/[^a-z0-9]+/).filter(Boolean).map(wordStem);
    // Stryker disable next-line ConditionalExpression: no phrase of lexicon-data.ts is empty
    if (stems.length === 0) return;
    const list = index!.get(stems[0]!) ?? [];
    list.push({ stems, key });
    index!.set(stems[0]!, list);
    // Stryker disable next-line StringLiteral: familyOfPhrase is only read for single words (isGeneralWord), which have no joins
    familyOfPhrase.set(stems.join(' '), key);
  };
  for (const family of EQUIVALENT_PHRASES) for (const phrase of family) add(phrase, `~${family[0]}`);
  for (const phrase of VERB_NEGATIONS) add(phrase, VERB_NEGATION);
  for (const phrase of NOUN_NEGATIONS) add(phrase, NOUN_NEGATION);
  // Longest first, so `very small` wins over `small` and `no labels` is read before `no`.
  for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return index;
}

/**
 * The lexicon phrase that starts at `at` in a run of word stems, longest first: its family key
 * and how many words it covers, or undefined.
 */
export function lexiconPhraseAt(stems: readonly string[], at: number, limit: number): { key: FamilyKey; length: number } | undefined {
  const candidates = lexiconIndex().get(stems[at]!);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (at + phrase.stems.length > limit) continue;
    if (phrase.stems.every((s, i) => stems[at + i] === s)) return { key: phrase.key, length: phrase.stems.length };
  }
  return undefined;
}

const generalFamilies = new Set(GENERAL_FAMILIES.map((name) => `~${name}`));

/** Whether a single word belongs to a family of general English (`large`, `slow`, `remove`), not of the domain (`gradient`). */
export function isGeneralWord(word: string): boolean {
  lexiconIndex();
  const family = familyOfPhrase.get(wordStem(word));
  // Stryker disable next-line ConditionalExpression: a set of family names never has undefined
  return family !== undefined && generalFamilies.has(family);
}

/** What `not X` means when X is a family with a named opposite (`not stable` → `~unstable`), else `un` + X. */
export function negatedKey(key: string): string {
  if (key.startsWith('~')) {
    const opposite = Object.hasOwn(NEGATED_FAMILIES, key.slice(1)) ? NEGATED_FAMILIES[key.slice(1)] : undefined;
    if (opposite) return `~${opposite}`;
  }
  return key.startsWith('un~') ? key.slice(2) : `un${key}`;
}

const opposites = new Map<FamilyKey, FamilyKey>(OPPOSITE_FAMILIES.flatMap(([a, b]) => [[`~${a}`, `~${b}`], [`~${b}`, `~${a}`]]));

/** The family that says the opposite (`~less` ↔ `~more`), for spotting reversed claims. */
export const oppositeOf = (key: FamilyKey): FamilyKey | undefined => opposites.get(key);

export const GLUE = new Set(GLUE_WORDS);
export const LIGHT = new Set(LIGHT_VERBS);

let synonymIndex: Map<string, readonly string[]> | undefined;
const NO_SYNONYMS: readonly string[] = [];

/**
 * General English synonyms of a word from WordNet (`huge` → `immense`, `vast`): first senses
 * only, in the word's usual part of speech, and never across an antonym link (see
 * scripts/build-synonyms.mjs). Words the shared lexicon knows are matched through it instead.
 */
export function synonymsOf(word: string): readonly string[] {
  // Stryker disable next-line ConditionalExpression: a memo; reading the table again gives the same index
  if (!synonymIndex) {
    synonymIndex = new Map();
    for (const line of SYNONYM_TABLE.split('\n')) {
      const [head, ...rest] = line.split(' ');
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: every line of the table has a head and synonyms; a word set to none reads as one never set
      if (head && rest.length > 0) synonymIndex.set(head, rest);
    }
  }
  return synonymIndex.get(word) ?? NO_SYNONYMS;
}

/** The words of a text that carry meaning: folded, without glue words. */
export const contentWords = (text: string): string[] => words(text).filter((w) => !GLUE.has(w));
