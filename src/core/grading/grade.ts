import type { KeyTerm, Misconception, Question } from '../bank/question.js';
import { hearDerivedTerm, readAnswerWords } from './derived-match.js';
import { asksForList, isKeywordList } from './keyword-list.js';
import { Answer, findForm, isBetter, readForm, reversedForms, type Form, type MatchKind, type Phrase, type RelationOccurrence } from './match.js';
import { scoreIdeas, type Verdict } from './score.js';
import { words } from '../normalize.js';
import { americanize, contentWords, wordStem } from './lexicon.js';
import { readUnits, type Unit } from './text.js';

export type { MatchKind } from './match.js';
export type { Verdict } from './score.js';

export interface TermMatch {
  term: string;
  /** The words of the answer that matched, exactly as written. */
  text: string;
  /** The term or alias they matched. */
  form: string;
  how: MatchKind;
  weight: number;
  core: boolean;
}

export interface MissingTerm {
  term: string;
  weight: number;
  core: boolean;
}

/** A wrong claim the answer made, with the correction. */
export interface HeardMisconception {
  claim: string;
  /** The words of the answer that made it. */
  text: string;
  why: string;
}

export interface Grade {
  /** In [0, 1]: the pass mark when every core idea is heard, up to 1 with every depth idea too. */
  score: number;
  verdict: Verdict;
  passMark: number;
  matched: TermMatch[];
  missing: MissingTerm[];
  misconceptions: HeardMisconception[];
  notes: string[];
  /** Whether the key terms were derived from the model answer rather than written by the bank's author. */
  derivedTerms: boolean;
}

export type GradableQuestion = Pick<Question, 'keyTerms' | 'passMark'> & Partial<Pick<Question, 'question' | 'answer' | 'misconceptions'>> & { keyTermsDerived?: boolean; rubricProposed?: boolean };

interface PreparedIdea {
  forms: Form[];
  /** The stems of every word the idea's forms use. */
  words: Set<string>;
  /** The forms said under a negation (`not X`), to explain why X did not count. */
  negatedForms: Form[];
  reversed: Form[];
}

interface PreparedRubric {
  terms: PreparedIdea[];
  misconceptions: PreparedIdea[];
  /** Every relation of the rubric's key terms: a rival pairing standing nearer means a swapped one. */
  relations: Form[];
  /** The words of the question's own texts, which an answer never uses as typos of each other. */
  knownWords: Set<string>;
  /** The stems of the question's words, which say nothing when an answer only repeats them. */
  questionStems: Set<string>;
}

const prepared = new WeakMap<GradableQuestion, PreparedRubric>();

/**
 * The stems of a text's words that are not glue. Compared word by word, not by lexicon family:
 * `gradients shrink` says more than the question "what is the vanishing gradient problem?".
 */
const contentStems = (text: string) => contentWords(text).map(wordStem);

/** The stems of the words of a question, against which a form may only repeat it. */
// Stryker disable next-line ArrayDeclaration: the mutant's stand-in element has spaces and capitals, which no word stem has, so the set still holds no stem
export const questionStemsOf = (question: string | undefined): Set<string> => new Set(question ? contentStems(question) : []);

/** Whether a term or alias is made only of words the question already uses, so it earns nothing. */
export function onlyRepeatsQuestion(form: string, questionStems: ReadonlySet<string>): boolean {
  const stems = contentStems(form);
  return stems.length > 0 && stems.every((s) => questionStems.has(s));
}

