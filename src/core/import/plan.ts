import { freeId, questionIdProblem, slugify, topicProblem, type QuestionDraft } from '../bank/author.js';
import { DIFFICULTIES, type Difficulty } from '../bank/question.js';
import { deriveKeyTerms, termStatistics } from '../grading/derive.js';
import { stripControlSequences } from '../safe-text.js';
import { findNearDuplicates } from './duplicates.js';
import type { ImportedItem, ImportFormat, ImportProblem } from './item.js';

const DEFAULT_TOPIC = 'general';
/** Longer questions are cut: a question is a line an interviewer says, and ids and titles come from it. */
const MAX_QUESTION = 1_000;
const MAX_TAGS = 10;

/** A file read for import: what it held, and how it was read. */
export interface ImportSource {
  file: string;
  format: ImportFormat;
  items: ImportedItem[];
  problems: ImportProblem[];
}

export interface PlanOptions {
  /** Overrides the topic every file gives. */
  topic?: string;
  /** Overrides the difficulty every file gives. */
  difficulty?: Difficulty;
  /** Merge each group of near-duplicates into its first question, rather than only report them. */
  mergeDuplicates?: boolean;
  /** The file that holds an id already, in the target bank or any bank loaded beside it. */
  idHolder: (id: string) => string | undefined;
  /**
   * Questions already in the banks (their text, answer and file): an import never adds one again.
   * `alsoAsked` are the wordings merged into one of them by an earlier import, which count too.
   */
  existing: ReadonlyArray<{ question: string; answer: string; file: string; alsoAsked?: readonly string[] }>;
}

export interface Origin {
  file: string;
  line: number;
}

export interface PlannedQuestion {
  draft: QuestionDraft;
  origin: Origin;
  /** The id the question's words (or the file) asked for, when that was taken and another was given. */
  wantedId?: string;
  /** Near-duplicates merged into this question with --merge-duplicates. */
  merged: Origin[];
}

export interface SkippedItem {
  origin: Origin;
  question: string;
  /** The file already holding the same question, or the import's own earlier copy. */
  sameAs: string;
}

export interface NearDuplicateGroup {
  questions: Array<Origin & { question: string; id: string }>;
  merged: boolean;
}

export interface ImportPlan {
  questions: PlannedQuestion[];
  skipped: SkippedItem[];
  nearDuplicates: NearDuplicateGroup[];
  problems: Array<ImportProblem & { file: string }>;
}

interface Candidate {
  item: ImportedItem;
  origin: Origin;
  format: ImportFormat;
}

/**
 * Decides what an import writes: one question per item found, cleaned (control characters gone,
 * a topic and tags that name folders safely, a known difficulty), with a free id, a proposed
 * rubric derived from its answer, and never a question the banks already hold. Near-duplicates
 * within the import are grouped, and merged into their first question when asked.
 */
export function planImport(sources: readonly ImportSource[], options: PlanOptions): ImportPlan {
  // Problems may quote the file's text: cleaned like everything else read from it.
  const problems: ImportPlan['problems'] = sources.flatMap((s) => s.problems.map((p) => ({ ...p, message: stripControlSequences(p.message), file: s.file })));
  const skipped: SkippedItem[] = [];
  const seen = new Map<string, string>(options.existing.flatMap((q) => [q.question, ...(q.alsoAsked ?? [])].map((text) => [questionKey(text), q.file] as const)));
  const candidates: Candidate[] = [];
  for (const source of sources) {
    for (const raw of source.items) {
      const item = cleanItem(raw);
      const origin = { file: source.file, line: item.line };
      if (item.question === '') {
        problems.push({ file: source.file, line: item.line, message: 'a question with no text; skipped' });
        continue;
      }
      const key = questionKey(item.question);
      const sameAs = seen.get(key);
      if (sameAs !== undefined) {
        skipped.push({ origin, question: item.question, sameAs });
        continue;
      }
      seen.set(key, `${source.file}:${item.line}`);
      candidates.push({ item, origin, format: source.format });
    }
  }

  const groups = findNearDuplicates(candidates.map((c) => c.item.question));
  const mergedInto = new Map<number, number>();
  if (options.mergeDuplicates) for (const [first, ...rest] of groups) for (const i of rest) mergedInto.set(i, first!);

  const taken = new Set<string>();
  const isTaken = (id: string) => taken.has(id) || options.idHolder(id) !== undefined;
  const planned = new Map<number, PlannedQuestion>();
  candidates.forEach((candidate, index) => {
    const into = mergedInto.get(index);
    if (into !== undefined) {
      mergeInto(planned.get(into)!, candidate);
      return;
    }
    const { item } = candidate;
    const wanted = wantedId(candidate);
    const id = freeId(wanted, isTaken);
    taken.add(id);
    const difficulty = options.difficulty ?? difficultyOf(item, candidate.origin, problems);
    const topic = topicSlug(options.topic ?? item.topic ?? DEFAULT_TOPIC);
    planned.set(index, {
      draft: { id, question: item.question, topic, tags: tagSlugs(item.tags, topic), difficulty, keyTerms: [], answer: item.answer },
      origin: candidate.origin,
      ...(id !== wanted ? { wantedId: wanted } : {}),
      merged: [],
    });
  });

  const questions = [...planned.values()];
  proposeRubrics(questions, options.existing);
  const nearDuplicates = groups.map((group) => ({
    questions: group.map((i) => ({ ...candidates[i]!.origin, question: candidates[i]!.item.question, id: planned.get(mergedInto.get(i) ?? i)!.draft.id })),
    merged: options.mergeDuplicates === true,
  }));
  return { questions, skipped, nearDuplicates, problems };
}

