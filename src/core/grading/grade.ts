import Fuse from 'fuse.js';
import { isNegated, NEGATION_REACH } from './negation.js';
import { stem, tokenize, words } from '../normalize.js';
import type { KeyTerm, Question } from '../bank/question.js';


export type Verdict = 'correct' | 'partial' | 'incorrect';

/** How an answer expressed a key term: its own words, an alias, another form of the word, or a typo. */
export type MatchKind = 'exact' | 'alias' | 'stem' | 'typo';

export interface TermMatch {
  term: string;
  /** The words of the answer that matched, exactly as written. */
  text: string;
  /** The term or alias they matched. */
  form: string;
  how: MatchKind;
  weight: number;
  required: boolean;
}

export interface MissingTerm {
  term: string;
  weight: number;
  required: boolean;
}

export interface Grade {
  /** The weighted share of key terms the answer expresses, in [0, 1]. */
  score: number;
  verdict: Verdict;
  passMark: number;
  matched: TermMatch[];
  missing: MissingTerm[];
  notes: string[];
  /** Whether the key terms were derived from the model answer rather than written by the bank's author. */
  derivedTerms: boolean;
}

export type GradableQuestion = Pick<Question, 'keyTerms' | 'passMark'> & { keyTermsDerived?: boolean };

/**
 * Derived key terms are all the content words of a model answer, and prose holds more words than
 * ideas: an answer that expresses half of their weight earns full marks.
 */
export const DERIVED_TERMS_COVERAGE = 0.5;

interface AnswerWord {
  word: string;
  stem: string;
  glue: boolean;
  start: number;
  end: number;
  /** The full word a common abbreviation stands for (`grads` → `gradients`). */
  expanded?: { word: string; stem: string };
}

/**
 * Abbreviations candidates type in a hurry, each standing for one word. An abbreviation still
 * matches itself, so a key term or alias written as `val` keeps working.
 */
const ABBREVIATIONS: Record<string, string> = {
  val: 'validation',
  grad: 'gradient',
  grads: 'gradients',
  param: 'parameter',
  params: 'parameters',
  prob: 'probability',
  probs: 'probabilities',
  avg: 'average',
  init: 'initialization',
  dim: 'dimension',
  dims: 'dimensions',
  seq: 'sequence',
  seqs: 'sequences',
  reg: 'regularization',
  optim: 'optimizer',
  acc: 'accuracy',
  approx: 'approximately',
  info: 'information',
  feat: 'feature',
  feats: 'features',
  diff: 'difference',
  w: 'weight',
  ws: 'weights',
  b: 'bias',
};

interface Occurrence {
  how: Exclude<MatchKind, 'alias'>;
  first: number;
  last: number;
}

const KIND_RANK: Record<Occurrence['how'], number> = { exact: 0, stem: 1, typo: 2 };

/**
 * Words that only glue a phrase together: a key phrase may leave them out or add them. Words with
 * meaning of their own (`more`, `same`, `too`) are not here, so `more training data` still needs `more`.
 */
const GLUE_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'and', 'or', 'their', 'his', 'her', 'our', 'your', 'my']);

/**
 * Typos allowed in a word: none up to four letters (so `RNN` never matches `CNN`), one up to
 * seven letters, two from eight.
 */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}

const typoMemo = new Map<string, boolean>();

/** Whether two words differ only by one swap of neighbouring letters (`dropuot`), which fuse.js counts as two errors. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/**
 * Whether an answer word is a typo of a term word: both of five letters or more, the same first
 * letter (slips rarely hit it, and it keeps `overfitting` from matching `underfitting`), a length
 * within the budget, and a fuse.js match whose errors per letter stay within it, or one swap of
 * neighbouring letters.
 */
function isTypo(termWord: string, answerWord: string): boolean {
  const budget = typoBudget(termWord.length);
  if (budget === 0 || answerWord.length < 5 || termWord[0] !== answerWord[0] || Math.abs(termWord.length - answerWord.length) > budget) return false;
  const key = `${termWord}\u0000${answerWord}`;
  let result = typoMemo.get(key);
  if (result === undefined) {
    result = isSwap(termWord, answerWord) || Fuse.match(termWord, answerWord, { ignoreLocation: true, includeScore: true, threshold: (budget + 0.5) / termWord.length }).isMatch;
    if (typoMemo.size > 100_000) typoMemo.clear();
    typoMemo.set(key, result);
  }
  return result;
}