function prepareIdea(texts: string[], questionStems: Set<string>, negated: boolean): PreparedIdea {
  const forms: Form[] = [];
  const negatedForms: Form[] = [];
  texts.forEach((text, i) => {
    const form = readForm(negated ? `not ${text}` : text, i > 0);
    if (!form) return;
    // A form made only of words the question uses says nothing the question did not; a relation
    // binds two things, which is a claim of its own.
    if (form.parts.length === 1 && onlyRepeatsQuestion(text, questionStems)) return;
    forms.push({ ...form, text });
    // `unlabelled data` denied is `labelled data`: a different idea, not this one under a negation.
    if (!negated && form.parts[0]!.units.some((u) => u.key.startsWith('un'))) return;
    const denied = readForm(
      negated ? text : `not ${text}`,
      // Stryker disable next-line ConditionalExpression,EqualityOperator: whether a denied form is an alias is never read; it only explains a note
      i > 0,
    );
    if (denied) negatedForms.push({ ...denied, text });
  });
  return { forms, negatedForms, reversed: forms.flatMap(reversedForms), words: new Set(texts.flatMap(contentStems)) };
}

function prepareRubric(question: GradableQuestion): PreparedRubric {
  let rubric = prepared.get(question);
  // Stryker disable next-line ConditionalExpression: a cache; preparing the rubric again gives the same rubric
  if (rubric) return rubric;
  // A term or alias that only repeats the question earns nothing (see prepareIdea).
  const questionStems = questionStemsOf(question.question);
  const terms = question.keyTerms.map((t: KeyTerm) => prepareIdea([t.term, ...t.aliases], questionStems, t.negated === true));
  const misconceptions = (question.misconceptions ?? []).map((m: Misconception) => prepareIdea([m.claim, ...m.aliases], new Set(), false));
  const relations = terms.flatMap((idea) => idea.forms.filter((f) => f.parts.length === 2));
  const texts = [question.question ?? '', question.answer ?? '', ...question.keyTerms.flatMap((t) => [t.term, ...t.aliases]), ...(question.misconceptions ?? []).flatMap((m) => [m.claim, ...m.aliases])];
  const knownWords = new Set(texts.flatMap((text) => words(text).map(americanize)));
  rubric = { terms, misconceptions, relations, knownWords, questionStems };
  prepared.set(question, rubric);
  return rubric;
}

interface Heard {
  occurrence: RelationOccurrence;
  form: Form;
}

/** What a relation part says, for telling one subject or partner from another. */
const partKey = (part: Phrase) => part.content.map((i) => part.units[i]!.key).join(' ');

/**
 * The rivals of a relation: the partners other ideas' relations give a different subject
 * (`Xavier ... tanh` is a rival of `He ... ReLU`), and the subjects they give a different partner;
 * `Kaiming ... ReLU` is no rival of `He ... ReLU`.
 */
function rivalsOf(form: Form, relations: readonly Form[], own: readonly Form[]): Form[] {
  const [a, b] = form.parts.map(partKey) as [string, string];
  // An idea's own relations say one thing in several ways; they are never rivals of each other.
  return relations.filter((r) => !own.includes(r) && partKey(r.parts[0]!) !== a && partKey(r.parts[1]!) !== b);
}

const surfaceStems = (units: readonly Unit[]) => units.filter((u) => !u.glue).flatMap((u) => u.surface.split(' '));

/**
 * Whether the answer said a part only in the question's own words where the rubric asks for more:
 * `Vanishing gradients` in the answer does not say `gradients shrink`, though the lexicon makes
 * them one family. A part the rubric itself writes in the question's words (`He ... ReLU` for a
 * question about He and ReLU) is heard as usual.
 */
function restatesQuestion(form: Form, occurrence: RelationOccurrence, answer: Answer, questionStems: ReadonlySet<string>): boolean {
  // Stryker disable next-line ConditionalExpression: a shortcut; with no question stems no part is all question words, so the check below is false too
  if (questionStems.size === 0) return false;
  return occurrence.parts.some((heard, i) => {
    const part = form.parts[i]!;
    if (surfaceStems(part.units).every((s) => questionStems.has(s))) return false;
    const said = surfaceStems(answer.units.slice(heard.first, heard.last + 1));
    return said.length > 0 && said.every((s) => questionStems.has(s));
  });
}

