import Fuse from 'fuse.js';
import { BankFolderError, readBank } from '../core/bank/read.js';
import { DEFAULT_PASS_MARK, type Difficulty, type Question } from '../core/bank/question.js';
import { selectQuestions, type Selection } from '../core/bank/select.js';
import { UsageError } from '../errors.js';
import { join } from 'node:path';
import { dataFolder, resolveBankFolders, settingsFile, type BankChoice } from '../paths.js';
import { packageVersion } from '../version.js';
import { BankCache } from '../store/bank-cache.js';
import { reportProblems } from '../ui/problems.js';
import { loadSettings } from './settings.js';

export type BankOptions = BankChoice;

export interface SelectionOptions {
  topic?: string[];
  tag?: string[];
  difficulty?: Difficulty[];
}

/** Loads the banks the options name (or the bundled one), reporting unusable files on stderr. */
export function loadQuestions(options: BankOptions & { dataDir?: string }): Question[] {
  try {
    const cache = new BankCache(join(dataFolder(options.dataDir), 'cache'), packageVersion());
    const settings = loadSettings();
    const { folders } = resolveBankFolders(options, settings, settingsFile());
    const bank = readBank(folders, { cacheFor: cache.forFolder });
    cache.save();
    reportProblems(bank.problems);
    // The settings' pass mark is for questions that set none.
    if (settings.passMark === DEFAULT_PASS_MARK) return bank.questions;
    return bank.questions.map((q) => (q.defaulted.includes('passMark') ? { ...q, passMark: settings.passMark } : q));
  } catch (error) {
    if (error instanceof BankFolderError) {
      throw new UsageError(`bank folder ${JSON.stringify(error.folder)} ${error.reason}`, "give a folder that holds question .md files (--bank, NNQUIZ_BANK or 'nnquiz config set banks')");
    }
    throw error;
  }
}

/** The values nearest a mistyped one, for a "did you mean" hint. */
function closest(values: readonly string[], typed: string, limit: number): string[] {
  return new Fuse(values, { threshold: 0.4 }).search(typed, { limit }).map((r) => r.item);
}

/** Finds the question with an id, or fails with the closest ids as a hint. */
export function findQuestion(questions: readonly Question[], id: string): Question {
  const found = questions.find((q) => q.id === id);
  if (found) return found;
  const near = closest(questions.map((q) => q.id), id, 3);
  throw new UsageError(
    `no question with id ${JSON.stringify(id)}`,
    near.length > 0 ? `did you mean ${near.join(', ')}? ('nnquiz list' shows every id)` : `run 'nnquiz list' for the ids, or 'nnquiz search ${id}'`,
  );
}

/** Applies --topic/--tag/--difficulty, failing on a topic or tag that no loaded question has. */
export function applySelection(questions: readonly Question[], options: SelectionOptions): Question[] {
  checkKnown('--topic', options.topic, new Set(questions.map((q) => q.topic.toLowerCase())));
  checkKnown('--tag', options.tag, new Set(questions.flatMap((q) => q.tags.map((t) => t.toLowerCase()))));
  const selection: Selection = { topics: options.topic, tags: options.tag, difficulties: options.difficulty };
  return selectQuestions(questions, selection);
}

function checkKnown(flag: string, values: string[] | undefined, known: Set<string>): void {
  for (const value of values ?? []) {
    if (known.has(value.toLowerCase())) continue;
    const all = [...known].sort();
    const near = closest(all, value, 1)[0];
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} matches no question in the loaded banks`,
      `${near ? `did you mean ${near}? ` : ''}known: ${all.slice(0, 30).join(', ')}${all.length > 30 ? ', …' : ''}`,
    );
  }
}
