import envPaths from 'env-paths';
import { fileURLToPath } from 'node:url';

/**
 * The bank that ships with nnquiz, found beside the installed code (src/ in development,
 * dist/ when built), never in the current folder.
 */
export function bundledBankFolder(): string {
  return fileURLToPath(new URL('../questions', import.meta.url));
}

/** The bank folders to load: those given with --bank, or else the bundled bank. */
export function bankFolders(given: readonly string[] | undefined): string[] {
  return given && given.length > 0 ? [...given] : [bundledBankFolder()];
}

/**
 * Where progress is kept: --data-dir, else NNQUIZ_DATA_DIR, else the platform's data folder
 * (on Linux $XDG_DATA_HOME/nnquiz, by default ~/.local/share/nnquiz).
 */
export function dataFolder(flag: string | undefined): string {
  if (flag) return flag;
  const fromEnvironment = process.env.NNQUIZ_DATA_DIR;
  if (fromEnvironment) return fromEnvironment;
  return envPaths('nnquiz', { suffix: '' }).data;
}