interface Hearing {
  /** Every place the idea is said, best first. */
  all: Heard[];
  swapped?: Heard;
  negated?: Heard;
  reversed?: Heard;
}

/**
 * Whether the answer says the phrase as the object of a negated verb that the idea itself uses:
 * `does not attend to different subspaces` denies "each head attends to a different subspace",
 * though `never break the symmetry` still speaks of an idea about symmetry that never breaks.
 */
function deniedByVerb(answer: Answer, o: RelationOccurrence, ideaWords: ReadonlySet<string>): boolean {
  for (let i = o.first - 1; i >= 0 && i >= o.first - 3; i--) {
    const u = answer.units[i]!;
    if (u.clause !== answer.units[o.first]!.clause) return false;
    if (u.negated) return u.surface.split(' ').some((s) => ideaWords.has(s));
    if (!u.glue) return false;
  }
  return false;
}

/** Every place the answer says one of an idea's forms, best first; failing that, whether it said one swapped, negated or reversed. */
function hear(idea: PreparedIdea, answer: Answer, relations: readonly Form[], questionStems: ReadonlySet<string>): Hearing {
  const all: Heard[] = [];
  let swapped: Heard | undefined;
  for (const form of idea.forms) {
    const result = findForm(form, answer, form.parts.length === 2 ? rivalsOf(form, relations, idea.forms) : []);
    for (const occurrence of result.found) {
      if (form.parts.length === 1 && deniedByVerb(answer, occurrence, idea.words)) continue;
      if (!restatesQuestion(form, occurrence, answer, questionStems)) all.push({ occurrence, form });
    }
    if (result.swapped[0]) swapped ??= { occurrence: result.swapped[0], form };
  }
  // Best first: the surest kind of match, then the tightest, then the term's own words over an alias.
  const span = (h: Heard) => h.occurrence.last - h.occurrence.first;
  all.sort((a, b) => (isBetter(a.occurrence.how, b.occurrence.how) ? -1 : isBetter(b.occurrence.how, a.occurrence.how) ? 1 : span(a) - span(b) || Number(a.form.isAlias) - Number(b.form.isAlias)));
  // Stryker disable next-line ConditionalExpression: a shortcut; the fields computed past here explain a missing idea and are read only when `all` is empty
  if (all.length > 0) return { all };
  const firstOf = (forms: Form[]) => {
    for (const form of forms) {
      const occurrence = findForm(form, answer).found[0];
      if (occurrence) return { occurrence, form };
    }
    return undefined;
  };
  return { all, swapped, negated: firstOf(idea.negatedForms), reversed: firstOf(idea.reversed) };
}

/** Two phrases (not relations, whose clauses rightly hold other ideas) where one lies within the other. */
const nested = (a: Heard, b: Heard) => {
  if (a.form.parts.length > 1 || b.form.parts.length > 1 || a.occurrence.coordinated || b.occurrence.coordinated) return false;
  const [x, y] = [a.occurrence, b.occurrence];
  return (x.first <= y.first && y.last <= x.last) || (y.first <= x.first && x.last <= y.last);
};

/** How far the search for the best places goes before it settles for the best found so far. */
const PLACE_SEARCH_LIMIT = 20_000;

/**
 * Gives each idea one place in the answer where it is said, so the same words never count for two
 * ideas (`low-dimensional representation` is the code, not also a use). Of all such assignments it
 * picks the one that hears the most weight, core ideas first, so saying more never loses credit.
 */
