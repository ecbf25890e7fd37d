import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toQuestionJson } from '../core/json.js';
import { effectiveVerdict, type Attempt } from '../core/practice/progress.js';
import type { Question } from '../core/bank/question.js';
import { buildSchedule } from '../core/practice/schedule.js';
import { renderAnkiSheet, renderHtmlSheet, renderMarkdownSheet, type SheetFormat, type SheetOptions } from '../core/export/sheet.js';
import { CliError, UsageError } from '../errors.js';
import { dataFolder } from '../paths.js';
import { loadProgress, LOG_FILE } from '../store/progress.js';
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
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new UsageError(`--out ${JSON.stringify(out)}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'give a path in a folder you can write to');
  }
  process.stderr.write(`Wrote ${questions.length} question${questions.length === 1 ? '' : 's'} to ${resolve(out)}${options.format === 'anki' ? " (in Anki: File › Import, note type Basic)" : ''}\n`);
  return 0;
}

/** The questions whose latest attempt was not correct, or that are due, with the last answer and what it missed. */
function weakQuestions(questions: readonly Question[], options: StoreOptions) {
  const folder = dataFolder(options.dataDir);
  const progress = loadProgress(join(folder, LOG_FILE));
  reportDamage(progress.damaged, progress.file);
  if (progress.attempts.length === 0) {
    throw new CliError(`no practice history in ${folder}, so there are no weak questions yet`, "answer some questions with 'nnquiz quiz' first, or export without --weak");
  }
  const schedule = buildSchedule(progress.attempts);
  const now = new Date();
  const latest = new Map<string, Attempt>();
  for (const attempt of progress.attempts) latest.set(attempt.question, attempt);
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