/** An item with every string made safe to print and store, and the question on one line. */
function cleanItem(item: ImportedItem): ImportedItem {
  const clean = (text: string) => stripControlSequences(text);
  let question = clean(item.question).replace(/\s+/g, ' ').trim();
  if (question.length > MAX_QUESTION) question = `${question.slice(0, MAX_QUESTION - 1)}…`;
  return {
    question,
    answer: clean(item.answer).trim(),
    ...(item.topic !== undefined ? { topic: clean(item.topic) } : {}),
    tags: item.tags.map(clean),
    ...(item.difficulty !== undefined ? { difficulty: clean(item.difficulty) } : {}),
    ...(item.id !== undefined ? { id: clean(item.id) } : {}),
    line: item.line,
  };
}

/** Two questions that read the same once case, punctuation and spacing are set aside are one question. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The id a file gives (an id column, the GUID of nnquiz's own Anki export) when it reads as an
 * id (Anki's own GUIDs, full of symbols, do not), else one from the question's subject words.
 */
function wantedId({ item }: Candidate): string {
  const given = item.id;
  if (given !== undefined && /^[a-z0-9][a-z0-9._-]*$/i.test(given) && questionIdProblem(given) === undefined) return given;
  return questionSlug(item.question);
}

/** Words that frame a question rather than name its subject, left out of ids: `what-is-the-concept-of-dropout` → `dropout`. */
const FRAMING_WORDS = new Set(['can', 'you', 'explain', 'describe', 'concept', 'role', 'significance', 'importance', 'common', 'some', 'key', 'main', 'used', 'use', 'neural', 'network', 'networks', 'training', 'work', 'works', 'help', 'helps', 'briefly', 'define', 'discuss', 'tell', 'give', 'mean', 'meant', 'definition']);

/** An id from the question's subject words (at most four, before any turn to a purpose), or from all its words when none is left. */
function questionSlug(question: string): string {
  const subject = question.split(/\b(?:and (?:its|their|how|why|what|when)|in (?:preventing|improving)|to (?:prevent|improve)|like|such as)\b|[?;:(]/i)[0]!;
  const words = slugify(subject, 12).split('-').filter((w) => !FRAMING_WORDS.has(w));
  const slug = words.slice(0, 4).join('-');
  return slug !== '' && slug !== 'question' ? slug : slugify(question);
}

function difficultyOf(item: ImportedItem, origin: Origin, problems: ImportPlan['problems']): Difficulty {
  if (item.difficulty === undefined || item.difficulty.trim() === '') return 'medium';
  const value = item.difficulty.trim().toLowerCase();
  if ((DIFFICULTIES as readonly string[]).includes(value)) return value as Difficulty;
  problems.push({ ...origin, message: `difficulty ${JSON.stringify(item.difficulty.slice(0, 40))} is not easy, medium or hard; medium was used` });
  return 'medium';
}

/** A topic as a folder name of letters, digits and dashes: a file never chooses where nnquiz writes. */
export function topicSlug(topic: string): string {
  const slug = topic
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug !== '' && topicProblem(slug) === undefined ? slug : DEFAULT_TOPIC;
}

function tagSlugs(tags: readonly string[], topic: string): string[] {
  const slugs = tags.map((t) => t.toLowerCase().replace(/[^\p{L}\p{N}:_-]+/gu, '-').replace(/^-+|-+$/g, '')).filter((t) => t !== '' && t !== topic);
  return [...new Set(slugs)].slice(0, MAX_TAGS);
}

/** Folds a near-duplicate into the question it repeats: its answer added where it says something new, its tags joined. */
function mergeInto(target: PlannedQuestion, duplicate: Candidate): void {
  const answer = duplicate.item.answer;
  if (answer !== '' && !target.draft.answer.includes(answer)) {
    target.draft.answer = target.draft.answer === '' ? answer : `${target.draft.answer}\n\n${answer}`;
  }
  target.draft.tags = [...new Set([...target.draft.tags, ...tagSlugs(duplicate.item.tags, target.draft.topic)])].slice(0, MAX_TAGS);
  // Kept in the file, so that importing the same list again knows this wording is in the bank.
  target.draft.alsoAsked = [...(target.draft.alsoAsked ?? []), duplicate.item.question];
  target.merged.push(duplicate.origin);
}

/**
 * Proposes each question's rubric from its answer, with the word statistics of the whole bank
 * it joins (the existing questions and the imported ones), as nnquiz derives terms for a
 * question that lists none. Terms the model answer only states negated are left out: the bank
 * format has no way to say so.
 */
function proposeRubrics(questions: PlannedQuestion[], existing: PlanOptions['existing']): void {
  const statistics = termStatistics([...existing.map((q) => q.answer), ...questions.map((q) => q.draft.answer)]);
  for (const q of questions) {
    if (q.draft.answer === '') continue;
    q.draft.keyTerms = deriveKeyTerms(q.draft, statistics)
      .filter((t) => !t.negated)
      .map((t) => ({ term: t.term, aliases: t.aliases, core: false, weight: t.weight }));
    q.draft.rubricProposed = q.draft.keyTerms.length > 0;
  }
}
