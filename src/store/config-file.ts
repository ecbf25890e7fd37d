import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { parseSettings, type Settings } from '../core/settings.js';
import { describeFileKind, resolveLinks, writeFileAtomic } from './atomic.js';
import { withFileLock } from './file-lock.js';

export interface SettingsFile {
  path: string;
  exists: boolean;
  /** The raw object in the file, kept whole so that writing one key never drops the others. */
  raw: Record<string, unknown>;
  settings: Partial<Settings>;
  /** What is wrong with the file, each naming the key; empty when it is fine. */
  problems: string[];
  /** The path is there but is no regular file (a FIFO, a device, a folder): no setting can fix that. */
  notRegular?: boolean;
}

/** Reads the settings file; a missing file is no settings, and problems are returned, not thrown. */
export function readSettingsFile(path: string): SettingsFile {
  let text: string;
  let fd: number | undefined;
  const notRegular = (stats: Stats): SettingsFile => ({ path, exists: true, raw: {}, settings: {}, problems: [`it is ${describeFileKind(stats)}, not a regular file`], notRegular: true });
  try {
    const before = statSync(path);
    if (!before.isFile()) return notRegular(before);
    // Non-blocking, so that a FIFO put there meanwhile still cannot make every command hang.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return notRegular(stats);
    // Notepad and friends save UTF-8 with a byte-order mark, which JSON.parse refuses.
    text = readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, exists: false, raw: {}, settings: {}, problems: [] };
    return { path, exists: true, raw: {}, settings: {}, problems: [`it cannot be read (${code ?? String(error)})`] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return { path, exists: true, raw: {}, settings: {}, problems: [`it is not valid JSON (${(error as Error).message})`] };
  }
  const { settings, problems } = parseSettings(data);
  const raw = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { path, exists: true, raw, settings, problems };
}

/** The settings file is something other than a regular file, which nnquiz never replaces. */
export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
  }
}

/**
 * Writes the settings file atomically, creating its folder. A symbolic link is written through to
 * the file it names (a dotfiles repo keeps its link), and the file keeps its mode and owner.
 */
export function writeSettingsFile(path: string, raw: Record<string, unknown>): void {
  const target = resolveLinks(path);
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (stats && !stats.isFile()) throw new NotRegularFileError(target, describeFileKind(stats));
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, `${JSON.stringify(raw, null, 2)}\n`, stats ? { mode: stats.mode & 0o777, owner: { uid: stats.uid, gid: stats.gid } } : {});
}

/**
 * Reads the settings file, changes it and writes it back under a lock, so that two `config set`
 * run at once both land. `change` gets the file as it is now and returns what to write, or throws
 * to write nothing.
 */
export function updateSettingsFile(path: string, change: (file: SettingsFile) => Record<string, unknown>): Record<string, unknown> {
  const target = resolveLinks(path);
  mkdirSync(dirname(target), { recursive: true });
  return withFileLock(target, () => {
    const raw = change(readSettingsFile(path));
    writeSettingsFile(path, raw);
    return raw;
  });
}
