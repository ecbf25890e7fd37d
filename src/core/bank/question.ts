import type jsYaml from 'js-yaml';
import type { BankProblem } from './problem.js';
import { quoteFound, stripControlSequences } from '../safe-text.js';

export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
export const DEFAULT_PASS_MARK = 0.6;
/** The largest weight a key term may have: any number of them then adds up to a finite total. */
export const MAX_WEIGHT = 100;

/** One idea an interviewer listens for, with the other ways candidates say it. */
export interface KeyTerm {
  term: string;
  /** Other ways to say it; `A ... B` asks for both parts in one clause (a relation such as `He ... ReLU`). */
  aliases: string[];
  weight: number;
  /** A core idea must be heard for the answer to pass; the others show depth. */
  core: boolean;
  /** Set on derived terms that the model answer states under a negation ("cannot return"): an answer must negate them too. */
  negated?: boolean;
}

/** A common wrong claim an interviewer listens for, with why it is wrong: a tutor's correction. */
export interface Misconception {
  claim: string;
  /** Other ways candidates state the claim; `A ... B` as for key terms. */
  aliases: string[];
  why: string;
}

export interface Question {
  id: string;
  question: string;
  topic: string;
  tags: string[];
  difficulty: Difficulty;
  keyTerms: KeyTerm[];
  /** Wrong claims candidates make about this question, which cap an answer that states them. */
  misconceptions: Misconception[];
  /** True when the file lists no key terms and they were derived from the model answer. */
  keyTermsDerived: boolean;
  /**
   * True when the file marks its key terms `rubric: proposed` (as `nnquiz import` writes them): words
   * derived from the model answer that nobody has reviewed, graded as derived terms are.
   */
  rubricProposed: boolean;
  passMark: number;
  followUps: string[];
  /** Ids this question had before (a question merged into it keeps resolving): `show`, `grade` and progress take them for this one. */
  formerIds: string[];
  /** The model answer: the Markdown body of the file. */
  answer: string;
  /** The file's line where the model answer starts, so that problems in the answer name file lines. */
  answerLine?: number;
  /** The file it came from, as given to the loader. */
  file: string;
  /** Whether it is a question of the bundled bank (set when banks are loaded), which progress keeps apart from a question of the user's with the same id. */
  bundled?: boolean;
  /** Fields the file left out and that took a default (validate warns about some of them); a topic taken from the folder is no default. */
  defaulted: Array<'id' | 'topic' | 'difficulty' | 'passMark'>;
  /** Front-matter keys nnquiz does not know, kept for forward compatibility. */
  extra: Record<string, unknown>;
}

/**
 * Set by a loader that reads a question's model answer and rubric only when they are first used
 * (the bank cache): how many key terms it has, so that asking does not load them.
 */
export const KEY_TERM_COUNT = Symbol('nnquiz.keyTermCount');

/** How many key terms a question lists, without loading them where its loader can say. */
export function keyTermCount(question: Pick<Question, 'keyTerms'>): number {
  return (question as { [KEY_TERM_COUNT]?: number })[KEY_TERM_COUNT] ?? question.keyTerms.length;
}

/**
 * A copy of a question with some fields changed. Every field is read by name rather than spread, so
 * that a question whose answer and rubric load on first use (the bank cache's) is copied whole.
 */
export function withChanges(q: Question, changes: Partial<Question>): Question {
  const copy: Question = {
    id: q.id,
    question: q.question,
    topic: q.topic,
    tags: q.tags,
    difficulty: q.difficulty,
    keyTerms: q.keyTerms,
    misconceptions: q.misconceptions,
    keyTermsDerived: q.keyTermsDerived,
    rubricProposed: q.rubricProposed,
    passMark: q.passMark,
    followUps: q.followUps,
    formerIds: q.formerIds,
    answer: q.answer,
    file: q.file,
    defaulted: q.defaulted,
    extra: q.extra,
  };
  if (q.answerLine !== undefined) copy.answerLine = q.answerLine;
  if (q.bundled !== undefined) copy.bundled = q.bundled;
  return Object.assign(copy, changes);
}

