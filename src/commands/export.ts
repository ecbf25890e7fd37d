import { closeSync, constants, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { toQuestionJson } from '../core/json.js';
import { creditedAttempts, effectiveVerdict, type Attempt } from '../core/practice/progress.js';
import type { Question } from '../core/bank/question.js';
import { buildSchedule } from '../core/practice/schedule.js';
import { renderAnkiSheet, renderHtmlSheet, renderMarkdownSheet, type SheetFormat, type SheetOptions } from '../core/export/sheet.js';
import { CliError, systemCause, UsageError } from '../errors.js';
import { dataFolder } from '../paths.js';
import { describeFileKind, writeFileAtomic } from '../store/atomic.js';
import { readProgressIn } from '../store/progress.js';
import { reportDamage } from '../ui/problems.js';
import { applySelection, findQuestion, loadQuestions, type BankOptions, type SelectionOptions } from './bank-options.js';
import type { StoreOptions } from './practice.js';

export interface ExportOptions extends BankOptions, SelectionOptions, StoreOptions {
  format: SheetFormat;
  out?: string;
  ids?: string[];
  weak?: boolean;
  answers: boolean;
  terms?: boolean;
  title?: string;
  /** Replace a file at the default path that nnquiz did not write. */
  force?: boolean;
}

const DEFAULT_FILES: Partial<Record<SheetFormat, string>> = { html: 'nnquiz-study-sheet.html', anki: 'nnquiz-study-sheet.txt' };

/** Exports the selected questions as a study sheet: Markdown, HTML, Anki's import format or JSON. */
export function runExport(options: ExportOptions): number {
  const all = loadQuestions(options);
  let questions = applySelection(all, options);
  if (options.ids && options.ids.length > 0) {
    const wanted = options.ids.map((id) => findQuestion(all, id).id);
    questions = questions.filter((q) => wanted.includes(q.id));
  }
  const sheet: SheetOptions = { title: options.title ?? (options.weak ? 'Revision sheet: my weak spots' : 'Neural-network interview questions'), answers: options.answers, terms: options.terms ?? false };
  if (options.weak) {
    const weak = weakQuestions(questions, options);
    questions = weak.questions;
    sheet.weak = weak.details;
  }
  if (questions.length === 0 && options.weak) {
    throw new CliError('no weak questions: every question you practised here was last answered correctly, and none is due', "practise more with 'nnquiz quiz', or export without --weak");
  }
  if (questions.length === 0) throw new CliError('no questions match this selection, so there is nothing to export', "check the filters with 'nnquiz list'");

  const text =
    options.format === 'md'
      ? renderMarkdownSheet(questions, sheet)
      : options.format === 'html'
        ? renderHtmlSheet(questions, sheet)
        : options.format === 'anki'
          ? renderAnkiSheet(questions, sheet)
          : `${JSON.stringify(questions.map(toQuestionJson), null, 2)}\n`;
  const out = options.out ?? DEFAULT_FILES[options.format];
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return 0;
  }
  writeSheet(out, text, { explicit: options.out !== undefined, force: options.force === true });
  process.stderr.write(`Wrote ${questions.length} question${questions.length === 1 ? '' : 's'} to ${resolve(out)}${options.format === 'anki' ? " (in Anki: File › Import, note type Basic)" : ''}\n`);
  return 0;
}

/**
 * Writes a sheet to a file without ever writing through what is there: the text goes to a temporary
 * file beside it, renamed into place. A bank cloned from anyone may ship a link at the default path
 * (to ~/.bashrc, say), so a link or anything but a regular file is refused, and a regular file
 * nnquiz did not write is replaced only when asked (--force, or naming it with --out).
 */
function writeSheet(out: string, text: string, how: { explicit: boolean; force: boolean }): void {
  let existing: Stats | undefined;
  try {
    existing = lstatSync(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new CliError(`${out}: cannot write the file (${code ?? String(error)})`, 'give a path in a folder you can write to with --out');
  }
  if (existing?.isSymbolicLink()) {
    throw new CliError(`${out} is a symbolic link; nnquiz never writes through one`, "remove the link, or choose another file with --out ('--out -' prints the sheet); nothing was written");
  }
  if (existing && !existing.isFile()) throw new CliError(`${out} is ${describeFileKind(existing)}, not a regular file`, 'choose another file with --out; nothing was written');
  if (existing && !how.explicit && !how.force && !isOwnSheet(out)) {
    throw new CliError(`${out} already exists and was not written by nnquiz`, 'pass --force to replace it, or choose another file with --out; nothing was written');
  }
  try {
    writeFileAtomic(out, text, existing ? { mode: existing.mode & 0o777 } : { exclusive: true });
  } catch (error) {
    throw new UsageError(`--out ${JSON.stringify(out)} cannot be written: ${systemCause(error, 'folder')}`, 'give a path in a folder you can write to; nothing was written');
  }
}

/** Whether a file begins as the HTML or Anki sheets nnquiz writes do. */
function isOwnSheet(file: string): boolean {
  let start = '';
  try {
    // Non-blocking: a FIFO swapped in since the check must not hang the export.
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const buffer = Buffer.alloc(512);
      start = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  const anki = start.startsWith('#separator:tab\n#html:true\n');
  const html = start.startsWith('<!doctype html>\n') && start.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  return anki || html;
}

/** The questions whose latest attempt was not correct, or that are due, with the last answer and what it missed. */
function weakQuestions(questions: readonly Question[], options: StoreOptions) {
  const folder = dataFolder(options.dataDir);
  const progress = readProgressIn(folder);
  reportDamage(progress.damaged, progress.file);
  if (progress.attempts.length === 0) {
    throw new CliError(`no practice history in ${folder}, so there are no weak questions yet`, "answer some questions with 'nnquiz quiz' first, or export without --weak");
  }
  const attempts = creditedAttempts(progress.attempts, questions);
  const schedule = buildSchedule(attempts);
  const now = new Date();
  const latest = new Map<string, Attempt>();
  for (const attempt of attempts) latest.set(attempt.question, attempt);
  const details = new Map<string, { answer: string; missed: string[]; verdict: string; at: string }>();
  const selected = questions.filter((q) => {
    const last = latest.get(q.id);
    if (!last) return false;
    const due = schedule.get(q.id)!.due <= now;
    const verdict = effectiveVerdict(last);
    if (verdict === 'correct' && !due) return false;
    details.set(q.id, { answer: last.answer, missed: verdict === 'correct' ? [] : last.missing, verdict: last.skipped ? 'skipped' : verdict, at: last.at });
    return true;
  });
  return { questions: selected, details };
}
