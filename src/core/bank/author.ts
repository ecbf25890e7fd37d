import yaml from 'js-yaml';
import { words } from '../normalize.js';
import { PROPOSED_RUBRIC, type Difficulty, type KeyTerm } from './question.js';
import { isStopword } from '../stopwords.js';

/** A new question as its author describes it, before it becomes a file. */
export interface QuestionDraft {
  id: string;
  question: string;
  topic: string;
  tags: string[];
  difficulty: Difficulty;
  keyTerms: Array<Pick<KeyTerm, 'term' | 'aliases' | 'core'> & { weight?: number }>;
  /** Whether the key terms are a proposal nobody has reviewed (`nnquiz import` derives them from the answer). */
  rubricProposed?: boolean;
  /** Other wordings of the question that `import --merge-duplicates` folded into it. */
  alsoAsked?: string[];
  answer: string;
}

/** An id from the question's first content words: `What is the vanishing gradient problem?` → `vanishing-gradient-problem`. */
export function slugify(question: string, maxWords = 5): string {
  const content = words(question).filter((w) => !isStopword(w) && !['what', 'why', 'how', 'explain', 'describe', 'difference'].includes(w));
  return (content.length > 0 ? content : words(question)).slice(0, maxWords).join('-') || 'question';
}

/**
 * The id itself when it is free, else the first free `<id>-2`, `<id>-3`, ...: a suggested id
 * must never clash with a question the author may load beside it.
 */
export function freeId(id: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(id)) return id;
  let n = 2;
  while (isTaken(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/**
 * Why an id cannot name a question file, or undefined when it can: the file is `<id>.md`, and the
 * bank loader skips hidden files and README.md, so such an id would write a question never read.
 */
export function questionIdProblem(id: string): string | undefined {
  if (id === '') return 'expected an id, found nothing';
  if (/[\s/\\]/.test(id)) return 'expected an id without spaces or slashes';
  // Control and bidi characters: the loader strips them, so the id read back would not be this one.
  if (/[\p{Cc}\p{Cf}]/u.test(id)) return 'expected an id without control characters';
  if (id.startsWith('.')) return 'expected an id that does not start with a dot (the bank loader skips hidden files)';
  if (id.toLowerCase() === 'readme') return 'expected an id other than README (the bank loader skips README.md)';
  if (new TextEncoder().encode(id).length > 200) return 'expected an id of at most 200 bytes (it names a file)';
  return undefined;
}

/** Why a topic cannot name a folder of the bank, or undefined when it can. */
export function topicProblem(topic: string): string | undefined {
  if (!/^[\w-]+$/.test(topic)) return 'expected one word of letters, digits, - or _';
  if (topic === 'node_modules') return 'expected another topic (the bank loader skips node_modules folders)';
  if (new TextEncoder().encode(topic).length > 200) return 'expected a topic of at most 200 bytes (it names a folder)';
  return undefined;
}

/** Reads `--terms "*a, b|alias|other, c"`: commas separate key terms, `|` gives a term its aliases, `*` marks a core idea. */
export function parseTermsSpec(spec: string): QuestionDraft['keyTerms'] {
  return spec
    .split(',')
    .map((part) => part.split('|').map((s) => s.trim()).filter(Boolean))
    .filter((forms) => forms.length > 0 && forms[0]!.replace(/^\*\s*/, '') !== '')
    .map(([term, ...aliases]) => ({ term: term!.replace(/^\*\s*/, ''), aliases, core: term!.startsWith('*') }));
}

/** The text of a question file in the bank format: YAML front matter, then the model answer. */
export function renderQuestionFile(draft: QuestionDraft): string {
  const front: Record<string, unknown> = {
    id: draft.id,
    question: draft.question,
    topic: draft.topic,
    ...(draft.tags.length > 0 ? { tags: draft.tags } : {}),
    difficulty: draft.difficulty,
    ...(draft.rubricProposed ? { rubric: PROPOSED_RUBRIC } : {}),
    ...(draft.alsoAsked && draft.alsoAsked.length > 0 ? { also_asked: draft.alsoAsked } : {}),
    ...(draft.keyTerms.length > 0 ? { key_terms: draft.keyTerms.map(keyTermEntry) } : {}),
  };
  const body = draft.answer.trim();
  return `---\n${yaml.dump(front, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true })}---\n${body === '' ? '' : `${body}\n`}`;
}

/** A key term as the file writes it: a bare string when it has nothing but its words. */
function keyTermEntry(k: QuestionDraft['keyTerms'][number]): string | Record<string, unknown> {
  const weighted = k.weight !== undefined && k.weight !== 1;
  if (k.aliases.length === 0 && !k.core && !weighted) return k.term;
  return { term: k.term, ...(k.aliases.length > 0 ? { aliases: k.aliases } : {}), ...(weighted ? { weight: k.weight } : {}), ...(k.core ? { core: true } : {}) };
}
