import { stripControlSequences } from '../core/safe-text.js';
import type { Stats } from '../core/practice/stats.js';
import { fitToTerminal, renderTable, terminalWidth, truncate } from './layout.js';
import { style } from './style.js';

const SPARKS = ' ▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[]): string {
  const max = Math.max(1, ...values);
  return values.map((v) => (v === 0 ? '·' : SPARKS[Math.max(1, Math.round((v / max) * (SPARKS.length - 1)))])).join('');
}

/** A share as a bar: ten cells, or five on a narrow screen. */
function bar(share: number, width = (terminalWidth() ?? 80) < 60 ? 5 : 10): string {
  const filled = Math.round(share * width);
  return `${'█'.repeat(filled)}${style.dim('░'.repeat(width - filled))}`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function renderStats(stats: Stats, file: string): string {
  const lines: string[] = [];
  lines.push(style.heading('Progress') + style.dim(`  (${stripControlSequences(file)})`));
  if (stats.attempts === 0) {
    lines.push('No attempts yet. Start with: nnquiz quiz');
    return lines.join('\n');
  }
  lines.push(
    `  ${stats.attempts} attempt${stats.attempts === 1 ? '' : 's'} · ${stats.correct} of ${stats.answered} answered correctly (${percent(stats.shareCorrect)}) · streak ${stats.streakDays} day${stats.streakDays === 1 ? '' : 's'}`,
  );
  lines.push(`  Due: ${stats.dueToday} today · ${stats.dueThisWeek} this week`);

  const rated = stats.topics.filter((t) => t.shareCorrect !== null);
  const weakest = rated.length > 1 ? [...rated].sort((a, b) => a.shareCorrect! - b.shareCorrect!)[0]?.topic : undefined;
  lines.push('', style.heading('By topic') + style.dim(`  (share correct over each topic's latest attempts)`));
  lines.push(
    renderTable(
      ['TOPIC', 'SEEN', 'CORRECT', ''],
      stats.topics.map((t) => [
        t.topic,
        `${t.seen}/${t.questions}`,
        t.shareCorrect === null ? '–' : `${bar(t.shareCorrect)} ${percent(t.shareCorrect).padStart(4)} of ${t.recentAttempts}`,
        t.topic === weakest ? 'weakest' : '',
      ]),
      [undefined, undefined, undefined, (cell) => style.error(cell)],
    ).replace(/\s+$/gm, ''),
  );
  lines.push('', `${style.heading(`Last ${stats.history.length} days`)}  ${sparkline(stats.history.map((d) => d.attempts))}  ${style.dim(`${stats.history[0]!.day} … ${stats.history.at(-1)!.day}`)}`);

  if (stats.missedTerms.length > 0) {
    lines.push('', style.heading('Ideas you keep leaving out'));
    for (const term of stats.missedTerms.slice(0, 5)) {
      lines.push(`  ${term.term} ${style.dim(`— missed ${term.misses} time${term.misses === 1 ? '' : 's'}, in ${term.questions.join(', ')}`)}`);
    }
  }
  if (stats.overrides.length > 0) {
    const width = Math.max(40, (terminalWidth() ?? 120) - 10);
    lines.push('', style.heading('Where you overrode the grader') + style.dim('  (add the words you used as aliases)'));
    for (const o of stats.overrides.slice(0, 5)) {
      lines.push(`  ${style.id(o.question)}: ${o.toCorrect} marked right, ${o.toIncorrect} marked wrong`);
      for (const answer of o.answers) lines.push(style.dim(`    "${truncate(stripControlSequences(answer).replace(/\s+/g, ' '), width)}"`));
    }
  }
  if (stats.flagged.length > 0) lines.push('', `${stats.flagged.length} question${stats.flagged.length === 1 ? '' : 's'} flagged for a fix: nnquiz stats --flagged`);
  if (stats.orphaned > 0) lines.push(style.dim(`${stats.orphaned} attempt${stats.orphaned === 1 ? '' : 's'} for questions no longer in the loaded banks (kept, not counted by topic).`));
  lines.push('', style.hint(stats.dueToday > 0 ? 'Next: nnquiz review' : 'Next: nnquiz quiz, or nnquiz review --cram before an interview'));
  return fitToTerminal(lines.join('\n'));
}

/** The flagged questions, latest first, each with its flags and the notes given with them. */
export function renderFlagged(stats: Stats): string {
  if (stats.flagged.length === 0) return 'No questions are flagged.';
  const lines: string[] = [];
  for (const f of stats.flagged) {
    const count = `${f.count} flag${f.count === 1 ? '' : 's'}, last ${f.last.slice(0, 10)}`;
    lines.push(`${style.id(f.question)}${f.orphaned ? style.dim(' (not in the banks)') : ''}  ${style.dim(count)}`);
    for (const note of f.notes.slice(-3)) lines.push(`  • ${note.replace(/\s+/g, ' ')}`);
  }
  return fitToTerminal(lines.join('\n'));
}
