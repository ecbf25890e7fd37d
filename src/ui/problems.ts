import { formatProblem, type BankProblem } from '../core/problem.js';
import { stripControlSequences } from '../core/safe-text.js';
import { style } from './style.js';

/** One line per problem; file names are sanitised too, since a bank's file names come from its author. */
export function renderProblem(problem: BankProblem): string {
  const line = stripControlSequences(formatProblem(problem)).replace(/\n/g, ' ');
  return problem.severity === 'error' ? style.error(line) : style.warning(line);
}

/** Writes the loader's problems to stderr, so that stdout stays clean for the command's output. */
export function reportProblems(problems: readonly BankProblem[]): void {
  for (const problem of problems) process.stderr.write(`${renderProblem(problem)}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${style.hint(`${problems.length} bank file${problems.length === 1 ? '' : 's'} skipped; run 'nnquiz validate' for details`)}\n`);
  }
}
