import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freeId, parseTermsSpec, questionIdProblem, renderQuestionFile, slugify, topicProblem, type QuestionDraft } from '../core/bank/author.js';
import { BankFolderError, readBank } from '../core/bank/read.js';
import { lintBank } from '../core/bank/lint.js';
import type { Difficulty, Question } from '../core/bank/question.js';
import { CliError, systemCause, UsageError } from '../errors.js';
import { pathExists, writeQuestionFile } from '../store/bank-files.js';
import { bundledBankFolder, resolveBankFolders, settingsFile } from '../paths.js';
import { loadSettings } from './settings.js';
import { stripControlSequences } from '../core/safe-text.js';
import { renderProblem } from '../ui/problems.js';
import { style } from '../ui/style.js';

export interface NewOptions {
  bank?: string;
  id?: string;
  question?: string;
  topic?: string;
  tags?: string[];
  difficulty?: Difficulty;
  terms?: string;
  answerFile?: string;
}

/** Adds a question to a bank: asked for interactively, or given with flags; refuses to overwrite an id. */
export async function runNew(options: NewOptions): Promise<number> {
  const folder = resolve(options.bank ?? 'questions');
  const existing = existsSync(folder) ? readBank([folder]).questions : [];
  const ids = takenIds(existing);
  const draft = await askOrRead(options, existing, ids);
  const topicWrong = topicProblem(draft.topic);
  if (topicWrong) throw new UsageError(`--topic ${JSON.stringify(draft.topic)}: ${topicWrong}`, 'e.g. --topic optimization');
  const idWrong = questionIdProblem(draft.id);
  if (idWrong) throw new UsageError(`--id ${JSON.stringify(draft.id)}: ${idWrong}`, 'e.g. --id learning-rate-warmup');

  const file = join(folder, draft.topic, `${draft.id}.md`);
  const taken = ids.get(draft.id) ?? (pathExists(file) ? file : undefined);
  if (taken) {
    const free = freeId(draft.id, (id) => ids.has(id) || pathExists(join(folder, draft.topic, `${id}.md`)));
    throw new CliError(
      `a question with id ${JSON.stringify(draft.id)} already exists: ${taken}`,
      `ids must be unique across the banks loaded together, the bundled bank included; choose another with --id, e.g. --id ${free}; nothing was written`,
    );
  }
  try {
    writeQuestionFile(folder, draft.topic, draft.id, renderQuestionFile(draft));
  } catch (error) {
    if (error instanceof CliError) throw new CliError(error.message, `${error.hint}; nothing was written`);
    throw error;
  }

  const bank = readBank([folder]);
  const problems = [...bank.problems, ...lintBank(bank.questions)].filter((p) => p.file === file);
  for (const problem of problems) process.stderr.write(`${renderProblem(problem)}\n`);
  if (problems.some((p) => p.severity === 'error')) return 1;
  process.stdout.write(`${style.ok('✔')} Wrote ${file}\n`);
  process.stdout.write(style.hint(`Try it: nnquiz show ${draft.id} --bank ${folder}\n`));
  return 0;
}

/**
 * The ids a new question must not take, with the file holding each: the target bank's, and those
 * of every bank that may be loaded beside it (the banks in use and the bundled bank, loaded or
 * not), since a clash would skip one of the two questions wherever both are loaded.
 */
export function takenIds(existing: readonly Question[]): Map<string, string> {
  const inUse = resolveBankFolders({}, loadSettings(), settingsFile()).folders;
  const ids = new Map<string, string>();
  for (const q of [...existing, ...[...inUse, bundledBankFolder()].flatMap(questionsIn)]) if (!ids.has(q.id)) ids.set(q.id, q.file);
  return ids;
}

/** The questions of one bank; none for a folder that is not there yet (a new bank, a bank in use since removed). */
function questionsIn(folder: string): Question[] {
  try {
    return readBank([folder]).questions;
  } catch (error) {
    if (error instanceof BankFolderError) return [];
    throw error;
  }
}

/** The new question: from the flags, or asked for in the terminal; a suggested id is always a free one. */
async function askOrRead(options: NewOptions, existing: readonly Question[], ids: ReadonlyMap<string, string>): Promise<QuestionDraft> {
  const suggestId = (question: string) => freeId(slugify(question), (id) => ids.has(id));
  if (options.question !== undefined) return fromFlags(options, suggestId, ids);
  if (!process.stdin.isTTY) {
    throw new UsageError('no terminal to ask the questions on, and no --question given', 'give --question, --topic, --terms and --answer-file, or run nnquiz new in a terminal');
  }
  const { askNewQuestion } = await import('../ui/prompts.js');
  return askNewQuestion({ topics: [...new Set(existing.map((q) => q.topic))].sort(), suggestId, idHolder: (id) => ids.get(id) });
}

/** Says on stderr that the id the question's words suggest was taken, and which id it got instead. */
function noteRenamed(question: string, id: string, ids: ReadonlyMap<string, string>): void {
  const wanted = slugify(question);
  if (wanted === id) return;
  process.stderr.write(style.hint(`note: the id ${JSON.stringify(wanted)} is taken (${stripControlSequences(ids.get(wanted) ?? '')}), so the question gets the id ${JSON.stringify(id)}; give --id to choose another\n`));
}

function fromFlags(options: NewOptions, suggestId: (question: string) => string, ids: ReadonlyMap<string, string>): QuestionDraft {
  if (!options.answerFile) throw new UsageError('--answer-file is needed with --question', "give the model answer in a Markdown file, or '-' to read it from stdin");
  let answer: string;
  try {
    answer = readFileSync(options.answerFile === '-' ? 0 : options.answerFile, 'utf8');
  } catch (error) {
    throw new UsageError(`--answer-file ${JSON.stringify(options.answerFile)} cannot be read: ${systemCause(error)}`, 'give a Markdown file holding the model answer');
  }
  if (!answer.trim()) throw new UsageError(`--answer-file ${JSON.stringify(options.answerFile)} is empty`, 'the model answer is needed');
  const question = options.question!.trim();
  if (!question) throw new UsageError('--question is empty', 'e.g. --question "What is learning-rate warmup?"');
  const id = options.id ?? suggestId(question);
  if (options.id === undefined) noteRenamed(question, id, ids);
  return {
    id,
    question,
    topic: options.topic ?? 'general',
    tags: options.tags ?? [],
    difficulty: options.difficulty ?? 'medium',
    keyTerms: options.terms ? parseTermsSpec(options.terms) : [],
    answer,
  };
}