function compareWord(termWord: string, termStem: string, answer: AnswerWord): Occurrence['how'] | undefined {
  if (answer.word === termWord) return 'exact';
  if (answer.stem === termStem) return 'stem';
  if (answer.expanded && (answer.expanded.word === termWord || answer.expanded.stem === termStem)) return 'stem';
  if (isTypo(termWord, answer.word)) return 'typo';
  return undefined;
}

interface PreparedForm {
  form: string;
  isAlias: boolean;
  words: string[];
  stems: string[];
  /** The words that carry meaning; `of` in `rate of learning` may be left out or moved. */
  content: number[];
  joined: string;
}

function prepareForm(form: string, isAlias: boolean): PreparedForm | undefined {
  const formWords = words(form);
  if (formWords.length === 0) return undefined;
  const content = formWords.map((_, i) => i).filter((i) => !GLUE_WORDS.has(formWords[i]!));
  return {
    form,
    isAlias,
    words: formWords,
    stems: formWords.map(stem),
    content: content.length > 0 ? content : formWords.map((_, i) => i),
    joined: formWords.join(''),
  };
}

const worse = (a: Occurrence['how'], b: Occurrence['how']) => (KIND_RANK[a] >= KIND_RANK[b] ? a : b);

/** Every place in the answer where a form occurs: as written, joined up (`batchnorm`), or as a loose phrase. */
function findForm(form: PreparedForm, answer: AnswerWord[], text: string): Occurrence[] {
  const found: Occurrence[] = [];
  const n = form.words.length;
  for (let start = 0; start < answer.length; start++) {
    // The form's words in order: exact, or each by stem or typo.
    if (start + n <= answer.length) {
      let how: Occurrence['how'] | undefined = 'exact';
      for (let i = 0; i < n && how; i++) {
        const kind = compareWord(form.words[i]!, form.stems[i]!, answer[start + i]!);
        how = kind && worse(how, kind);
      }
      if (how) {
        found.push({ how, first: start, last: start + n - 1 });
        continue;
      }
    }
    // Written as one word or as several: `batchnorm` for `batch norm`, `back propagation` for `backpropagation`.
    for (let span = 1; span <= 3 && start + span <= answer.length; span++) {
      if (span === 1 && n === 1) continue;
      const joined = answer.slice(start, start + span).map((w) => w.word).join('');
      if (joined === form.joined) found.push({ how: 'exact', first: start, last: start + span - 1 });
      // A typo only in one word written for several (`batchnrom`); joining several answer words and
      // forgiving errors too would let `use labelled` pass for `unlabelled`.
      else if (span === 1 && form.words.every((w) => w.length >= 3) && isTypo(form.joined, joined)) found.push({ how: 'typo', first: start, last: start });
    }
  }
  if (form.content.length >= 2 && found.length === 0) found.push(...findLoosePhrase(form, answer, text), ...findCoordinated(form, answer, text));
  return found;
}

/**
 * A phrase with its words reordered, or with one filler word between them: `rate of learning` or
 * `learning the rate` for `learning rate`. Function words (`of`, `the`) are not counted as fillers.
 */
function findLoosePhrase(form: PreparedForm, answer: AnswerWord[], text: string): Occurrence[] {
  const found: Occurrence[] = [];
  const content = answer.map((_, i) => i).filter((i) => !answer[i]!.glue);
  const window = form.content.length + 1;
  for (let start = 0; start + form.content.length <= content.length; start++) {
    const candidates = content.slice(start, start + window);
    const used = new Set<number>();
    let how: Occurrence['how'] = 'exact';
    const matchedAll = form.content.every((i) =>
      candidates.some((j) => {
        if (used.has(j)) return false;
        const kind = compareWord(form.words[i]!, form.stems[i]!, answer[j]!);
        if (!kind) return false;
        used.add(j);
        how = worse(how, kind);
        return true;
      }),
    );
    const last = Math.max(...used);
    // A phrase does not run across sentences.
    if (matchedAll && used.has(candidates[0]!) && !SENTENCE_BREAK.test(text.slice(answer[candidates[0]!]!.end, answer[last]!.start))) {
      found.push({ how, first: candidates[0]!, last });
    }
  }
  return found;
}

const SENTENCE_BREAK = /[.;!?\n]/;
const COORDINATION = /^(?:\s*(?:,|\/|\band\b|\bor\b|&)\s*[\p{L}\p{N}-]+)+\s+$/iu;

