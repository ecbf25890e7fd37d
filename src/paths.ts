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
