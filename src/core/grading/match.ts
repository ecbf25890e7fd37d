import { substringEditDistance } from '../fuzzy-match.js';
import { isStopword } from '../stopwords.js';
import { oppositeOf, synonymsOf } from './lexicon.js';
import { englishWords } from './word-list.js';
import { readUnits, type Unit } from './text.js';

/** How an answer expressed an idea: its own words, an alias, a word of the same family, another form of the word, or a typo. */
export type MatchKind = 'exact' | 'alias' | 'synonym' | 'stem' | 'typo';
type UnitMatch = Exclude<MatchKind, 'alias'>;

export interface Occurrence {
  how: UnitMatch;
  /** The first and last answer units of the match. */
  first: number;
  last: number;
  /** Found as modifiers sharing a head noun, which several ideas may rightly share. */
  coordinated?: boolean;
}

/** A phrase of a rubric, read into units like an answer. */
export interface Phrase {
  units: Unit[];
  /** Indices of the units that carry meaning; glue words may be left out or added. */
  content: number[];
  /** The words written as one (`batchnorm` for `batch norm`), for plain phrases. */
  joined: string;
}

/** One way of saying an idea: a phrase, or `A ... B`, parts that must share a clause. */
export interface Form {
  text: string;
  isAlias: boolean;
  parts: Phrase[];
}

/** How sure each kind of match is, surest first. */
export const KIND_RANK: Record<UnitMatch, number> = { exact: 0, synonym: 1, stem: 2, typo: 3 };
// Stryker disable next-line EqualityOperator: kinds of equal rank are the same kind, so either may be returned
const worse = (a: UnitMatch, b: UnitMatch) => (KIND_RANK[a] >= KIND_RANK[b] ? a : b);
export const isBetter = (a: UnitMatch, b: UnitMatch) => KIND_RANK[a] < KIND_RANK[b];

/** How many other words a phrase may take between its own (`training k models is expensive`). */
const LOOSE_FILLERS = 2;

/** How much closer crossed pairs must lie than the written ones to read a pairing as swapped. */
const CROSSING_MARGIN = 2;

/** The parts of a relation have at most this many words of meaning between them. */
const RELATION_SPAN = 10;

/**
 * Typos allowed in a word: none up to four letters (so `RNN` never matches `CNN`), one up to
 * seven letters, two from eight.
 */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}

/** A word without one inflectional ending: `smallest`, `smaller` → `small`. */
const inflectionBase = (word: string) => word.replace(/(?:est|er|ing|ed|es|s|ly)$/, '');

/**
 * Whether a word is on the list of common English words: a binary search of the sorted list where
 * it stands, one word read at each step. Grading asks about few words (some 2,800 for a batch of
 * 2,273 answers), so sets of the list's 60,000 words cost more to build than every search made.
 */
export function isEnglishWord(word: string): boolean {
  const list = englishWords();
  // [low, high): a stretch of the list from a word's first letter to a word's end.
  let low = 0;
  let high = list.length;
  // Stryker disable next-line EqualityOperator: one more step where the stretch is empty reads a word around `low` again and finds nothing new
  while (low < high) {
    const middle = (low + high) >>> 1;
    // The word around `middle`, or the one it ends, when `middle` is the line break after a word.
    const found = list.indexOf('\n', middle);
    const end = found === -1 ? list.length : found;
    const start = list.lastIndexOf('\n', end - 1) + 1;
    const listed = list.slice(start, end);
    if (listed === word) return true;
    // Stryker disable next-line EqualityOperator: equal words returned just above
    if (listed < word) low = end + 1;
    else high = start - 1;
  }
  return false;
}

/** Whether two words differ only by one swap of neighbouring letters (`dropuot`), which an edit distance counts as two. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // The first difference and the letter after it, crossed, and nothing different after them.
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Whether an answer word is a typo of a rubric word: both of five letters or more, the same first
 * letter (slips rarely hit it, and it keeps `overfitting` from matching `underfitting`), a length
 * within the budget, the answer's word not a common English word of its own, and the rubric word
 * found in it within the budget's edits (case aside), or one swap of neighbouring letters.
 */
