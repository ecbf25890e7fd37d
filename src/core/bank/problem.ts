export type Severity = 'error' | 'warning';

/** Something wrong with a bank file: where it is, how bad, and what was expected instead. */
export interface BankProblem {
  file: string;
  line?: number;
  severity: Severity;
  /** What failed, the expected shape and what was found, in one sentence. */
  message: string;
}

/** Formats a problem as one line, compiler style: `file:line: error: message`. */
export function formatProblem(problem: BankProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message}`;
}