/** Modifiers that share one head noun: `forget, input and output gates` says `forget gate` and `input gate`. */
function findCoordinated(form: PreparedForm, answer: AnswerWord[], text: string): Occurrence[] {
  if (form.content.length !== 2) return [];
  const [modifier, head] = form.content as [number, number];
  const found: Occurrence[] = [];
  answer.forEach((word, j) => {
    const headKind = compareWord(form.words[head]!, form.stems[head]!, word);
    if (!headKind) return;
    for (let i = j - 2; i >= Math.max(0, j - 8); i--) {
      const kind = compareWord(form.words[modifier]!, form.stems[modifier]!, answer[i]!);
      if (kind && COORDINATION.test(text.slice(answer[i]!.end, word.start))) {
        found.push({ how: worse(kind, headKind), first: i, last: j });
        return;
      }
    }
  });
  return found;
}

const preparedForms = new WeakMap<KeyTerm, PreparedForm[]>();

function formsOf(term: KeyTerm): PreparedForm[] {
  let forms = preparedForms.get(term);
  if (!forms) {
    forms = [prepareForm(term.term, false), ...term.aliases.map((alias) => prepareForm(alias, true))].filter((f) => f !== undefined);
    preparedForms.set(term, forms);
  }
  return forms;
}

/**
 * Grades a free-text answer against a question's key terms, as an interviewer listening for ideas:
 * case, punctuation and hyphens do not matter, word forms match by stem, typos are forgiven in
 * longer words, aliases count as their term, a phrase may be reordered or take a filler word,
 * and a term said only under a nearby negation ("without dropout") does not count.
 *
 * @example
 * gradeAnswer(question, 'Gradients vanish when sigmoid derivatives multiply; use ReLU.')
 * // → { score: 0.6, verdict: 'correct', matched: [{ term: 'ReLU', how: 'exact', … }], … }
 */
export function gradeAnswer(question: GradableQuestion, answerText: string): Grade {
  const answer: AnswerWord[] = tokenize(answerText).map((t) => {
    const full = ABBREVIATIONS[t.word];
    return { ...t, stem: stem(t.word), glue: GLUE_WORDS.has(t.word), ...(full ? { expanded: { word: full, stem: stem(full) } } : {}) };
  });
  const matched: TermMatch[] = [];
  const missing: MissingTerm[] = [];
  const notes: string[] = [];
  let total = 0;
  let earned = 0;
  let requiredMissing = false;

  for (const term of question.keyTerms) {
    total += term.weight;
    let best: { occurrence: Occurrence; form: PreparedForm } | undefined;
    let negated: string | undefined;
    for (const form of formsOf(term)) {
      for (const occurrence of findForm(form, answer, answerText)) {
        // A term the model answer itself negates ("a constructor cannot return a value") must be negated here too.
        if (isNegated(answer, occurrence.first, answerText) !== (term.negated ?? false)) {
          negated ??= answerText.slice(answer[Math.max(0, occurrence.first - NEGATION_REACH)]!.start, answer[occurrence.last]!.end);
          continue;
        }
        const better =
          !best ||
          KIND_RANK[occurrence.how] < KIND_RANK[best.occurrence.how] ||
          (KIND_RANK[occurrence.how] === KIND_RANK[best.occurrence.how] && best.form.isAlias && !form.isAlias);
        if (better) best = { occurrence, form };
      }
    }
    if (best) {
      earned += term.weight;
      const { occurrence, form } = best;
      matched.push({
        term: term.term,
        text: answerText.slice(answer[occurrence.first]!.start, answer[occurrence.last]!.end),
        form: form.form,
        how: occurrence.how === 'exact' && form.isAlias ? 'alias' : occurrence.how,
        weight: term.weight,
        required: term.core,
      });
    } else {
      missing.push({ term: term.term, weight: term.weight, required: term.core });
      if (term.core) requiredMissing = true;
      if (negated && term.negated) notes.push(`"${term.term}" is negated in the model answer but not here ("${negated.replace(/\s+/g, ' ')}"), so it does not count`);
      else if (negated) notes.push(`"${term.term}" appears only under a negation ("${negated.replace(/\s+/g, ' ')}"), so it does not count`);
    }
  }

  if (answer.length === 0) notes.push('the answer is empty');
  if (question.keyTermsDerived) notes.push('key terms were derived from the model answer, as the question lists none');
  const expected = total * (question.keyTermsDerived ? DERIVED_TERMS_COVERAGE : 1);
  const score = expected > 0 ? Math.round(Math.min(1, earned / expected) * 1000) / 1000 : 0;
  const passMark = question.passMark;
  const verdict: Verdict = score >= passMark && !requiredMissing ? 'correct' : score >= passMark / 2 ? 'partial' : 'incorrect';
  if (score >= passMark && requiredMissing) notes.push('a required key term is missing, so the answer cannot be fully correct');
  return { score, verdict, passMark, matched, missing, notes, derivedTerms: question.keyTermsDerived === true };
}