export function isTypo(termWord: string, answerWord: string): boolean {
  const budget = typoBudget(termWord.length);
  if (budget === 0 || answerWord.length < 5 || termWord[0] !== answerWord[0] || Math.abs(termWord.length - answerWord.length) > budget) return false;
  // A real word is said on purpose: `majority` is no slip for `minority`, though `smallest` may
  // stand for `smaller`.
  if (isEnglishWord(answerWord) && inflectionBase(answerWord) !== inflectionBase(termWord)) return false;
  return isSwap(termWord, answerWord) || substringEditDistance(termWord.toLowerCase(), answerWord.toLowerCase(), budget) <= budget;
}

function compareUnit(term: Unit, answer: Unit): UnitMatch | undefined {
  if (term.key === answer.key) return term.word === answer.word ? 'exact' : term.surface === answer.surface ? 'stem' : term.family || answer.family ? 'synonym' : 'stem';
  if (answer.expanded && (answer.expanded.word === term.word || answer.expanded.key === term.key)) return 'stem';
  if (answer.negated || term.negated) return undefined;
  // Two words of different families are different words, however alike they look (`minimize`, `maximize`).
  if (term.family && answer.family) return undefined;
  // Stryker disable next-line ConditionalExpression,StringLiteral: never reached: a word's key comes from the word, so equal words returned above (or were negated)
  if (answer.word === term.word) return 'exact';
  if (answer.truncated && !term.word.includes(' ') && term.word.length > answer.word.length + 1 && term.word.startsWith(answer.word)) return 'stem';
  if (!term.word.includes(' ') && synonymsOf(term.word).includes(answer.word)) return 'synonym';
  // A typo of a single word, whether or not the lexicon knows the word (`gradeint` for `gradient`).
  if (!answer.known && !term.word.includes(' ') && !answer.word.includes(' ') && isTypo(term.word, answer.word)) return 'typo';
  return undefined;
}

function readPhrase(text: string): Phrase | undefined {
  const units = readUnits(text);
  if (units.length === 0) return undefined;
  const content = units.map((_, i) => i).filter((i) => !units[i]!.glue);
  return { units, content: content.length > 0 ? content : units.map((_, i) => i), joined: units.every((u) => !u.family) ? units.map((u) => u.word).join('') : '' };
}

/** Reads a term, alias or claim; `A ... B` becomes a relation of two parts. */
export function readForm(text: string, isAlias: boolean): Form | undefined {
  const parts = text.split(/\s*(?:\.\.\.|…)\s*/).map(readPhrase);
  if (parts.some((p) => p === undefined)) return undefined;
  return { text, isAlias, parts: parts as Phrase[] };
}

/** The same form with one family word turned into its opposite (`increases` → `decreases`): one variant per such word. */
export function reversedForms(form: Form): Form[] {
  const out: Form[] = [];
  form.parts.forEach((part, p) =>
    part.units.forEach((unit, u) => {
      const opposite = oppositeOf(unit.key);
      if (!opposite) return;
      const units = part.units.map((x, i) => (i === u ? { ...x, key: opposite, word: opposite } : x));
      out.push({ ...form, parts: form.parts.map((x, i) => (i === p ? { ...x, units } : x)) });
    }),
  );
  return out;
}

/**
 * An answer read for matching, with what one grading learns about it along the way: a rubric
 * asks about the same words and phrases many times (aliases, relations, their rivals).
 */
export class Answer {
  readonly content: number[];
  /** For each unit, its place in `content`, or -1 for glue. */
  readonly contentPosition: number[];
  private readonly byKey = new Map<string, number[]>();
  /** Single words by their first letter: where a typo, a word cut short, or a word written joined or split up can start. */
  private readonly byFirstLetter = new Map<string, number[]>();
  private readonly positionsOf = new Map<string, number[]>();
  private readonly phrases = new Map<Phrase, Occurrence[]>();

  readonly units: readonly Unit[];

