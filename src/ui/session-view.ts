import type { Grade, Verdict } from '../core/grading/index.js';
import type { Question } from '../core/bank/question.js';
import { stripControlSequences } from '../core/safe-text.js';
import type { SessionResult, SessionSummary } from '../core/practice/session.js';
import { renderGrade, renderVerdict } from './grade-report.js';
import { renderTable } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { style } from './style.js';

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `${'█'.repeat(filled)}${style.dim('░'.repeat(width - filled))}`;
}

/** `Question 3/10 ███░░ training · medium`, then the question. */
export function renderQuestion(label: string, position: number, total: number, question: Question, extra = ''): string {
  const facts = style.dim(`${question.topic} · ${question.difficulty}${extra ? ` · ${extra}` : ''}`);
  return `\n${style.heading(`${label} ${position}/${total}`)}  ${progressBar(position - 1, total)}  ${facts}\n${style.heading(question.question)}\n`;
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

/** The grade, then the model answer. */
export function renderFeedback(grade: Grade, question: Question, options: { late: boolean; skipped: boolean }): string {
  const lines: string[] = [];
  if (options.skipped) lines.push(style.dim('Skipped.'));
  else lines.push(renderGrade(grade));
  if (options.late) lines.push(style.warning('Answered after the time limit: marked late.'));
  lines.push('', style.heading('Model answer:'), renderMarkdown(question.answer), '');
  return lines.join('\n');
}

const verdictCell = (result: SessionResult) => (result.skipped ? 'skipped' : `${result.verdict}${result.late ? ' (late)' : ''}`);

/** The end of a session: each question's verdict and score, share correct per topic, time, and what next. */
export function renderSummary(results: readonly SessionResult[], summary: SessionSummary, options: { interrupted: boolean; next: string }): string {
  const lines: string[] = [''];
  if (results.length === 0) {
    lines.push(options.interrupted ? 'Stopped before any answer; nothing was saved.' : 'No questions were answered.');
    return lines.join('\n');
  }
  lines.push(style.heading(options.interrupted ? `Stopped after ${results.length} question${results.length === 1 ? '' : 's'}; every answer given is saved.` : 'Session summary'));
  lines.push(
    renderTable(
      ['#', 'QUESTION', 'VERDICT', 'SCORE'],
      results.map((r, i) => [String(i + 1), r.question.id, verdictCell(r), `${Math.round(r.score * 100)}%`]),
      [undefined, style.id, (cell) => colourVerdict(cell)],
    ),
  );
  lines.push('', style.heading('By topic'));
  lines.push(
    renderTable(
      ['TOPIC', 'CORRECT', 'SHARE'],
      summary.topics.map((t) => [t.topic, `${t.correct}/${t.asked}`, `${Math.round(t.share * 100)}%`]),
    ),
  );
  lines.push('', `${summary.correct}/${summary.answered} correct · average score ${Math.round(summary.averageScore * 100)}% · ${formatDuration(summary.totalSeconds)} in all`);
  if (summary.weakestTopics.length > 0) lines.push(`Weakest: ${summary.weakestTopics.join(', ')}`);
  lines.push(style.hint(`Next: ${options.next}`));
  return lines.join('\n');
}

function colourVerdict(cell: string): string {
  const verdict = cell.split(' ')[0] as Verdict | 'skipped';
  return verdict === 'correct' ? style.ok(cell) : verdict === 'partial' ? style.warning(cell) : verdict === 'skipped' ? style.dim(cell) : style.error(cell);
}

/** The mock-interview report: every question with the answer given, the verdict, what was missed, any misconception corrected, and the model answer. */
export function renderExamReport(results: readonly SessionResult[]): string {
  const lines: string[] = ['', style.heading('Mock interview report')];
  results.forEach((r, i) => {
    lines.push('', style.heading(`${i + 1}. ${r.question.question}`));
    lines.push(`${style.dim('Your answer:')} ${r.skipped ? style.dim('(skipped)') : stripControlSequences(r.answer)}`);
    lines.push(`${r.skipped ? style.dim('skipped') : renderVerdict(r.verdict)}  score ${Math.round(r.score * 100)}%${r.late ? style.warning('  late') : ''}  ${style.dim(formatDuration(r.seconds))}`);
    if (r.missing.length > 0) lines.push(`${style.dim('Missed:')} ${r.missing.join(', ')}`);
    for (const m of r.misconceptions ?? []) lines.push(`${style.error('Misconception:')} ${m.claim}. ${m.why}`);
    lines.push(style.dim('Model answer:'), renderMarkdown(r.question.answer));
  });
  return lines.join('\n');
}

/** A due date relative to now: `now`, `in 10 minutes`, `in 3 days (2026-11-28)`, `2 days ago`. */
export function formatDue(due: Date, now: Date): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
  const absolute = Math.abs(minutes);
  if (absolute < 1) return 'now';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const span = absolute < 60 ? plural(absolute, 'minute') : absolute < 24 * 60 ? plural(Math.round(absolute / 60), 'hour') : plural(Math.round(absolute / 1440), 'day');
  const date = absolute >= 48 * 60 ? ` (${due.toISOString().slice(0, 10)})` : '';
  return minutes > 0 ? `in ${span}${date}` : `${span} ago${date}`;
}