function assignPlaces(hearings: readonly Hearing[], values: readonly number[]): Array<Heard | undefined> {
  const chosen: Array<Heard | undefined> = hearings.map(() => undefined);
  // Stryker disable next-line ArrayDeclaration: the first complete assignment (value >= 0 > -1) always replaces it
  let best: Array<Heard | undefined> = [...chosen];
  let bestValue = -1;
  let steps = 0;
  // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator: only a bound for pruning; a looser bound (or none) finds the same best assignment, more slowly
  const remaining = values.map((_, i) => values.slice(i).reduce((sum, v, j) => sum + (hearings[i + j]!.all.length > 0 ? v : 0), 0));
  const search = (i: number, value: number) => {
    if (++steps > PLACE_SEARCH_LIMIT) return;
    if (i === hearings.length) {
      if (value > bestValue) {
        bestValue = value;
        best = [...chosen];
      }
      return;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: pruning only; a branch that cannot beat the best has nothing better to find, and a tie never replaces the best
    if (value + remaining[i]! <= bestValue) return;
    for (const place of hearings[i]!.all) {
      if (chosen.some((c) => c !== undefined && nested(c, place))) continue;
      chosen[i] = place;
      search(i + 1, value + values[i]!);
      chosen[i] = undefined;
    }
    search(i + 1, value);
  };
  search(0, 0);
  return best;
}

const quote = (text: string, answer: readonly Unit[], o: RelationOccurrence) => text.slice(answer[o.first]!.start, answer[o.last]!.end).replace(/\s+/g, ' ');

/**
 * Grades a free-text answer as an interviewer listening for ideas: each key term is an idea,
 * heard in its own words, an alias, a word of the same family in the shared lexicon, another
 * form of the word, or a typo. An answer that states every core idea passes; depth ideas raise
 * the score. Words the question already uses earn nothing; a negated idea does not count; a
 * relation (`He ... ReLU`) counts only with both parts in one clause and the right way round; a
 * misconception the rubric names, or a bare list of terms, keeps the answer at partial at best.
 *
 * @example
 * gradeAnswer(question, 'Gradients get tiny as they are multiplied back through the layers; use ReLU.')
 * // → { score: 0.8, verdict: 'correct', matched: [{ term: 'gradients shrink', how: 'synonym', … }], … }
 */
export function gradeAnswer(question: GradableQuestion, answerText: string): Grade {
  if (question.keyTermsDerived || question.rubricProposed) return gradeByDerivedTerms(question, answerText);
  const rubric = prepareRubric(question);
  const context = new Answer(readUnits(answerText), answerText, rubric.knownWords);
  const answer = context.units;
  const matched: TermMatch[] = [];
  const missing: MissingTerm[] = [];
  const notes: string[] = [];
  const heard: boolean[] = [];

  const hearings = question.keyTerms.map((_, i) => hear(rubric.terms[i]!, context, rubric.relations, rubric.questionStems));
  // A core idea outweighs every depth idea together.
  const depthTotal = question.keyTerms.reduce((sum, t) => sum + (t.core ? 0 : t.weight), 0);
  const places = assignPlaces(hearings, question.keyTerms.map((t) => (t.core ? depthTotal + 1 + t.weight : t.weight)));
  question.keyTerms.forEach((term, i) => {
    const result = hearings[i]!;
    const place = places[i];
    heard.push(place !== undefined);
    if (place) {
      const { occurrence, form } = place;
      matched.push({
        term: term.term,
        text: answerText.slice(answer[occurrence.first]!.start, answer[occurrence.last]!.end),
        form: form.text,
        how: occurrence.how === 'exact' && form.isAlias ? 'alias' : occurrence.how,
        weight: term.weight,
        core: term.core,
      });
      return;
    }
    missing.push({ term: term.term, weight: term.weight, core: term.core });
    if (result.all.length > 0) notes.push(`"${term.term}" is heard only in words that already count for another idea ("${quote(answerText, answer, result.all[0]!.occurrence)}")`);
    else if (result.swapped) notes.push(`"${term.term}": the answer pairs these the other way round ("${quote(answerText, answer, result.swapped.occurrence)}"), so it does not count`);
    else if (result.reversed) notes.push(`"${term.term}": the answer says the opposite ("${quote(answerText, answer, result.reversed.occurrence)}"), so it does not count`);
    else if (result.negated && term.negated) notes.push(`"${term.term}" is negated in the model answer but not here ("${quote(answerText, answer, result.negated.occurrence)}"), so it does not count`);
    else if (result.negated) notes.push(`"${term.term}" appears only under a negation ("${quote(answerText, answer, result.negated.occurrence)}"), so it does not count`);
  });

  const misconceptions: HeardMisconception[] = [];
  (question.misconceptions ?? []).forEach((m, i) => {
    const result = hear(rubric.misconceptions[i]!, context, rubric.relations, rubric.questionStems);
    const heardAt = result.all[0];
    if (heardAt) {
      misconceptions.push({ claim: m.claim, text: quote(answerText, answer, heardAt.occurrence), why: m.why });
    }
  });
  // Stryker disable next-line StringLiteral: without a question there is nothing that asks for a list, and the mutant's stand-in text asks for none either
  const keywordList = matched.length > 0 && !asksForList(question.question ?? '') && isKeywordList(answerText);
  if (keywordList) notes.push('the answer lists terms without saying anything about them, so it is at most partial');

  if (answer.length === 0) notes.push('the answer is empty');
  const { score, verdict } = scoreIdeas(
    question.keyTerms.map((t, i) => ({ weight: t.weight, core: t.core, heard: heard[i]! })),
    question.passMark,
    { capped: misconceptions.length > 0 || keywordList },
  );
  const coreMissing = missing.filter((m) => m.core);
  if (coreMissing.length > 0 && matched.length > 0) notes.push(`a core idea is missing (${coreMissing.map((m) => m.term).join('; ')}), so the answer cannot pass`);
  return { score, verdict, passMark: question.passMark, matched, missing, misconceptions, notes, derivedTerms: false };
}

/**
 * Grading against key terms derived from a model answer (or proposed from it by `nnquiz import`):
 * its content words, heard word by word. A bare list of them is capped as it is for authored terms.
 */
function gradeByDerivedTerms(question: GradableQuestion, answerText: string): Grade {
  const answer = readAnswerWords(answerText);
  const matched: TermMatch[] = [];
  const missing: MissingTerm[] = [];
  const notes: string[] = [];
  const heard = question.keyTerms.map((term) => {
    const result = hearDerivedTerm(term, answer);
    if (result.heard) {
      matched.push({ term: term.term, ...result.heard, weight: term.weight, core: term.core });
      return true;
    }
    missing.push({ term: term.term, weight: term.weight, core: term.core });
    if (result.wrongPolarity !== undefined) {
      notes.push(term.negated
        ? `"${term.term}" is negated in the model answer but not here ("${result.wrongPolarity}"), so it does not count`
        : `"${term.term}" appears only under a negation ("${result.wrongPolarity}"), so it does not count`);
    }
    return false;
  });
  if (answer.words.length === 0) notes.push('the answer is empty');
  if (question.keyTerms.length === 0) notes.push('the question has no model answer or key terms yet, so there is nothing to grade against');
  else if (question.rubricProposed) notes.push('key terms are a proposal derived from the model answer, not yet reviewed by the bank\'s author');
  else notes.push('key terms were derived from the model answer, as the question lists none');
  // Stryker disable next-line StringLiteral: without a question there is nothing that asks for a list, and the mutant's stand-in text asks for none either
  const keywordList = matched.length > 0 && !asksForList(question.question ?? '') && isKeywordList(answerText);
  if (keywordList) notes.push('the answer lists terms without saying anything about them, so it is at most partial');
  const { score, verdict } = scoreIdeas(question.keyTerms.map((t, i) => ({ weight: t.weight, core: t.core, heard: heard[i]! })), question.passMark, { derived: true, capped: keywordList });
  return { score, verdict, passMark: question.passMark, matched, missing, misconceptions: [], notes, derivedTerms: true };
}
