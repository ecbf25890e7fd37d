import type { Grade, Verdict } from '../core/grading/index.js';
import type { Question } from '../core/bank/question.js';
import { stripControlSequences } from '../core/safe-text.js';
import type { SessionResult, SessionSummary } from '../core/practice/session.js';
import { renderGrade, renderVerdict } from './grade-report.js';
import { displayWidth, fitToTerminal, renderTable, terminalHeight, terminalWidth } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { style } from './style.js';

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `${'█'.repeat(filled)}${style.dim('░'.repeat(width - filled))}`;
}

/**
 * `Question 3/10 ████░░░░ training · medium`, then the question. The bar shows the questions done
 * and narrows on a narrow screen; the line wraps between its parts, never inside a word.
 */
export function renderQuestion(label: string, position: number, total: number, question: Question, extra = ''): string {
  const facts = style.dim(`${question.topic} · ${question.difficulty}${extra ? ` · ${extra}` : ''}`);
  const count = `${label} ${position}/${total}`;
  const width = terminalWidth() ?? 80;
  const barWidth = Math.max(5, Math.min(20, width - displayWidth(count) - 4));
  return `\n${style.heading(count)}  ${progressBar(position - 1, total, barWidth)}  ${facts}\n${style.heading(question.question)}\n`;
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

/** Lines of text once wrapped to the terminal. */
const lineCount = (text: string) => fitToTerminal(text).split('\n').length;

/**
 * The grade (verdict and what was missed first), then the model answer. On a terminal too short to
 * show it all, the model answer is shortened so that the verdict is still on screen when the next
 * key is asked for; `nnquiz show` has the whole answer.
 */
export function renderFeedback(grade: Grade, question: Question, options: { late: boolean; skipped: boolean }): string {
  const lines: string[] = [];
  if (options.skipped) lines.push(style.dim('Skipped.'));
  else lines.push(renderGrade(grade));
  if (options.late) lines.push(style.warning('Answered after the time limit: marked late.'));
  lines.push('', style.heading('Model answer:'));
  const head = lines.join('\n');
  let answer = renderMarkdown(question.answer, Math.min(terminalWidth() ?? 100, 100));
  const height = terminalHeight();
  if (height !== undefined) {
    // Room left once the grade, a blank line and the two-line key hint are on screen.
    const room = Math.max(3, height - lineCount(head) - 3);
    const answerLines = fitToTerminal(answer).split('\n');
    if (answerLines.length > room) {
      const cut = answerLines.length - (room - 1);
      answer = [...answerLines.slice(0, room - 1), style.dim(`… ${cut} more line${cut === 1 ? '' : 's'}: 'nnquiz show ${question.id}' shows the whole answer`)].join('\n');
    }
  }
  return fitToTerminal(`${head}\n${answer}\n`);
}

const OVERRIDE_MARK = '*';
const verdictCell = (result: SessionResult) =>
  result.skipped ? 'skipped' : `${result.verdict}${result.gradedVerdict ? OVERRIDE_MARK : ''}${result.late ? ' (late)' : ''}`;

/** The end of a session: each question's verdict and score, share correct per topic, time, and what next. */
export function renderSummary(results: readonly SessionResult[], summary: SessionSummary, options: { interrupted: boolean; next: string }): string {
  const lines: string[] = [''];
  if (results.length === 0) {
    lines.push(options.interrupted ? 'Stopped before any answer; nothing was saved.' : 'No questions were answered.');
    return fitToTerminal(lines.join('\n'));
  }
  lines.push(style.heading(options.interrupted ? `Stopped after ${results.length} question${results.length === 1 ? '' : 's'}; every answer given is saved.` : 'Session summary'));
  lines.push(
    renderTable(
      ['#', 'QUESTION', 'VERDICT', 'SCORE'],
      // A skip has no score: it was not answered, which is not the same as 0%.
      results.map((r, i) => [String(i + 1), r.question.id, verdictCell(r), r.skipped ? '–' : `${Math.round(r.score * 100)}%`]),
      [undefined, style.id, (cell) => colourVerdict(cell)],
    ),
  );
  if (summary.overridden > 0) lines.push(style.dim(`${OVERRIDE_MARK} your call, over the grader's ${results.filter((r) => r.gradedVerdict).map((r) => r.gradedVerdict).join(', ')}`));
  lines.push('', style.heading('By topic'));
  lines.push(
    renderTable(
      ['TOPIC', 'CORRECT', 'SHARE'],
      summary.topics.map((t) => [t.topic, `${t.correct}/${t.asked}`, `${Math.round(t.share * 100)}%`]),
    ),
  );
  const parts = [`${summary.correct}/${summary.asked} correct`];
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  if (summary.answered > 0) parts.push(`average score ${Math.round(summary.averageScore * 100)}%${summary.skipped > 0 ? ' of those answered' : ''}`);
  parts.push(`${formatDuration(summary.totalSeconds)} in all`);
  lines.push('', parts.join(' · '));
  if (summary.weakestTopics.length > 0) lines.push(`Weakest: ${summary.weakestTopics.join(', ')}`);
  lines.push(style.hint(`Next: ${options.next}`));
  return fitToTerminal(lines.join('\n'));
}

function colourVerdict(cell: string): string {
  const verdict = cell.split(/[ *]/)[0] as Verdict | 'skipped';
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
    lines.push(style.dim('Model answer:'), renderMarkdown(r.question.answer, Math.min(terminalWidth() ?? 100, 100)));
  });
  return fitToTerminal(lines.join('\n'));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local calendar date as `3 Dec`, with the year when it is not this year's. */
function shortDate(date: Date, now: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]}${date.getFullYear() === now.getFullYear() ? '' : ` ${date.getFullYear()}`}`;
}

/** A due date relative to now: `now`, `in 10 minutes`, `in 3 days, 4 Dec`, `2 days ago, 29 Nov`. */
export function formatDue(due: Date, now: Date): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
  const absolute = Math.abs(minutes);
  if (absolute < 1) return 'now';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const span = absolute < 60 ? plural(absolute, 'minute') : absolute < 24 * 60 ? plural(Math.round(absolute / 60), 'hour') : plural(Math.round(absolute / 1440), 'day');
  const date = absolute >= 48 * 60 ? `, ${shortDate(due, now)}` : '';
  return minutes > 0 ? `in ${span}${date}` : `${span} ago${date}`;
}

/** How far off a due date is, in a few characters, for the rating keys: `10m`, `5h`, `1d`, `15d`. */
export function formatInterval(due: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((due.getTime() - now.getTime()) / 60_000));
  return minutes < 60 ? `${minutes}m` : minutes < 24 * 60 ? `${Math.round(minutes / 60)}h` : `${Math.round(minutes / 1440)}d`;
}
