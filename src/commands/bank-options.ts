import type FuseType from 'fuse.js';
import { BankFolderError, readBank } from '../core/bank/read.js';
import { canBeGraded, DEFAULT_PASS_MARK, type Difficulty, type Question } from '../core/bank/question.js';
import { questionWithId } from '../core/bank/ids.js';
import { selectQuestions, type Selection } from '../core/bank/select.js';
import { UsageError } from '../errors.js';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { bundledBankFolder, dataFolder, isInsideFolder, resolveBankFolders, settingsFile, type BankChoice } from '../paths.js';
import { packageVersion } from '../version.js';
import { BankCache } from '../store/bank-cache.js';
import type { TermIndex } from '../core/search-index.js';
import { renderProblem } from '../ui/problems.js';
import { loadProgress } from '../ui/load-progress.js';
import { style } from '../ui/style.js';
import type { BankProblem } from '../core/bank/problem.js';
import { stripControlSequences } from '../core/safe-text.js';
import { loadSettings } from './settings.js';

export type BankOptions = BankChoice;

export interface SelectionOptions {
  topic?: string[];
  tag?: string[];
  difficulty?: Difficulty[];
}

/** Loads the banks the options name (or the bundled one), reporting unusable files on stderr. */
export function loadQuestions(options: BankOptions & { dataDir?: string }): Question[] {
  return loadBank(options).questions;
}

/** The banks in use, with the search indexes their caches kept (see loadQuestions). */
export function loadBank(options: BankOptions & { dataDir?: string }): { questions: Question[]; termIndexes: () => TermIndex[] } {
  try {
    const cache = new BankCache(join(dataFolder(options.dataDir), 'cache'), packageVersion());
    const settings = loadSettings();
    const { folders } = resolveBankFolders(options, settings, settingsFile());
    const progress = loadProgress();
    let bank;
    try {
      bank = readBank(folders, { cacheFor: cache.forFolder, onFileRead: progress.fileRead });
      progress.saving();
      cache.save();
    } finally {
      progress.done();
    }
    reportSkipped(bank.problems, folders);
    // A prefix test, not path.relative per question: the files are paths the bank walk joined.
    const bundled = resolve(bundledBankFolder()) + sep;
    // Set in place, not copied: a cached question reads its answer only when it is used, and a copy
    // would read it now. After the save, so that the cache keeps each file's own pass mark.
    for (const q of bank.questions) {
      q.bundled = (isAbsolute(q.file) ? q.file : resolve(q.file)).startsWith(bundled);
      // The settings' pass mark is for questions that set none.
      if (settings.passMark !== DEFAULT_PASS_MARK && q.defaulted.includes('passMark')) q.passMark = settings.passMark;
    }
    return { questions: bank.questions, termIndexes: bank.termIndexes };
  } catch (error) {
    if (error instanceof BankFolderError) {
      throw new UsageError(`bank folder ${JSON.stringify(error.folder)} ${error.reason}`, "give a folder that holds question .md files (--bank, NNQUIZ_BANK or 'nnquiz config set banks')");
    }
    throw error;
  }
}

/** Writes the loader's problems to stderr (stdout stays the command's), with the validate command that explains them. */
function reportSkipped(problems: readonly BankProblem[], folders: readonly string[]): void {
  if (problems.length === 0) return;
  for (const problem of problems) process.stderr.write(`${renderProblem(problem)}\n`);
  const command = validateCommand(problems, folders);
  process.stderr.write(`${style.hint(`${problems.length} bank file${problems.length === 1 ? '' : 's'} skipped; for details run: ${command}`)}\n`);
}

/** `nnquiz validate --bank <folder>` for the folders holding the problem files: the banks in use may be others. */
function validateCommand(problems: readonly Pick<BankProblem, 'file'>[], folders: readonly string[]): string {
  const holding = folders.filter((folder) => problems.some((p) => isInsideFolder(resolve(folder), resolve(p.file))));
  return ['nnquiz validate', ...[...new Set(holding)].map((folder) => `--bank ${shellWord(folder)}`)].join(' ');
}

/** A path as one shell word, quoted only when it needs to be, so the hint can be pasted as it is. */
function shellWord(path: string): string {
  const text = stripControlSequences(path);
  return /^[\w@%+=:,./~-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The values nearest a mistyped one, for a "did you mean" hint. fuse.js is required here, when a
 * hint is wanted, not bundled: every other run would compile it for nothing (some 3 ms of a start).
 */
function closest(values: readonly string[], typed: string, limit: number): string[] {
  // node:module fetched here, not imported: loading it starts parts of Node's ES module loader.
  const Fuse = process.getBuiltinModule('node:module').createRequire(import.meta.url)('fuse.js') as typeof FuseType;
  return new Fuse(values, { threshold: 0.4 }).search(typed, { limit }).map((r) => r.item);
}

/** Finds the question with an id, or fails with the closest ids as a hint. */
export function findQuestion(questions: readonly Question[], id: string): Question {
  const found = questionWithId(questions, id);
  if (found) return found;
  const near = closest(questions.map((q) => q.id), id, 3);
  throw new UsageError(
    `no question with id ${JSON.stringify(id)}`,
    near.length > 0 ? `did you mean ${near.join(', ')}? ('nnquiz list' shows every id)` : `run 'nnquiz list' for the ids, or 'nnquiz search ${id}'`,
  );
}

/** Applies --topic/--tag/--difficulty, failing on a topic or tag that no loaded question has. */
export function applySelection(questions: readonly Question[], options: SelectionOptions): Question[] {
  // Every topic and tag of the bank is gathered only for a filter that names some.
  if (options.topic?.length) checkKnown('--topic', options.topic, new Set(questions.map((q) => q.topic.toLowerCase())));
  if (options.tag?.length) checkKnown('--tag', options.tag, new Set(questions.flatMap((q) => q.tags.map((t) => t.toLowerCase()))));
  const selection: Selection = { topics: options.topic, tags: options.tag, difficulties: options.difficulty };
  return selectQuestions(questions, selection);
}

/**
 * The questions quiz and review can ask: one with nothing to grade against (an imported question
 * still without an answer) is left out, and said on stderr, so no attempt is scored against nothing.
 */
export function practicable(questions: readonly Question[]): Question[] {
  const gradable = questions.filter(canBeGraded);
  const left = questions.length - gradable.length;
  if (left > 0 && gradable.length === 0) {
    throw new UsageError(`none of the ${left === 1 ? 'question' : `${left} questions`} chosen has a model answer to grade against`, "write the answers after each file's closing --- line ('nnquiz validate' lists them)");
  }
  if (left > 0) {
    const some = left === 1 ? `1 question has` : `${left} questions have`;
    process.stderr.write(`${style.dim(`${some} no model answer yet and ${left === 1 ? 'is' : 'are'} left out ('nnquiz validate' lists ${left === 1 ? 'it' : 'them'}).`)}\n`);
  }
  return gradable;
}

function checkKnown(flag: string, values: string[], known: Set<string>): void {
  for (const value of values) {
    if (known.has(value.toLowerCase())) continue;
    const all = [...known].sort();
    const near = closest(all, value, 1)[0];
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} matches no question in the loaded banks`,
      all.length === 0
        ? `no loaded question has a ${flag.slice(2)}; 'nnquiz list' shows the questions`
        : `${near ? `did you mean ${near}? ` : ''}known: ${all.slice(0, 30).join(', ')}${all.length > 30 ? ', …' : ''}`,
    );
  }
}
