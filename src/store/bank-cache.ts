import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStamp, ParseCache, ParsedFile } from '../core/bank/read.js';
import { DIFFICULTIES, MAX_WEIGHT } from '../core/bank/question.js';
import { stripControlSequences } from '../core/safe-text.js';
import { writeFileAtomic } from './atomic.js';

/** Bumped whenever parsing changes what it produces, so that older caches are rebuilt. */
const CACHE_FORMAT = 6;

/**
 * How long before it was cached a file must have last changed for its entry to be trusted. File
 * systems with one-second timestamps give a file edited twice within a second, at the same size,
 * the same stamp; an entry made that close to the file's last change proves nothing.
 */
const SETTLED_MS = 2_000;

interface CacheFile {
  format: number;
  version: string;
  folder: string;
  /** Per file: size, modification time, change time, inode, the parse result, and when it was cached. */
  entries: Record<string, [number, number, number, number, ParsedFile, number]>;
}

/** A short, stable name for a folder path (64-bit FNV-1a): no need to load node:crypto for it. */
function pathKey(path: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(path)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

const sameStamp = (entry: CacheFile['entries'][string], stamp: FileStamp) =>
  Array.isArray(entry) &&
  entry[0] === stamp.size && entry[1] === stamp.mtimeMs && entry[2] === stamp.ctimeMs && entry[3] === stamp.ino;

/** Whether the file had settled when its entry was made, so that its stamp says it is unchanged. */
const settled = (entry: CacheFile['entries'][string], stamp: FileStamp) =>
  typeof entry[5] === 'number' && Math.max(stamp.mtimeMs, stamp.ctimeMs) <= entry[5] - SETTLED_MS;

const isCleanString = (value: unknown): value is string => typeof value === 'string' && stripControlSequences(value) === value;
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isCleanString);

/**
 * Whether a cached result has the shape the parser produces, for this file, with no control
 * characters in any string: a cache file is data on disk that anyone could have edited.
 */
function isValidResult(result: unknown, file: string): result is ParsedFile {
  if (result === null || typeof result !== 'object') return false;
  const r = result as Record<string, unknown>;
  if (r.question === undefined) {
    return Array.isArray(r.problems) && r.problems.length > 0 && r.problems.every((p) => p !== null && typeof p === 'object' && (p as { file?: unknown }).file === file && isCleanString((p as { message?: unknown }).message));
  }
  const q = r.question as Record<string, unknown>;
  return (
    Array.isArray(r.problems) &&
    r.problems.length === 0 &&
    q !== null &&
    typeof q === 'object' &&
    q.file === file &&
    [q.id, q.question, q.topic].every((v) => isCleanString(v) && v !== '') &&
    isCleanString(q.answer) &&
    DIFFICULTIES.includes(q.difficulty as never) &&
    isStringList(q.tags) &&
    isStringList(q.followUps) &&
    isStringList(q.formerIds) &&
    Array.isArray(q.defaulted) &&
    typeof q.passMark === 'number' &&
    q.passMark > 0 &&
    q.passMark <= 1 &&
    q.keyTermsDerived === false &&
    typeof q.rubricProposed === 'boolean' &&
    q.extra !== null &&
    typeof q.extra === 'object' &&
    Array.isArray(q.keyTerms) &&
    q.keyTerms.every((k: Record<string, unknown>) => k !== null && typeof k === 'object' && isCleanString(k.term) && isStringList(k.aliases) && typeof k.weight === 'number' && k.weight > 0 && k.weight <= MAX_WEIGHT && typeof k.core === 'boolean') &&
    Array.isArray(q.misconceptions) &&
    q.misconceptions.every((m: Record<string, unknown>) => m !== null && typeof m === 'object' && isCleanString(m.claim) && isCleanString(m.why) && isStringList(m.aliases))
  );
}

class FolderCache implements ParseCache {
  private readonly seen = new Set<string>();
  private changed = false;

  constructor(
    private readonly path: string,
    private readonly content: CacheFile,
    private readonly now: () => number,
  ) {}

  lookup(file: string, stamp: FileStamp): ParsedFile | undefined {
    this.seen.add(file);
    const entry = this.content.entries[file];
    if (entry && sameStamp(entry, stamp) && settled(entry, stamp) && isValidResult(entry[4], file)) return entry[4];
    return undefined;
  }

  store(file: string, stamp: FileStamp, result: ParsedFile): void {
    this.seen.add(file);
    this.content.entries[file] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, result, this.now()];
    this.changed = true;
  }

  /** Writes the cache if anything changed, atomically (a temporary file renamed over the old one). */
  save(): void {
    for (const file of Object.keys(this.content.entries)) {
      if (!this.seen.has(file)) {
        delete this.content.entries[file];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    try {
      writeFileAtomic(this.path, JSON.stringify(this.content));
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}

/**
 * The parsed-bank cache: one file per bank folder in `<data folder>/cache/`, holding each
 * question file's parse result keyed by its path, size, modification and change times and inode.
 * Nothing in it is trusted blindly: an entry is used only for the very same file stamp, made
 * after the file had settled (SETTLED_MS), after its shape is checked, and a cache from another
 * version of nnquiz is ignored.
 */
export class BankCache {
  private readonly folders: FolderCache[] = [];

  constructor(
    private readonly dir: string,
    private readonly version: string,
    private readonly now: () => number = Date.now,
  ) {}

  forFolder = (folder: string): ParseCache | undefined => {
    let real: string;
    try {
      real = realpathSync(folder);
      mkdirSync(this.dir, { recursive: true });
    } catch {
      return undefined;
    }
    const path = join(this.dir, `bank-${pathKey(real)}.json`);
    const fresh: CacheFile = { format: CACHE_FORMAT, version: this.version, folder: real, entries: {} };
    let content = fresh;
    try {
      const loaded = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (loaded.format === CACHE_FORMAT && loaded.version === this.version && loaded.folder === real && loaded.entries && typeof loaded.entries === 'object') {
        content = loaded as CacheFile;
      }
    } catch {
      // Missing or unreadable: start afresh.
    }
    const cache = new FolderCache(path, content, this.now);
    this.folders.push(cache);
    return cache;
  };

  save(): void {
    for (const folder of this.folders) folder.save();
  }
}
