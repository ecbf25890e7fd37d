import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTermsSpec, renderQuestionFile, slugify, type QuestionDraft } from '../core/bank/author.js';
import { readBank } from '../core/bank/read.js';
import { lintBank } from '../core/bank/lint.js';
import type { Difficulty } from '../core/bank/question.js';
import { CliError, UsageError } from '../errors.js';
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
  if (!/^[\w-]+$/.test(draft.topic)) throw new UsageError(`--topic ${JSON.stringify(draft.topic)}: expected one word of letters, digits, - or _`, 'e.g. --topic optimization');
  if (!/^\S+$/.test(draft.id) || draft.id.includes('/')) throw new UsageError(`--id ${JSON.stringify(draft.id)}: expected an id without spaces or slashes`, 'e.g. --id learning-rate-warmup');

  const file = join(folder, draft.topic, `${draft.id}.md`);
  const taken = ids.get(draft.id) ?? (existsSync(file) ? file : undefined);
  if (taken) throw new CliError(`a question with id ${JSON.stringify(draft.id)} already exists: ${taken}`, 'choose another id with --id; nothing was written');
  mkdirSync(join(folder, draft.topic), { recursive: true });
  // 'wx' refuses to replace a file that appeared meanwhile.
  writeFileSync(file, renderQuestionFile(draft), { flag: 'wx' });

  const bank = readBank([folder]);
  const problems = [...bank.problems, ...lintBank(bank.questions)].filter((p) => p.file === file);
  for (const problem of problems) process.stderr.write(`${renderProblem(problem)}\n`);
  if (problems.some((p) => p.severity === 'error')) return 1;
  process.stdout.write(`${style.ok('✔')} Wrote ${file}\n`);
  process.stdout.write(style.hint(`Try it: nnquiz show ${draft.id} --bank ${folder}\n`));
  return 0;
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
