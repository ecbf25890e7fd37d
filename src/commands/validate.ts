import { BankFolderError, readBank } from '../core/bank/read.js';
import { lintBank } from '../core/bank/lint.js';
import { UsageError } from '../errors.js';
import { resolveBankFolders, settingsFile } from '../paths.js';
import { loadSettings } from './settings.js';
import { renderProblem } from '../ui/problems.js';
import { style } from '../ui/style.js';

export interface ValidateOptions {
  strict?: boolean;
  json?: boolean;
  withBundled?: boolean;
}

/** Checks banks (default: those in use): errors (unusable files) and warnings (weak grading); exit 1 on errors, or on warnings with --strict. */
export function runValidate(folders: string[], options: ValidateOptions): number {
  // The given folders, or else the banks in use (by default the bundled bank).
  const targets = resolveBankFolders({ bank: folders, withBundled: options.withBundled }, loadSettings(), settingsFile()).folders;
  let bank;
  try {
    bank = readBank(targets);
  } catch (error) {
    if (error instanceof BankFolderError) {
      throw new UsageError(`${JSON.stringify(error.folder)}: ${error.reason}`, 'give folders that hold question .md files, e.g. nnquiz validate ./my-questions');
    }
    throw error;
  }
  const problems = [...bank.problems, ...lintBank(bank.questions)].map((problem) =>
    options.strict ? { ...problem, severity: 'error' as const } : problem,
  );
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ folders: targets, questions: bank.questions.length, errors, warnings, problems }, null, 2)}\n`);
    return errors > 0 ? 1 : 0;
  }
  for (const problem of problems) process.stdout.write(`${renderProblem(problem)}\n`);
  const summary = `${bank.questions.length} question${bank.questions.length === 1 ? '' : 's'} loaded; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (errors > 0) process.stdout.write(`${style.error(`✖ ${summary}`)}\n`);
  else process.stdout.write(`${warnings > 0 ? style.warning(`⚠ ${summary}`) : style.ok(`✔ ${summary}`)}\n`);
  return errors > 0 ? 1 : 0;
}
