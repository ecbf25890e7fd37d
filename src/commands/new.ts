import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTermsSpec, questionIdProblem, renderQuestionFile, slugify, topicProblem, type QuestionDraft } from '../core/bank/author.js';
import { readBank } from '../core/bank/read.js';
import { lintBank } from '../core/bank/lint.js';
import type { Difficulty } from '../core/bank/question.js';
import { CliError, UsageError } from '../errors.js';
import { isInsideFolder } from '../paths.js';
import { writeFileAtomic } from '../store/atomic.js';
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
  const ids = new Map(existing.map((q) => [q.id, q.file]));

  let draft: QuestionDraft;
  if (options.question !== undefined) draft = fromFlags(options);
  else if (process.stdin.isTTY) {
    const { askNewQuestion } = await import('../ui/prompts.js');
    draft = await askNewQuestion({ topics: [...new Set(existing.map((q) => q.topic))].sort(), suggestId: slugify, idTaken: (id) => ids.has(id) });
  } else {
    throw new UsageError('no terminal to ask the questions on, and no --question given', 'give --question, --topic, --terms and --answer-file, or run nnquiz new in a terminal');
  }
  const topicWrong = topicProblem(draft.topic);
  if (topicWrong) throw new UsageError(`--topic ${JSON.stringify(draft.topic)}: ${topicWrong}`, 'e.g. --topic optimization');
  const idWrong = questionIdProblem(draft.id);
  if (idWrong) throw new UsageError(`--id ${JSON.stringify(draft.id)}: ${idWrong}`, 'e.g. --id learning-rate-warmup');

  const file = join(folder, draft.topic, `${draft.id}.md`);
  const taken = ids.get(draft.id) ?? (exists(file) ? file : undefined);
  if (taken) throw new CliError(`a question with id ${JSON.stringify(draft.id)} already exists: ${taken}`, 'choose another id with --id; nothing was written');
  const topicFolder = join(folder, draft.topic);
  try {
    mkdirSync(folder, { recursive: true });
    checkInsideBank(folder, topicFolder);
    mkdirSync(topicFolder, { recursive: true });
    // A temporary file renamed into place: a full disk never leaves half a question that loads;
    // exclusive: a file (or link) that appeared meanwhile is never replaced.
    writeFileAtomic(file, renderQuestionFile(draft), { exclusive: true });
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'EEXIST' && exists(file)) throw new CliError(`${file} already exists`, 'choose another id with --id; nothing was written');
    const where = (error as NodeJS.ErrnoException).path ?? file;
    throw new CliError(`${where} cannot be written (${code}${code === 'ENOSPC' ? ': the disk is full' : ''})`, 'free some space, or check the bank folder is a writable folder, then try again; nothing was written');
  }

  const bank = readBank([folder]);
  const problems = [...bank.problems, ...lintBank(bank.questions)].filter((p) => p.file === file);
  for (const problem of problems) process.stderr.write(`${renderProblem(problem)}\n`);
  if (problems.some((p) => p.severity === 'error')) return 1;
  process.stdout.write(`${style.ok('✔')} Wrote ${file}\n`);
  process.stdout.write(style.hint(`Try it: nnquiz show ${draft.id} --bank ${folder}\n`));
  return 0;
}

/** Whether anything is at the path, a dangling link included. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A topic folder may be a link (a bank cloned from anyone may hold one): it must still lead to a folder inside the bank. */
function checkInsideBank(bank: string, topicFolder: string): void {
  if (!exists(topicFolder)) return;
  const hint = `nnquiz new writes only inside ${bank}: choose another --topic, or replace it with a folder; nothing was written`;
  let real: string;
  try {
    real = realpathSync(topicFolder);
  } catch {
    throw new CliError(`${topicFolder} is a link that leads nowhere`, hint);
  }
  if (!isInsideFolder(realpathSync(bank), real)) throw new CliError(`${topicFolder} leads outside the bank, to ${real}`, hint);
  if (!statSync(real).isDirectory()) throw new CliError(`${topicFolder} is not a folder`, hint);
}

function fromFlags(options: NewOptions): QuestionDraft {
  if (!options.answerFile) throw new UsageError('--answer-file is needed with --question', "give the model answer in a Markdown file, or '-' to read it from stdin");
  let answer: string;
  try {
    answer = readFileSync(options.answerFile === '-' ? 0 : options.answerFile, 'utf8');
  } catch (error) {
    throw new UsageError(`--answer-file ${JSON.stringify(options.answerFile)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'give a Markdown file holding the model answer');
  }
  if (!answer.trim()) throw new UsageError(`--answer-file ${JSON.stringify(options.answerFile)} is empty`, 'the model answer is needed');
  const question = options.question!.trim();
  if (!question) throw new UsageError('--question is empty', 'e.g. --question "What is learning-rate warmup?"');
  return {
    id: options.id ?? slugify(question),
    question,
    topic: options.topic ?? 'general',
    tags: options.tags ?? [],
    difficulty: options.difficulty ?? 'medium',
    keyTerms: options.terms ? parseTermsSpec(options.terms) : [],
    answer,
  };
}
