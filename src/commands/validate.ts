import { BankFolderError, readBank, type Bank } from '../core/bank/read.js';
import { lintBank } from '../core/bank/lint.js';
import { UsageError } from '../errors.js';
import { resolveBankFolders, settingsFile } from '../paths.js';
import { loadSettings } from './settings.js';
import { renderProblem } from '../ui/problems.js';
import { style } from '../ui/style.js';

export interface ValidateOptions {
  /** Folders given with --bank, as every other command takes them; the positional folders still work. */
  bank?: string[];
  strict?: boolean;
  json?: boolean;
  withBundled?: boolean;
}

/** Checks banks (default: those in use): errors (unusable files) and warnings (weak grading); exit 1 on errors, or on warnings with --strict. */
export function runValidate(folders: string[], options: ValidateOptions): number {
  // The given folders, or else the banks in use (by default the bundled bank).
  const bank = [...folders, ...(options.bank ?? [])];
  const targets = resolveBankFolders({ bank, withBundled: options.withBundled }, loadSettings(), settingsFile()).folders;
  const loaded = readTargets(targets);
  const problems = [...loaded.problems, ...lintBank(loaded.questions)].map((problem) =>
    options.strict ? { ...problem, severity: 'error' as const } : problem,
  );
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ folders: targets, questions: loaded.questions.length, errors, warnings, problems }, null, 2)}\n`);
    return errors > 0 ? 1 : 0;
  }
  for (const problem of problems) process.stdout.write(`${renderProblem(problem)}\n`);
  const summary = `${loaded.questions.length} question${loaded.questions.length === 1 ? '' : 's'} loaded; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (errors > 0) process.stdout.write(`${style.error(`✖ ${summary}`)}\n`);
  else process.stdout.write(`${warnings > 0 ? style.warning(`⚠ ${summary}`) : style.ok(`✔ ${summary}`)}\n`);
  return errors > 0 ? 1 : 0;
}

function readTargets(targets: string[]): Bank {
  try {
    return readBank(targets);
  } catch (error) {
    if (error instanceof BankFolderError) {
      throw new UsageError(`${JSON.stringify(error.folder)}: ${error.reason}`, 'give folders that hold question .md files, e.g. nnquiz validate --bank ./my-questions');
    }
    throw error;
  }
}
