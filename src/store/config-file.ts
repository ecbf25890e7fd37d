import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseSettings, type Settings } from '../core/settings.js';
import { writeFileAtomic } from './atomic.js';

export interface SettingsFile {
  path: string;
  exists: boolean;
  /** The raw object in the file, kept whole so that writing one key never drops the others. */
  raw: Record<string, unknown>;
  settings: Partial<Settings>;
  /** What is wrong with the file, each naming the key; empty when it is fine. */
  problems: string[];
}

/** Reads the settings file; a missing file is no settings, and problems are returned, not thrown. */
export function readSettingsFile(path: string): SettingsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, exists: false, raw: {}, settings: {}, problems: [] };
    return { path, exists: true, raw: {}, settings: {}, problems: [`it cannot be read (${code ?? String(error)})`] };
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

/** Writes the settings file atomically, creating its folder. */
export function writeSettingsFile(path: string, raw: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify(raw, null, 2)}\n`);
}