  /** `knownWords` are words of the question's own texts: real words here, never typos of others. */
  constructor(
    units: readonly Unit[],
    readonly text: string,
    knownWords: ReadonlySet<string> = new Set(),
  ) {
    this.units = units.map((u) => {
      if (knownWords.has(u.word)) return { ...u, known: true };
      // `Sup.`, `classif.`: a short word the question never uses, cut off by a full stop.
      if (!u.family && /^[a-z]{3,7}$/.test(u.word) && text[u.end] === '.' && !isStopword(u.word)) return { ...u, truncated: true };
      return u;
    });
    units = this.units;
    this.content = units.map((_, i) => i).filter((i) => !units[i]!.glue);
    this.contentPosition = units.map(() => -1);
    this.content.forEach((unit, at) => (this.contentPosition[unit] = at));
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    units.forEach((u, i) => {
      add(this.byKey, u.key, i);
      // Stryker disable next-line ConditionalExpression: indexing a word under its own key again adds a place already listed, and places are read as a set
      if (u.word !== u.key) add(this.byKey, u.word, i);
      if (u.expanded) add(this.byKey, u.expanded.key, i);
      if (!u.negated && !u.word.includes(' ')) add(this.byFirstLetter, u.word[0]!, i);
    });
  }

  /** Where the answer has a unit that matches this rubric unit, in order. */
  positions(unit: Unit): number[] {
    const id = `${unit.family ? 1 : 0}${unit.key}\u0000${unit.word}`;
    let result = this.positionsOf.get(id);
    // Stryker disable next-line ConditionalExpression: a memo; finding the places again gives the same places
    if (!result) {
      const candidates = new Set([
        ...(this.byKey.get(unit.key) ?? []),
        ...(this.byKey.get(unit.word) ?? []),
        ...(unit.negated ? [] : synonymsOf(unit.word).flatMap((synonym) => this.byKey.get(synonym) ?? [])),
        // Stryker disable next-line ConditionalExpression,LogicalOperator: only narrows the candidates; compareUnit rejects a negated or many-word unit found this way
        ...(unit.negated || unit.word.includes(' ') ? [] : this.startingWith(unit.word[0]!)),
      ]);
      result = [...candidates].filter((i) => compareUnit(unit, this.units[i]!) !== undefined).sort((a, b) => a - b);
      this.positionsOf.set(id, result);
    }
    return result;
  }

  /** Where single words starting with this letter stand. */
  startingWith(letter: string): readonly number[] {
    return this.byFirstLetter.get(letter) ?? [];
  }

  /** Every place the phrase occurs (see findPhrase), computed once per phrase. */
  find(phrase: Phrase): Occurrence[] {
    let result = this.phrases.get(phrase);
    // Stryker disable next-line ConditionalExpression: a memo; finding the phrase again gives the same places
    if (!result) {
      result = findPhrase(phrase, this);
      this.phrases.set(phrase, result);
    }
    return result;
  }
}

