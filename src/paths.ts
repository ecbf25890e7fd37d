import envPaths from 'env-paths';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from './core/settings.js';

const platformPaths = () => envPaths('nnquiz', { suffix: '' });

/**
 * The bank that ships with nnquiz, found beside the installed code (src/ in development,
 * dist/ when built), never in the current folder.
 */
export function bundledBankFolder(): string {
  return fileURLToPath(new URL('../questions', import.meta.url));
}

/** A data file that ships with nnquiz (data/), found beside the installed code as the bundled bank is. */
export function bundledDataFile(name: string): string {
  return fileURLToPath(new URL(`../data/${name}`, import.meta.url));
}

/** `~/x` → the home folder's x; anything else unchanged. */
export function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

export interface BankChoice {
  /** Folders given with --bank. */
  bank?: string[];
  /** --with-bundled: load the bundled bank too. */
  withBundled?: boolean;
}

export type BankSource = 'flag' | 'environment' | 'settings' | 'default';

/**
 * The bank folders to load. The strongest source wins: --bank, then NNQUIZ_BANK (a `:`-separated
 * list), then the settings file's `banks`, then the bundled bank alone. The bundled bank is added
 * to the settings' banks when `includeBundled` is on, and to any others with --with-bundled.
 */
export function resolveBankFolders(choice: BankChoice, settings: Pick<Settings, 'banks' | 'includeBundled'>, settingsFile: string): { folders: string[]; source: BankSource } {
  const bundled = bundledBankFolder();
  const withBundled = (folders: string[], include: boolean) => (include && !folders.includes(bundled) ? [...folders, bundled] : folders);
  if (choice.bank && choice.bank.length > 0) return { folders: withBundled([...choice.bank], choice.withBundled === true), source: 'flag' };
  const fromEnvironment = (process.env.NNQUIZ_BANK ?? '').split(':').filter(Boolean).map(expandHome);
  if (fromEnvironment.length > 0) return { folders: withBundled(fromEnvironment, choice.withBundled === true), source: 'environment' };
  if (settings.banks.length > 0) {
    // Relative paths in the settings file are relative to the file, not to wherever nnquiz runs.
    const folders = settings.banks.map((bank) => resolve(dirname(settingsFile), expandHome(bank)));
    return { folders: withBundled(folders, settings.includeBundled || choice.withBundled === true), source: 'settings' };
  }
  return { folders: [bundled], source: 'default' };
}

/**
 * Where progress is kept: --data-dir, else NNQUIZ_DATA_DIR, else the platform's data folder
 * (on Linux $XDG_DATA_HOME/nnquiz, by default ~/.local/share/nnquiz).
 */
export function dataFolder(flag: string | undefined): string {
  if (flag) return flag;
  const fromEnvironment = process.env.NNQUIZ_DATA_DIR;
  if (fromEnvironment) return fromEnvironment;
  return platformPaths().data;
}

/** The settings file: NNQUIZ_CONFIG if set, else config.json in the platform's config folder (on Linux $XDG_CONFIG_HOME/nnquiz). */
export function settingsFile(): string {
  return process.env.NNQUIZ_CONFIG || join(platformPaths().config, 'config.json');
}

/** Whether `path` is `folder` or lies below it; compare real paths (links resolved) for a check that means anything. */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
