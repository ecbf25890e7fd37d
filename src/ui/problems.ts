import { formatProblem, type BankProblem } from '../core/bank/problem.js';
import { stripControlSequences } from '../core/safe-text.js';
import { style } from './style.js';

/** One line per problem; file names are sanitised too, since a bank's file names come from its author. */
export function renderProblem(problem: BankProblem): string {
  const line = stripControlSequences(formatProblem(problem)).replace(/\n/g, ' ');
  return problem.severity === 'error' ? style.error(line) : style.warning(line);
}

/** Says once per run that some lines of the progress log could not be read and were skipped. */
export function reportDamage(damaged: ReadonlyArray<{ line: number }>, file: string): void {
  if (damaged.length === 0) return;
  const lines = damaged.map((d) => d.line).join(', ');
  process.stderr.write(
    `${style.warning(`nnquiz: ${damaged.length} damaged record${damaged.length === 1 ? '' : 's'} in ${stripControlSequences(file)} (line ${lines}) skipped; everything else loaded`)}\n` +
      `${style.hint('hint: a crash can tear the last line; the file is never rewritten, so nothing else is affected')}\n`,
  );
}