/** Every place in the answer where a phrase occurs: as written, joined up (`batchnorm`), or as a loose phrase. */
function findPhrase(phrase: Phrase, context: Answer): Occurrence[] {
  const { units: answer, text } = context;
  const found: Occurrence[] = [];
  const n = phrase.units.length;
  // Every word of the phrase must be somewhere in the answer, unless the answer writes it as one word.
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: a shortcut; every search it guards compares each word of the phrase itself
  const allPresent = phrase.content.every((i) => context.positions(phrase.units[i]!).length > 0);
  // Stryker disable next-line ConditionalExpression: a shortcut; the search below compares each word itself
  if (allPresent) {
    // The phrase's content words in a row; glue words may be left out or added (`add ... to the loss`).
    const words = phrase.content.map((i) => phrase.units[i]!);
    for (const start of context.positions(words[0]!)) {
      const at = context.contentPosition[start]!;
      if (at < 0 || at + words.length > context.content.length) continue;
      const last = context.content[at + words.length - 1]!;
      if (answer[start]!.clause !== answer[last]!.clause) continue;
      let how: UnitMatch | undefined = 'exact';
      for (let i = 0; i < words.length && how; i++) {
        const kind = compareUnit(words[i]!, answer[context.content[at + i]!]!);
        how = kind && worse(how, kind);
      }
      if (how) found.push({ how, first: start, last });
    }
  }
  // Written as one word or as several: `batchnorm` for `batch norm`, `back propagation` for `backpropagation`.
  for (const start of phrase.joined ? context.startingWith(phrase.joined[0]!) : []) {
    const head = answer[start]!;
    if (head.family) continue;
    if (n > 1) {
      if (head.word === phrase.joined) found.push({ how: 'exact', first: start, last: start });
      // A typo only in one word written for several (`batchnrom`); joining several answer words and
      // forgiving errors too would let `use labelled` pass for `unlabelled`.
      else if (phrase.units.every((u) => u.word.length >= 3) && isTypo(phrase.joined, head.word)) found.push({ how: 'typo', first: start, last: start });
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; the loop below stops at once when the joined words stop being a prefix of the phrase
    if (!phrase.joined.startsWith(head.word) || head.word.length === phrase.joined.length) continue;
    let joined = head.word;
    for (let span = 2; span <= 3 && start + span <= answer.length; span++) {
      const next = answer[start + span - 1]!;
      if (next.family) break;
      joined += next.word;
      if (joined === phrase.joined) found.push({ how: 'exact', first: start, last: start + span - 1 });
      if (!phrase.joined.startsWith(joined)) break;
    }
  }
  if (allPresent && phrase.content.length >= 2 && found.length === 0) found.push(...findLoosePhrase(phrase, answer, context.content, text), ...findCoordinated(phrase, answer, text));
  return found;
}

/**
 * A phrase with its words reordered, or with one filler word between them: `rate of learning` or
 * `learning the rate` for `learning rate`. Glue words are not counted as fillers, and a negated
 * word never is one (`dropout is not used at test time` does not say `dropout at test time`).
 */
function findLoosePhrase(phrase: Phrase, answer: readonly Unit[], content: readonly number[], text: string): Occurrence[] {
  const found: Occurrence[] = [];
  const window = phrase.content.length + LOOSE_FILLERS;
  for (let start = 0; start + phrase.content.length <= content.length; start++) {
    const candidates = content.slice(start, start + window);
    const used: number[] = [];
    // Stryker disable next-line StringLiteral: the best kind to start from; an unknown kind ranks nowhere and gives way to the first word's kind just the same
    let how: UnitMatch = 'exact';
    const matchedAll = phrase.content.every((i) =>
      candidates.some((j) => {
        if (used.includes(j)) return false;
        const kind = compareUnit(phrase.units[i]!, answer[j]!);
        if (!kind) return false;
        used.push(j);
        how = worse(how, kind);
        return true;
      }),
    );
    if (!matchedAll || !used.includes(candidates[0]!)) continue;
    const last = Math.max(...used);
    const first = candidates[0]!;
    // Words may come in another order (`data with no labels`, `pre-act < 0`), but not across two
    // things set side by side: `GRU has more parameters` is not heard in `the LSTM has more
    // parameters than the GRU`, nor `cross-entropy for classification` in `classification and cross-entropy`.
    const inOrder = used.every((j, k) => k === 0 || j > used[k - 1]!);
    if (!inOrder && answer.slice(first + 1, last).some((u) => SIDE_BY_SIDE.has(u.word))) continue;
    const fillers = candidates.filter((j) => j <= last && !used.includes(j));
    // A filler that says the opposite of one of the phrase's words voids it: `lower variance and
    // higher bias` does not say `lower bias`.
    if (fillers.some((j) => phrase.units.some((u) => oppositeOf(u.key) === answer[j]!.key))) continue;
    // A phrase does not run across clauses or punctuation.
    if (answer[first]!.clause === answer[last]!.clause && fillers.every((j) => !answer[j]!.negated) && !/[,;:()]/.test(text.slice(answer[first]!.end, answer[last]!.start))) found.push({ how, first, last });
  }
  return found;
}

const SIDE_BY_SIDE = new Set(['and', 'or', 'than', 'versus', 'vs', 'nor', 'whereas']);
const COORDINATION = /^(?:\s*(?:,|\/|\band\b|\bor\b|&)\s*[\p{L}\p{N}-]+)+\s+$/iu;

/** Modifiers that share one head noun: `forget, input and output gates` says `forget gate` and `input gate`. */
function findCoordinated(phrase: Phrase, answer: readonly Unit[], text: string): Occurrence[] {
  if (phrase.content.length !== 2) return [];
  const [modifier, head] = phrase.content as [number, number];
  const found: Occurrence[] = [];
  answer.forEach((word, j) => {
    const headKind = compareUnit(phrase.units[head]!, word);
    if (!headKind) return;
    for (let i = j - 2; i >= Math.max(0, j - 8); i--) {
      const kind = compareUnit(phrase.units[modifier]!, answer[i]!);
      if (kind && COORDINATION.test(text.slice(answer[i]!.end, word.start))) {
        found.push({ how: worse(kind, headKind), first: i, last: j, coordinated: true });
        return;
      }
    }
  });
  return found;
}

/** Where the parts of a relation stand, for telling a right pairing from a swapped one. */
export interface RelationOccurrence extends Occurrence {
  parts: Occurrence[];
}

/**
 * Every place the answer says a form. A relation `A ... B` needs both parts in one clause, close
 * together, with no negated word between them; `rivals` are the parts of the question's other
 * relations, and a pairing where a rival stands nearer than the partner is read as swapped.
 */
export function findForm(form: Form, context: Answer, rivals: readonly Form[] = []): { found: RelationOccurrence[]; swapped: RelationOccurrence[] } {
  const answer = context.units;
  const first = form.parts[0]!;
  if (form.parts.length === 1) return { found: context.find(first).map((o) => ({ ...o, parts: [o] })), swapped: [] };
  const [a, b] = [context.find(first), context.find(form.parts[1]!)];
  const found: RelationOccurrence[] = [];
  const swapped: RelationOccurrence[] = [];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; the loops below find nothing when either part has no place
  if (a.length === 0 || b.length === 0) return { found, swapped };
  const overlaps = (o: Occurrence, p: Occurrence) => o.first <= p.last && p.first <= o.last;
  const sameClause = (o: Occurrence, p: Occurrence) => answer[o.first]!.clause === answer[p.first]!.clause;
  // Words between two spans, and punctuation counts as two more (`Xavier for tanh, He for ReLU`).
  const gap = (o: Occurrence, p: Occurrence) => {
    const [left, right] = o.first > p.last ? [p, o] : [o, p];
    return right.first - left.last + (/[,;:()]/.test(context.text.slice(answer[left.last]!.end, answer[right.first]!.start)) ? 2 : 0);
  };
  const nearest = (list: readonly Occurrence[], to: Occurrence, not: Occurrence) =>
    list.filter((o) => sameClause(o, to) && !overlaps(o, not) && !overlaps(o, to)).reduce<Occurrence | undefined>((best, o) => (!best || gap(o, to) < gap(best, to) ? o : best), undefined);
  // A part made only of everyday words (`blow up`, `more`) names nothing a pairing could be swapped with.
  const names = (part: Phrase) => part.units.some((u) => !u.family && !u.glue);
  const rivalParts = rivals.map((r) => [context.find(r.parts[0]!), context.find(r.parts[1]!), names(r.parts[0]!), names(r.parts[1]!)] as const);
  const contentBetween = (lo: number, hi: number) => answer.slice(lo + 1, hi).filter((u) => !u.glue).length;
  for (const x of a) {
    for (const y of b) {
      if (!sameClause(x, y)) continue;
      const lo = Math.min(x.last, y.last);
      const hi = Math.max(x.first, y.first);
      if (overlaps(x, y) || contentBetween(lo, hi) > RELATION_SPAN) continue;
      let negatedBetween = false;
      for (let i = lo + 1; i < hi; i++) if (answer[i]!.negated) negatedBetween = true;
      if (negatedBetween) continue;
      const occurrence: RelationOccurrence = { how: worse(x.how, y.how), first: Math.min(x.first, y.first), last: Math.max(x.last, y.last), parts: [x, y] };
      // Swapped when pairing across with a rival relation fits the answer better: with both of the
      // rival's parts there, the crossed pairs lie closer together than the written ones
      // (`Xavier is for ReLU and He for tanh`); with one, it stands nearer than the partner.
      const isSwapped = rivalParts.some(([rivalA, rivalB, namedA, namedB]) => {
        const a2 = nearest(rivalA, y, x);
        const b2 = nearest(rivalB, x, y);
        // The crossed pairing must fit clearly better, by more than a word or two.
        if (a2 && b2) return gap(x, b2) + gap(a2, y) + CROSSING_MARGIN < gap(x, y) + gap(a2, b2);
        if (b2 && namedB) return b2.first > x.last && gap(x, b2) < gap(x, y);
        if (a2 && namedA) return a2.last < y.first && gap(a2, y) < gap(x, y);
        return false;
      });
      (isSwapped ? swapped : found).push(occurrence);
    }
  }
  return { found, swapped };
}
