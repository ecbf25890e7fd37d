import type { Grade, Verdict } from '../core/grading/index.js';
import { stripControlSequences } from '../core/safe-text.js';
import { displayWidth, fitToTerminal, padEnd, terminalWidth } from './layout.js';
import { style } from './style.js';

const VERDICT_LABEL: Record<Verdict, string> = { correct: '✔ correct', partial: '◐ partial', incorrect: '✘ incorrect' };

export function renderVerdict(verdict: Verdict): string {
  const label = VERDICT_LABEL[verdict];
  return verdict === 'correct' ? style.ok(label) : verdict === 'partial' ? style.warning(label) : style.error(label);
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * The verdict and the score, then what is missing and any misconception (what matters most, read
 * first), then what matched (a typo or another word form shown beside the term it stands for).
 * Answer text is the user's own, but is sanitised like any other.
 */
export function renderGrade(grade: Grade): string {
  const lines = [`${style.heading(renderVerdict(grade.verdict))}  score ${percent(grade.score)} ${style.dim(`(pass mark ${percent(grade.passMark)})`)}`];
  // Matched terms are aligned on their arrows only while that leaves room for the words heard.
  const longest = Math.max(0, ...grade.matched.map((m) => displayWidth(m.term)));
  const width = longest <= Math.min(40, ((terminalWidth() ?? 100) - 10) / 2) ? longest : 0;
  if (grade.missing.length > 0) {
    lines.push('', style.heading('Missing:'));
    for (const term of grade.missing) {
      const marks = [term.core ? 'core' : '', term.weight !== 1 ? `weight ${term.weight}` : ''].filter(Boolean).join(', ');
      lines.push(`  ${style.error('✘')} ${term.term}${marks ? style.dim(`  (${marks})`) : ''}`);
    }
  }
  if (grade.misconceptions.length > 0) {
    lines.push('', style.heading('Misconception:'));
    for (const m of grade.misconceptions) {
      lines.push(`  ${style.error('✘')} ${m.claim}  ${style.dim('←')} "${stripControlSequences(m.text)}"`, `    ${m.why}`);
    }
  }
  if (grade.matched.length > 0) {
    lines.push('', style.heading(grade.derivedTerms ? 'Matched (key terms derived from the model answer):' : 'Matched:'));
    for (const match of grade.matched) {
      const said = stripControlSequences(match.text).replace(/\s+/g, ' ');
      const how = match.how === 'exact' ? '' : style.dim(` (${match.how}${match.how === 'alias' ? `: ${match.form}` : ''})`);
      lines.push(`  ${style.ok('✔')} ${padEnd(match.term, width)}  ${style.dim('←')} "${said}"${how}`);
    }
  }
  if (grade.notes.length > 0) {
    lines.push('');
    for (const note of grade.notes) lines.push(style.hint(`note: ${stripControlSequences(note)}`));
  }
  return fitToTerminal(lines.join('\n'));
}