/** Whether an answer to it can be graded: a question with no model answer and no key terms (an unanswered import) has nothing to grade against. */
export function canBeGraded(question: Pick<Question, 'keyTerms'>): boolean {
  return keyTermCount(question) > 0;
}

export interface ParseContext {
  /** The file's path, used in problems and kept on the question. */
  file: string;
  /** The default id: the file name without `.md`. */
  defaultId: string;
  /** The default topic: the parent folder's name, or undefined for a file at the bank's root. */
  defaultTopic?: string;
}

export type ParseResult = { question: Question; problems: [] } | { question?: undefined; problems: BankProblem[] };

const KNOWN_KEYS = new Set(['id', 'question', 'topic', 'tags', 'difficulty', 'key_terms', 'misconceptions', 'pass_mark', 'follow_ups', 'former_ids', 'rubric']);
/** The one value of `rubric:`; an author deletes the line once the key terms are reviewed. */
export const PROPOSED_RUBRIC = 'proposed';
const FALLBACK_TOPIC = 'general';
const MAX_STRING = 10_000;

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

let yamlParser: typeof jsYaml | undefined;

/**
 * js-yaml, loaded on first use: a bank served from the cache never needs it, and it is a good part
 * of the start-up time.
 */
function yamlModule(): typeof jsYaml {
  // node:module fetched here, not imported: loading it starts parts of Node's ES module loader (under a millisecond, on every run).
  return (yamlParser ??= process.getBuiltinModule('node:module').createRequire(import.meta.url)('js-yaml') as typeof jsYaml);
}

/**
 * The front matter's data: YAML in the core schema (no custom types, no dates; a duplicate key is
 * an error). Empty front matter (or only comments, or `~`) is an empty mapping, as gray-matter had it.
 * The front matter is split off here, not by gray-matter, which used each file's whole text as a
 * key of its cache object (V8 then interns the text) and made an unused Buffer copy of it: some
 * 0.4 s of reading 10,000 files, where the split below takes 20 ms.
 */
function parseYaml(text: string): unknown {
  const yaml = yamlModule();
  return yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {};
}

/**
 * Parses one question file. Never throws: a file that cannot be used comes back as problems
 * naming what was expected and what was found. Every string is stripped of control sequences.
 */
