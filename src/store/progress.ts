import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../core/grading/index.js';
import { stripControlSequences } from '../core/safe-text.js';
import type { Attempt, Flag, Rating, Revision } from '../core/practice/progress.js';
import { CliError } from '../errors.js';
import { appendRecord, readRecords, type DamagedLine } from './log.js';

export const LOG_FILE = 'attempts.jsonl';
const VERSION = 1;

/** The data folder cannot be used: said before a session starts, so no answer is ever typed in vain. */
export class StoreError extends CliError {}

const STORE_HINT = 'choose another folder with --data-dir DIR or NNQUIZ_DATA_DIR';
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** The log itself, not its folder, is what cannot be used: say so, naming it. */
function logError(file: string, error: unknown, need: string): StoreError {
  const code = codeOf(error);
  if (code === 'EISDIR') return new StoreError(`progress log ${JSON.stringify(file)} is a folder, not a file`, 'move that folder away, or choose another data folder with --data-dir DIR');
  return new StoreError(`progress log ${JSON.stringify(file)} cannot be ${need} (${code})`, `check its owner and mode (ls -l ${JSON.stringify(file)}), or choose another data folder with --data-dir DIR`);
}

/** An attempt as the session knows it; the store gives it an id and a time. */
export type NewAttempt = Omit<Attempt, 'id' | 'at' | 'override' | 'ratingChosen'>;

export interface LoadedProgress {
  attempts: Attempt[];
  flags: Flag[];
  damaged: DamagedLine[];
  file: string;
}

const VERDICTS = new Set(['correct', 'partial', 'incorrect']);
const RATINGS = new Set(['again', 'hard', 'good', 'easy']);
const isString = (v: unknown): v is string => typeof v === 'string';
// The log is as untrusted as a bank: anything may have edited it, so every string read from it
// is sanitised here, before anything can print it.
const clean = (v: string): string => stripControlSequences(v);
const finite = (n: number): number => (Number.isFinite(n) ? n : 0);

// The form nnquiz writes: kept as it is, which spares a Date per record on a long log.
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A time from the log as UTC ISO text, or undefined when it cannot be read as a time. */
function readTime(value: unknown): string | undefined {
  if (!isString(value)) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return UTC_ISO.test(value) ? value : new Date(time).toISOString();
}

/**
 * The progress store: one append-only log of JSON lines in the data folder. Attempts, later
 * revisions of them (a verdict override, a chosen rating) and flags are each one appended line;
 * nothing is ever rewritten, so a crash can at most leave the line being written torn, and that
 * line is skipped on reading while every other record loads.
 */
export class ProgressStore {
  readonly file: string;

  private constructor(
    readonly dir: string,
    private readonly clock: () => Date,
  ) {
    this.file = join(dir, LOG_FILE);
  }

  /** Opens (creating if need be) the store in a folder, failing clearly if it cannot be written. */
  static open(dir: string, clock: () => Date = () => new Date()): ProgressStore {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StoreError(`data folder ${JSON.stringify(dir)} is a file, not a folder`, STORE_HINT);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(`data folder ${JSON.stringify(dir)} cannot be created (${codeOf(error)})`, STORE_HINT);
    }
    const store = new ProgressStore(dir, clock);
    try {
      accessSync(dir, constants.W_OK | constants.X_OK);
    } catch (error) {
      throw new StoreError(`data folder ${JSON.stringify(dir)} cannot be written (${codeOf(error)})`, STORE_HINT);
    }
    try {
      accessSync(store.file, constants.R_OK | constants.W_OK);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw logError(store.file, error, 'read and written');
    }
    return store;
  }

  /** Saves an attempt; it is on disk when this returns. */
  recordAttempt(attempt: NewAttempt): Attempt {
    // A non-finite number would be written as null and make the attempt unreadable.
    const record: Attempt = { ...attempt, score: finite(attempt.score), seconds: finite(attempt.seconds), id: randomUUID(), at: this.clock().toISOString() };
    appendRecord(this.file, { v: VERSION, type: 'attempt', ...record });
    return record;
  }

  /** Records the user's override of a verdict, or the rating they chose, beside the saved attempt. */
  reviseAttempt(attemptId: string, change: Pick<Revision, 'override' | 'rating'>): void {
    appendRecord(this.file, { v: VERSION, type: 'revision', attempt: attemptId, ...change, at: this.clock().toISOString() });
  }

  /** Flags a question as needing a fix (listed by `nnquiz stats --flagged`). */
  flagQuestion(questionId: string, note?: string): void {
    appendRecord(this.file, { v: VERSION, type: 'flag', question: questionId, ...(note ? { note } : {}), at: this.clock().toISOString() });
  }

  /** Reads everything, applying revisions to their attempts. Damaged lines are returned, not thrown. */
  load(): LoadedProgress {
    return loadProgress(this.file);
  }
}

/**
 * Reads the progress in a data folder, writing nothing and creating nothing: for the commands
 * that only read (stats, export --weak), which therefore work on a read-only data folder.
 */
export function readProgressIn(dir: string): LoadedProgress {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StoreError(`data folder ${JSON.stringify(dir)} is a file, not a folder`, STORE_HINT);
  const file = join(dir, LOG_FILE);
  try {
    return loadProgress(file);
  } catch (error) {
    if (codeOf(error) !== 'EACCES' && codeOf(error) !== 'EPERM' && codeOf(error) !== 'EISDIR') throw error;
    try {
      accessSync(dir, constants.X_OK);
    } catch {
      throw new StoreError(`data folder ${JSON.stringify(dir)} cannot be read (${codeOf(error)})`, STORE_HINT);
    }
    throw logError(file, error, 'read');
  }
}

export function loadProgress(file: string): LoadedProgress {
  const attempts: Attempt[] = [];
  const byId = new Map<string, Attempt>();
  const flags: Flag[] = [];
  const revisions: Revision[] = [];
  const wrongShape: DamagedLine[] = [];
  const damaged = readRecords(file, (record, line) => {
    const at = readTime(record.at);
    const attempt = at && toAttempt(record, at);
    if (attempt) {
      attempts.push(attempt);
      byId.set(attempt.id, attempt);
    } else if (record.type === 'revision' && isString(record.attempt) && at) {
      revisions.push({
        attempt: clean(record.attempt),
        at,
        ...(VERDICTS.has(record.override as string) ? { override: record.override as Verdict } : {}),
        ...(RATINGS.has(record.rating as string) ? { rating: record.rating as Rating } : {}),
      });
    } else if (record.type === 'flag' && isString(record.question) && at) {
      flags.push({ question: clean(record.question), at, ...(isString(record.note) ? { note: clean(record.note) } : {}) });
    } else if (record.type === 'attempt' || record.type === 'revision' || record.type === 'flag') {
      // A known kind of record with a wrong shape: edited by hand.
      wrongShape.push({ line, text: JSON.stringify(record).slice(0, 200) });
    }
    // Records of kinds this version does not know are kept on disk and ignored.
  });
  for (const revision of revisions) {
    const attempt = byId.get(revision.attempt);
    if (!attempt) continue;
    if (revision.override) attempt.override = revision.override;
    if (revision.rating) attempt.ratingChosen = revision.rating;
  }
  // By the time each names, not by its text: an offset (+14:00) or a clock that jumped must never
  // make the scheduler see time go backwards. The sort is stable: equal times keep the log's order.
  sortByTime(attempts);
  sortByTime(flags);
  damaged.push(...wrongShape);
  damaged.sort((a, b) => a.line - b.line);
  return { attempts, flags, damaged, file };
}

/** Sorts records by the time each names, parsing each time once. Stable: equal times keep their order. */
function sortByTime<T extends { at: string }>(list: T[]): void {
  const keyed = list.map((item) => ({ item, time: Date.parse(item.at) }));
  keyed.sort((a, b) => a.time - b.time);
  keyed.forEach(({ item }, index) => (list[index] = item));
}

/** An attempt record as an Attempt, its time already read; undefined when it has not an attempt's shape. */
function toAttempt(record: Record<string, unknown>, at: string): Attempt | undefined {
  const r = record;
  if (r.type !== 'attempt' || !isString(r.id) || !isString(r.question)) return undefined;
  // A null score is a NaN that older versions wrote: the attempt is kept, as a score of nothing.
  if (!(typeof r.score === 'number' || r.score === null) || !VERDICTS.has(r.verdict as string)) return undefined;
  return {
    id: clean(r.id),
    question: clean(r.question),
    answer: isString(r.answer) ? clean(r.answer) : '',
    score: Math.min(1, Math.max(0, r.score ?? 0)),
    verdict: r.verdict as Verdict,
    matched: Array.isArray(r.matched) ? r.matched.flatMap((m: unknown) => toMatch(m)) : [],
    missing: Array.isArray(r.missing) ? r.missing.filter(isString).map(clean) : [],
    seconds: typeof r.seconds === 'number' ? r.seconds : 0,
    late: r.late === true,
    skipped: r.skipped === true,
    mode: r.mode === 'review' ? 'review' : 'quiz',
    rating: RATINGS.has(r.rating as string) ? (r.rating as Rating) : 'again',
    at,
    ...(typeof r.bundled === 'boolean' ? { bundled: r.bundled } : {}),
  };
}

/** A matched term of a saved attempt: only the fields nnquiz writes are kept, each sanitised. */
function toMatch(value: unknown): Attempt['matched'] {
  if (!value || typeof value !== 'object') return [];
  const m = value as { term?: unknown; text?: unknown; how?: unknown };
  if (!isString(m.term)) return [];
  return [{ term: clean(m.term), text: isString(m.text) ? clean(m.text) : '', how: (isString(m.how) ? clean(m.how) : 'exact') as Attempt['matched'][number]['how'] }];
}