export function parseQuestion(text: string, context: ParseContext): ParseResult {
  const fail = (message: string, line?: number): ParseResult => ({
    problems: [{ file: context.file, line, severity: 'error', message }],
  });
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') return fail('the file is empty; expected YAML front matter between --- lines, then the model answer');
  const opening = /^---([^\n]*)\n/.exec(source);
  if (!opening) {
    return fail("no front matter; expected the file to start with a '---' line, then YAML such as 'question: What is dropout?', then '---'", 1);
  }
  // Stryker disable next-line StringLiteral: the group always matches (maybe empty), so the fallback is never used.
  const language = (opening[1] ?? '').trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return fail(`front matter in ${quoteFound(language)} is not allowed and was not run; expected YAML ('---' on its own line)`, 1);
  }
  const end = /\n---[ \t]*(\n|$)/.exec(source.slice(opening[0].length - 1));
  if (!end) return fail("the front matter is never closed; expected a second '---' line after the YAML", 1);

  // The YAML runs from the newline that ends the opening line, so that its line 0 is the file's line 1.
  const yamlStart = opening[0].length - 1;
  const frontMatterEnd = yamlStart + end.index;
  // The model answer starts on the line after the closing one.
  const bodyStart = frontMatterEnd + end[0].length;
  const body = source.slice(bodyStart);
  let data: unknown;
  try {
    data = parseYaml(source.slice(yamlStart, frontMatterEnd));
  } catch (error) {
    return fail(`invalid YAML front matter: ${describeYamlError(error)}`, yamlErrorLine(error));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(`the front matter must be a YAML mapping of keys such as 'question:'; found ${quoteFound(data)}`, 2);
  }
  const frontMatter = source.slice(opening[0].length, frontMatterEnd);
  try {
    return { question: toQuestion(data as Record<string, unknown>, body, context, answerStartLine(source, bodyStart)), problems: [] };
  } catch (error) {
    if (error instanceof FieldError) return fail(error.message, fieldLine(frontMatter, error.field));
    return fail(`the front matter could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The line where the answer's first text stands: after the blank lines that open the body. */
function answerStartLine(source: string, bodyStart: number): number {
  // Stryker disable next-line Regex: /\s*/ matches at the start anyway.
  const leading = /^\s*/.exec(source.slice(bodyStart))![0];
  // The line breaks before the body, and those of the blank lines that open it.
  // Stryker disable next-line StringLiteral: lastIndexOf('') moves the end past spaces and one character of text, none of them a line break.
  const end = bodyStart + leading.lastIndexOf('\n') + 1;
  let lines = 1;
  // Stryker disable next-line EqualityOperator: the character at `end` is never a line break (those are part of `leading`).
  for (let at = source.indexOf('\n'); at !== -1 && at < end; at = source.indexOf('\n', at + 1)) lines++;
  return lines;
}

function toQuestion(data: Record<string, unknown>, body: string, context: ParseContext, answerLine: number): Question {
  const defaulted: Question['defaulted'] = [];
  const question = requiredString(data, 'question', 'question: What is dropout?');
  let id = optionalString(data, 'id', 'id: dropout');
  if (id === undefined) {
    id = stripControlSequences(context.defaultId);
    defaulted.push('id');
  }
  if (/\s/.test(id) && !defaulted.includes('id')) {
    throw new FieldError('id', `'id' must not contain spaces; expected e.g. 'id: vanishing-gradient', found ${quoteFound(id)}`);
  }
  let topic = optionalString(data, 'topic', 'topic: training');
  if (topic === undefined) {
    topic = stripControlSequences(context.defaultTopic ?? FALLBACK_TOPIC);
    // The folder is the documented way to give a topic; only the catch-all is worth a warning.
    if (context.defaultTopic === undefined) defaulted.push('topic');
  }
  let difficulty: Difficulty = 'medium';
  if (data.difficulty === undefined || data.difficulty === null) defaulted.push('difficulty');
  else {
    const value = typeof data.difficulty === 'string' ? data.difficulty.trim().toLowerCase() : undefined;
    if (!DIFFICULTIES.includes(value as Difficulty)) {
      throw new FieldError('difficulty', `'difficulty' must be easy, medium or hard; found ${quoteFound(data.difficulty)}`);
    }
    difficulty = value as Difficulty;
  }
  if (data.pass_mark === undefined || data.pass_mark === null) defaulted.push('passMark');
  const passMark = data.pass_mark ?? DEFAULT_PASS_MARK;
  if (typeof passMark !== 'number' || !(passMark > 0 && passMark <= 1)) {
    throw new FieldError('pass_mark', `'pass_mark' must be a number above 0 and at most 1, e.g. 'pass_mark: 0.6'; found ${quoteFound(data.pass_mark)}`);
  }
  // An empty answer loads (an imported list may ask questions it does not answer); validate warns.
  const answer = stripControlSequences(body).trim();
  if (data.rubric !== undefined && data.rubric !== null && data.rubric !== PROPOSED_RUBRIC) {
    throw new FieldError('rubric', `'rubric' may only be '${PROPOSED_RUBRIC}' (key terms nobody has reviewed yet); found ${quoteFound(data.rubric)}; delete the line once the key terms are reviewed`);
  }
  // Built as entries, so that a key named `__proto__` is kept as a key and never sets a prototype.
  const extra: Record<string, unknown> = Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN_KEYS.has(key)).map(([key, value]) => [key, boundedCopy(key, value)]));
  return {
    id,
    question,
    topic,
    tags: stringList(data, 'tags', 'tags: [gradients, activations]'),
    difficulty,
    keyTerms: keyTermList(data.key_terms),
    misconceptions: misconceptionList(data.misconceptions),
    keyTermsDerived: false,
    rubricProposed: data.rubric === PROPOSED_RUBRIC,
    passMark,
    followUps: stringList(data, 'follow_ups', 'follow_ups: [exploding-gradient]'),
    formerIds: stringList(data, 'former_ids', 'former_ids: [adaptive-learning-rates]').filter((former) => former !== id),
    answer,
    answerLine,
    file: context.file,
    defaulted,
    extra,
  };
}

const MAX_EXTRA_VALUES = 1_000;

/**
 * Copies an unknown key's value as plain data. YAML aliases share one object, so a small file can
 * describe a value that explodes when printed as JSON ("billion laughs"); the copy refuses that.
 */
function boundedCopy(key: string, value: unknown): unknown {
  let budget = MAX_EXTRA_VALUES;
  const copy = (item: unknown, depth: number): unknown => {
    if (--budget < 0 || depth > 20) {
      throw new FieldError(key, `'${key}' holds more than ${MAX_EXTRA_VALUES} values or is nested too deeply (YAML aliases count each time they are used); keep extra keys small`);
    }
    if (typeof item === 'string') return stripControlSequences(item);
    if (Array.isArray(item)) return item.map((element) => copy(element, depth + 1));
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [stripControlSequences(k), copy(v, depth + 1)]));
    }
    return item;
  };
  return copy(value, 0);
}

function cleanString(value: string, field: string): string {
  const text = stripControlSequences(value).trim();
  if (text.length > MAX_STRING) {
    throw new FieldError(field, `'${field}' is ${text.length} characters long; expected at most ${MAX_STRING}`);
  }
  return text;
}

function requiredString(data: Record<string, unknown>, field: string, example: string): string {
  const value = data[field];
  if (value === undefined || value === null) {
    throw new FieldError(field, `'${field}' is missing; expected a non-empty string, e.g. '${example}'`);
  }
  const text = typeof value === 'string' ? cleanString(value, field) : undefined;
  if (!text) throw new FieldError(field, `'${field}' must be a non-empty string, e.g. '${example}'; found ${quoteFound(value)}`);
  return text;
}

function optionalString(data: Record<string, unknown>, field: string, example: string): string | undefined {
  return data[field] === undefined || data[field] === null ? undefined : requiredString(data, field, example);
}

function stringList(data: Record<string, unknown>, field: string, example: string): string[] {
  const value = data[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
    throw new FieldError(field, `'${field}' must be a list of strings, e.g. '${example}'; found ${quoteFound(value)}`);
  }
  return cleanList(value, field);
}

function keyTermList(value: unknown): KeyTerm[] {
  if (value === undefined || value === null) return [];
  const example = "key_terms: [gradient, {term: ReLU, aliases: [rectified linear unit]}]";
  if (!Array.isArray(value)) {
    throw new FieldError('key_terms', `'key_terms' must be a list, e.g. '${example}'; found ${quoteFound(value)}`);
  }
  return value.map((entry, index): KeyTerm => {
    const where = `key_terms item ${index + 1}`;
    if (typeof entry === 'string' || typeof entry === 'number') {
      const term = cleanString(String(entry), 'key_terms');
      if (!term) throw new FieldError('key_terms', `${where} is empty; expected a term such as 'gradient'`);
      return { term, aliases: [], weight: 1, core: false };
    }
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new FieldError('key_terms', `${where} must be a string or a mapping with 'term:'; found ${quoteFound(entry)}`);
    }
    const record = entry as Record<string, unknown>;
    if (typeof record.term !== 'string' || !cleanString(record.term, 'key_terms')) {
      throw new FieldError('key_terms', `${where} needs 'term:' as a non-empty string, e.g. '{term: ReLU}'; found ${quoteFound(record.term)}`);
    }
    const aliases = aliasList(record, where, 'key_terms');
    const weight = record.weight ?? 1;
    // Bounded so that weights always add up to a finite total: two of 1e308 made a score of NaN.
    if (typeof weight !== 'number' || !(weight > 0) || !(weight <= MAX_WEIGHT)) {
      throw new FieldError('key_terms', `${where}: 'weight' must be a positive number up to ${MAX_WEIGHT}, e.g. 'weight: 2'; found ${quoteFound(record.weight)}`);
    }
    // `required` is the name older banks use for a core idea.
    const core = record.core ?? record.required ?? false;
    if (typeof core !== 'boolean') {
      throw new FieldError('key_terms', `${where}: 'core' must be true or false; found ${quoteFound(record.core ?? record.required)}`);
    }
    // Stryker disable next-line StringLiteral: the same term passed cleanString above, so this call never throws.
    return { term: cleanString(record.term, 'key_terms'), aliases, weight, core };
  });
}

const cleanList = (items: unknown[], field: string) => [...new Set(items.map((item) => cleanString(String(item), field)).filter(Boolean))];

/** The `aliases:` of a key term or misconception: a list of strings, cleaned and without repeats. */
function aliasList(record: Record<string, unknown>, where: string, field: string): string[] {
  const aliases = record.aliases ?? [];
  if (!Array.isArray(aliases) || aliases.some((alias) => typeof alias !== 'string' && typeof alias !== 'number')) {
    throw new FieldError(field, `${where}: 'aliases' must be a list of strings, e.g. 'aliases: [relu]'; found ${quoteFound(aliases)}`);
  }
  return cleanList(aliases, field);
}

function misconceptionList(value: unknown): Misconception[] {
  if (value === undefined || value === null) return [];
  const example = "misconceptions: [{claim: dropout is used at test time, why: it is switched off at inference}]";
  if (!Array.isArray(value)) {
    throw new FieldError('misconceptions', `'misconceptions' must be a list, e.g. '${example}'; found ${quoteFound(value)}`);
  }
  return value.map((entry, index): Misconception => {
    const where = `misconceptions item ${index + 1}`;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a string, list or null has no 'claim' or 'why' either, so the item is refused the same way.
    const record = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
    const claim = record && typeof record.claim === 'string' ? cleanString(record.claim, 'misconceptions') : '';
    const why = record && typeof record.why === 'string' ? cleanString(record.why, 'misconceptions') : '';
    if (!claim || !why) {
      throw new FieldError('misconceptions', `${where} needs 'claim:' and 'why:' as non-empty strings, e.g. '{claim: dropout is used at test time, why: it is switched off at inference}'; found ${quoteFound(entry)}`);
    }
    return { claim, aliases: aliasList(record!, where, 'misconceptions'), why };
  });
}

/** The 1-based line of a top-level key in the file (the front matter starts on line 2). */
function fieldLine(frontMatter: string, field: string): number | undefined {
  if (!field) return undefined;
  const index = frontMatter.split('\n').findIndex((line) => line.startsWith(`${field}:`));
  return index < 0 ? undefined : index + 2;
}

function yamlErrorLine(error: unknown): number | undefined {
  // The parser is handed the text from the newline that ends the opening '---', so its line 0 is the file's line 1.
  const yaml = yamlModule();
  // Stryker disable next-line OptionalChaining: js-yaml gives every YAMLException its mark.
  const line = error instanceof yaml.YAMLException ? error.mark?.line : undefined;
  // Stryker disable next-line ConditionalExpression: the parser throws only js-yaml's YAMLException here (with its mark), so the line is always a number.
  return typeof line === 'number' ? line + 1 : undefined;
}

function describeYamlError(error: unknown): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: js-yaml 4.3 stops nesting at maxDepth with a YAMLException, so no RangeError reaches here.
  if (error instanceof RangeError) return 'nested too deeply';
  // The file and line are reported separately; js-yaml's excerpt of the text is left out.
  const yaml = yamlModule();
  const reason = error instanceof yaml.YAMLException ? error.reason : error instanceof Error ? error.message : String(error);
  return stripControlSequences(reason).replace(/\s+/g, ' ');
}
